import crypto from 'crypto';

import type { Core } from '@strapi/strapi';

import type { HttpClient } from './http';

export type BuiltInRole = 'super-admin' | 'editor' | 'author';

const ROLE_CODES: Record<BuiltInRole, string> = {
  'super-admin': 'strapi-super-admin',
  editor: 'strapi-editor',
  author: 'strapi-author',
};

export interface AdminSession {
  id: number;
  email: string;
  password: string;
  /** Admin JWT from POST /admin/login. */
  token: string;
}

export const TEST_PASSWORD = 'Test-Password-123';

/** Creates an active admin user with the given roles (built-in names or role ids) and logs in over HTTP. */
export async function createAdminSession(
  strapi: Core.Strapi,
  http: HttpClient,
  roles: Array<BuiltInRole | number>,
  name = 'user'
): Promise<AdminSession> {
  const roleIds: number[] = [];
  for (const role of roles) {
    if (typeof role === 'number') {
      roleIds.push(role);
      continue;
    }
    const found = await strapi.db.query('admin::role').findOne({ where: { code: ROLE_CODES[role] } });
    if (!found) throw new Error(`built-in admin role ${role} not found`);
    roleIds.push(found.id);
  }

  const email = `${name}-${crypto.randomBytes(4).toString('hex')}@trust-labels.test`;
  const user = await strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: 'Tester',
    password: TEST_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  });

  const login = await http.post('/admin/login', { email, password: TEST_PASSWORD });
  if (login.status !== 200 || !login.body?.data?.token) {
    throw new Error(`admin login failed for ${email}: ${login.status} ${login.text}`);
  }
  return { id: user.id, email, password: TEST_PASSWORD, token: login.body.data.token };
}

/** One permission of an admin role: an action alone (subject-less), or with a subject, properties and conditions. */
export type PermissionSpec =
  string | { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

/**
 * Creates a custom admin role holding exactly the given permissions, for example
 * ['plugin::trust-labels.read', ...contentManagerOn('api::article.article', ['read'], { locales: ['en'] })].
 */
export async function createAdminRole(
  strapi: Core.Strapi,
  name: string,
  permissions: PermissionSpec[]
): Promise<number> {
  const roleService = strapi.service('admin::role');
  const role = await roleService.create({
    name: `${name} ${crypto.randomBytes(3).toString('hex')}`,
    description: 'test role',
  });
  await roleService.assignPermissions(
    role.id,
    permissions.map((permission) =>
      typeof permission === 'string'
        ? { action: permission, subject: null, properties: {}, conditions: [] }
        : { subject: null, properties: {}, conditions: [], ...permission }
    )
  );
  return role.id;
}

/**
 * Content Manager permissions on one type (`read`, `update`, …), with its locales and conditions such as
 * 'admin::is-creator'. Fields are left unrestricted.
 */
export const contentManagerOn = (
  subject: string,
  actions: Array<'create' | 'read' | 'update' | 'delete' | 'publish'>,
  { locales = ['en', 'fr'], conditions = [] }: { locales?: string[]; conditions?: string[] } = {}
): PermissionSpec[] =>
  actions.map((action) => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject,
    properties: { locales },
    conditions,
  }));

export type ApiTokenType = 'read-only' | 'full-access' | 'custom';

/** Creates an API token and returns its access key. `permissions` only matters for the custom type. */
export async function createApiToken(
  strapi: Core.Strapi,
  type: ApiTokenType,
  permissions: string[] = []
): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `${type} ${crypto.randomBytes(4).toString('hex')}`,
    description: 'test token',
    type,
    lifespan: null,
    permissions: type === 'custom' ? permissions : undefined,
  });
  if (!token.accessKey) throw new Error('API token service returned no access key');
  return token.accessKey;
}

/** Grants actions (for example 'api::article.article.find') to a users-permissions role (public by default). */
export async function grantUsersPermissions(
  strapi: Core.Strapi,
  actions: string[],
  roleType = 'public'
): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role ${roleType} not found`);
  for (const action of actions) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
}
