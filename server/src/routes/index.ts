import { ACTIONS } from '../../../shared/constants';
import { forbidden } from '../errors';

// Every admin route enforces its RBAC action on the server, not only in the UI. The plugin's errors on every route
// are answered by the APIs' router middleware (middlewares/errors.ts, registered in register.ts).
const requires = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/**
 * Verification and disclosure are a person's acts: the admin API also accepts admin tokens (Strapi's MCP server gives
 * them to AI agents), and a token, whatever its permissions, may not verify, unverify, repair, change settings, edit
 * labels (it could declare AI-written text human-only) or accept and dismiss suggestions (an agent would accept its
 * own). An agent suggests (mcp.ts); a person decides.
 */
const refuseTokens = async (ctx: any, next: () => Promise<unknown>) => {
  if (ctx.state?.auth?.strategy?.name === 'admin-token') {
    throw forbidden('Only a person signed in to the admin panel may do this; admin tokens (such as AI agents) may not');
  }
  return next();
};

/** `requires(action)` for what only a person may do. */
const requiresPerson = (action: string) => ({ ...requires(action), middlewares: [refuseTokens] });

const publicOutput = { auth: false as const };

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/documents/:uid/:documentId', handler: 'documents.find', config: requires(ACTIONS.read) },
      {
        method: 'PUT',
        path: '/documents/:uid/:documentId',
        handler: 'documents.update',
        config: requiresPerson(ACTIONS.edit),
      },
      {
        method: 'POST',
        path: '/documents/:uid/:documentId/suggestion/accept',
        handler: 'documents.acceptSuggestion',
        config: requiresPerson(ACTIONS.edit),
      },
      {
        method: 'POST',
        path: '/documents/:uid/:documentId/suggestion/dismiss',
        handler: 'documents.dismissSuggestion',
        config: requiresPerson(ACTIONS.edit),
      },
      {
        method: 'POST',
        path: '/documents/:uid/:documentId/verify',
        handler: 'documents.verify',
        config: requiresPerson(ACTIONS.verify),
      },
      {
        method: 'POST',
        path: '/documents/:uid/:documentId/unverify',
        handler: 'documents.unverify',
        config: requiresPerson(ACTIONS.verify),
      },
      {
        method: 'GET',
        path: '/documents/:uid/:documentId/history',
        handler: 'documents.history',
        config: requires(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/documents/:uid/:documentId/diff',
        handler: 'documents.diff',
        config: requires(ACTIONS.read),
      },
      { method: 'GET', path: '/queue', handler: 'documents.queue', config: requires(ACTIONS.read) },
      { method: 'POST', path: '/bulk/verify', handler: 'documents.bulkVerify', config: requiresPerson(ACTIONS.verify) },
      {
        method: 'POST',
        path: '/bulk/unverify',
        handler: 'documents.bulkUnverify',
        config: requiresPerson(ACTIONS.verify),
      },
      { method: 'GET', path: '/report', handler: 'documents.report', config: requires(ACTIONS.read) },
      { method: 'GET', path: '/integrity', handler: 'integrity.find', config: requires(ACTIONS.read) },
      { method: 'POST', path: '/integrity', handler: 'integrity.repair', config: requiresPerson(ACTIONS.verify) },
      // Used by the list view column; not part of the public admin API.
      { method: 'GET', path: '/statuses/:uid', handler: 'documents.statuses', config: requires(ACTIONS.read) },
      { method: 'GET', path: '/settings', handler: 'settings.find', config: requires(ACTIONS.settingsRead) },
      { method: 'PUT', path: '/settings', handler: 'settings.update', config: requiresPerson(ACTIONS.settingsUpdate) },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      // Public outputs. `auth: false` because the permission depends on the uid in the path: the controller
      // authenticates the request like the content API does and requires `find` on that content type.
      { method: 'GET', path: '/badge/:uid/:documentId.svg', handler: 'outputs.badge', config: publicOutput },
      { method: 'GET', path: '/json-ld/:uid/:documentId', handler: 'outputs.jsonLd', config: publicOutput },
      { method: 'GET', path: '/receipt/:uid/:documentId', handler: 'outputs.receipt', config: publicOutput },
    ],
  },
};
