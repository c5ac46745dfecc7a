import type { Core } from '@strapi/strapi';

import {
  createAdminRole,
  createAdminSession,
  createApiToken,
  grantUsersPermissions,
  type AdminSession,
  type ApiTokenType,
  type BuiltInRole,
} from './admin';
import { createHttpClient, type HttpClient } from './http';
import { startStrapi, type StartOptions, type TestApp } from './strapi';

export * from './admin';
export * from './database';
export * from './http';
export * from './strapi';

export interface TestContext extends TestApp {
  http: HttpClient;
  /** Creates an admin user with these roles and returns its logged-in session. */
  admin(roles: Array<BuiltInRole | number> | BuiltInRole, name?: string): Promise<AdminSession>;
  /** Creates a custom admin role with exactly these actions; returns its id. */
  role(name: string, actions: string[]): Promise<number>;
  apiToken(type: ApiTokenType, permissions?: string[]): Promise<string>;
  grantPublic(actions: string[], roleType?: string): Promise<void>;
}

/**
 * One line per test file:
 *
 *   const t = await bootTestApp();                       // in beforeAll
 *   const editor = await t.admin('editor');
 *   const res = await t.http.get('/trust-labels/...', { token: editor.token });
 *   await t.stop();                                      // in afterAll
 */
export async function bootTestApp(options: StartOptions = {}): Promise<TestContext> {
  const app = await startStrapi(options);
  const http = createHttpClient(app.baseUrl);
  const strapi: Core.Strapi = app.strapi;
  return {
    ...app,
    http,
    admin: (roles, name) => createAdminSession(strapi, http, Array.isArray(roles) ? roles : [roles], name),
    role: (name, actions) => createAdminRole(strapi, name, actions),
    apiToken: (type, permissions) => createApiToken(strapi, type, permissions),
    grantPublic: (actions, roleType) => grantUsersPermissions(strapi, actions, roleType),
  };
}
