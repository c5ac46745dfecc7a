import type { Core } from '@strapi/strapi';

import {
  createAdminRole,
  createAdminSession,
  createApiToken,
  grantUsersPermissions,
  type AdminSession,
  type ApiTokenType,
  type PermissionSpec,
  type BuiltInRole,
} from './admin';
import { grantArticleLocales } from '../../playground/src/seed/demo';
import { hashOfVersion, loadVersions } from '../../server/src/database/versions';
import { createHttpClient, type HttpClient } from './http';
import { startStrapi, type StartOptions, type TestApp } from './strapi';

export * from './admin';
export * from './database';
export * from './http';
export * from './logs';
export * from './strapi';

export interface TestContext extends TestApp {
  http: HttpClient;
  /** Creates an admin user with these roles and returns its logged-in session. */
  admin(roles: Array<BuiltInRole | number> | BuiltInRole, name?: string): Promise<AdminSession>;
  /** Creates a custom admin role with exactly these permissions (see contentManagerOn); returns its id. */
  role(name: string, permissions: PermissionSpec[]): Promise<number>;
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
  // As an admin would set them up (and the demo does): the built-in Editor and Author roles get the Content Manager
  // on articles in both locales; Authors keep their "is creator" condition. A fresh Strapi gives them no locale.
  await grantArticleLocales(app.strapi);
  const http = createHttpClient(app.baseUrl);
  const strapi: Core.Strapi = app.strapi;
  return {
    ...app,
    http,
    admin: (roles, name) => createAdminSession(strapi, http, Array.isArray(roles) ? roles : [roles], name),
    role: (name, permissions) => createAdminRole(strapi, name, permissions),
    apiToken: (type, permissions) => createApiToken(strapi, type, permissions),
    grantPublic: (actions, roleType) => grantUsersPermissions(strapi, actions, roleType),
  };
}

export const ARTICLE_UID = 'api::article.article';

/** Adds the `fr` locale (a fresh database only has `en`). */
export async function ensureFrenchLocale(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode('fr'))) await locales.create({ code: 'fr', name: 'French (fr)' });
}

/** Creates an article in code (document service), optionally published, and returns its documentId. */
export async function createArticle(
  strapi: Core.Strapi,
  data: Record<string, unknown> = {},
  { locale = 'en', publish = false }: { locale?: string; publish?: boolean } = {}
): Promise<string> {
  const created = await strapi.documents(ARTICLE_UID).create({
    locale,
    data: { title: 'An article', ...data } as any,
    ...(publish ? { status: 'published' as const } : {}),
  });
  return created.documentId;
}

/** Path of the admin document route for an article. */
export const trustPath = (documentId: string, suffix = '') =>
  `/trust-labels/documents/${ARTICLE_UID}/${documentId}${suffix}`;

/**
 * Sets a version's trust status straight in the database, consistently with the verification rules: a
 * `verified` version records its current content hash (as if verified now), a `stale` one a hash that no
 * longer matches, an `unverified` one none. `published` picks the published row instead of the draft.
 */
export async function setTrustStatusInDb(
  strapi: Core.Strapi,
  documentId: string,
  status: 'unverified' | 'verified' | 'stale',
  { locale = 'en', published = false }: { locale?: string; published?: boolean } = {}
): Promise<void> {
  const versions = await loadVersions(strapi, ARTICLE_UID, documentId, { locale, withContent: true });
  const version = versions.find((candidate) => candidate.published === published);
  if (!version?.trustId) throw new Error(`no trust component for ${documentId} (${locale}, published=${published})`);
  const { hash, fieldHashes } = hashOfVersion(strapi, ARTICLE_UID, version);
  const data =
    status === 'unverified'
      ? { status, verifiedHash: null, fieldHashes: null, verifiedAt: null }
      : {
          status,
          verifiedHash: status === 'verified' ? hash : '0'.repeat(64),
          fieldHashes,
          verifiedAt: new Date().toISOString(),
          changedFields: status === 'stale' ? ['title'] : [],
        };
  await strapi.db.query('trust-labels.trust' as any).update({ where: { id: version.trustId }, data });
}
export * from './child';
export * from './integrity';
