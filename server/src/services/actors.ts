import type { Core } from '@strapi/strapi';

import type { Actor } from './audit';

/** The display name of an admin user: never the e-mail, which must not leave the admin. */
export const adminDisplayName = (user: {
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  id?: number;
}) => {
  const full = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return (full || user.username || `Administrator ${user.id ?? ''}`.trim()).slice(0, 255);
};

/** Who is behind the current request: an admin, an API token, a users-permissions user, or code. */
export const currentActor = (strapi: Core.Strapi): Actor | null => {
  const ctx = strapi.requestContext.get() as any;
  const auth = ctx?.state?.auth;
  const user = ctx?.state?.user;
  if (user && ctx?.state?.isAuthenticatedAdmin !== false && auth?.strategy?.name === 'admin') {
    return { id: user.id, name: adminDisplayName(user), type: 'admin' };
  }
  if (auth?.strategy?.name === 'api-token')
    return { id: auth.credentials?.id ?? null, name: auth.credentials?.name ?? 'API token', type: 'api-token' };
  // Strapi's MCP endpoint (an admin token): the token's owner, marked as an agent.
  if (user && ctx?.state?.auditSource === 'mcp')
    return { id: user.id ?? null, name: `${adminDisplayName(user)} (MCP agent)`, type: 'api-token' };
  if (user) return { id: user.id ?? null, name: user.username ?? 'user', type: 'user' };
  return null;
};
