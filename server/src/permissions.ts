import type { Core } from '@strapi/strapi';

import { forbidden, isTrustLabelsError, notFound } from './errors';
import type { Target } from './types';
import { hasDraftAndPublish, isLocalized } from './utils';

/**
 * The plugin's RBAC actions combine with the Content Manager's, as the Content Manager itself applies them: on top
 * of its own action (checked by each route's policy), a plugin route that acts on a document needs the Content
 * Manager's `read` (trust read, history) or `update` (label edits, verify, unverify) permission on that content
 * type, and that permission's conditions (such as "Is creator") and locale restrictions must allow that very
 * document and locale. Lists (statuses, the report, the integrity check) show only what the user may read.
 */
export type ContentManagerAction = 'read' | 'update';

const checkerFor = (strapi: Core.Strapi, ctx: any, uid: string) =>
  strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: uid });

/** The version that the Content Manager checks (the draft, in the locale), with what its conditions need populated. */
const versionToCheck = async (strapi: Core.Strapi, checker: any, target: Target, action: ContentManagerAction) => {
  const permissionQuery = await checker.sanitizedQuery[action]({});
  const populate = await (strapi.plugin('content-manager').service('populate-builder') as any)(target.uid)
    .populateFromQuery(permissionQuery)
    .build();
  return strapi.documents(target.uid as any).findOne({
    documentId: target.documentId,
    ...(target.locale ? { locale: target.locale } : {}),
    ...(hasDraftAndPublish(strapi, target.uid) ? { status: 'draft' as const } : {}),
    populate,
  } as any);
};

const deny = (action: ContentManagerAction) =>
  forbidden(`Forbidden: this needs the Content Manager's ${action} permission on this entry and locale`);

/**
 * 403 unless the user's Content Manager permissions allow `action` on this document and locale; 404 if it does not
 * exist. Resolves to whether they allow `action` on each field of it (its field permissions, with their conditions):
 * the plugin shows no content of a field the Content Manager hides.
 */
export const assertContentManagerPermission = async (
  strapi: Core.Strapi,
  ctx: any,
  target: Target,
  action: ContentManagerAction
): Promise<(field: string) => boolean> => {
  const checker = checkerFor(strapi, ctx, target.uid);
  if (checker.cannot[action]()) throw deny(action);
  const version = await versionToCheck(strapi, checker, target, action);
  if (!version) throw notFound('Document not found');
  if (checker.cannot[action](version)) throw deny(action);
  return (field) => checker.can[action](version, field);
};

/**
 * Whether `action` is allowed on this document (false for one that does not exist). Only a refusal (403) or a
 * missing document (404) is an answer: any other failure, such as the database failing under the check, is thrown,
 * so that a bulk action answers 503 instead of reporting the documents as refused.
 */
export const hasContentManagerPermission = async (
  strapi: Core.Strapi,
  ctx: any,
  target: Target,
  action: ContentManagerAction
) => {
  try {
    await assertContentManagerPermission(strapi, ctx, target, action);
    return true;
  } catch (error) {
    if (isTrustLabelsError(error) && (error.status === 403 || error.status === 404)) return false;
    throw error;
  }
};

/**
 * Which versions of `uid` the user may read in the Content Manager, as a query: null when none; `readable` null when
 * all; else `readable(column)` builds the subquery for `WHERE EXISTS (…)` that finds the version whose id is in
 * `column` (an aliased column of the outer query, such as `d.id`) among the readable ones.
 *
 * Correlated on the primary key rather than `<column> IN (SELECT id …)`: with the uncorrelated form, MariaDB, whose
 * statistics lag behind a bulk insert, planned a scan of the whole table for each outer row (200 million rows read
 * for 20,000 versions, 2 minutes; tests/integration/report-stream.test.ts). A lookup by primary key per row is the
 * plan every database takes for this form.
 *
 * This is the Content Manager's own list mechanism (its `find` controller): the permission checker's
 * `sanitizedQuery.read` turns the user's rules (conditions such as "Is creator", the locales that i18n adds as a
 * condition) into query filters (CASL `rulesToQuery`, then Strapi's filter syntax); Strapi's query-params service
 * turns those into a where-clause and its query builder into SQL, with the joins the conditions need. Nothing is
 * loaded to check it: the database applies it, whatever the number of entries (ARCHITECTURE.md "Permissions in
 * queries"). Field permissions are not a filter: they decide what is shown of the versions of one page.
 */
export interface ReadScope {
  readable: ((column: string) => any) | null;
}

export const readScope = async (strapi: Core.Strapi, ctx: any, uid: string): Promise<ReadScope | null> => {
  const checker = checkerFor(strapi, ctx, uid);
  if (checker.cannot.read()) return null;
  const { filters } = await checker.sanitizedQuery.read({});
  if (!filters || (typeof filters === 'object' && Object.keys(filters).length === 0)) return { readable: null };
  const { where } = (strapi.get('query-params') as any).transform(uid, { filters });
  return {
    readable: (column: string) => {
      const builder = (strapi.db as any).queryBuilder(uid).init({ where, select: ['id'] });
      const idColumn = (strapi.db as any).metadata.get(uid).attributes.id?.columnName ?? 'id';
      return builder.getKnexQuery().whereColumn(`${builder.alias}.${idColumn}`, column);
    },
  };
};

/**
 * The documentIds and locales of `uid` the user may read in the Content Manager among `documentIds` (a page of
 * them: each is loaded; without them, every draft of the type is, which only the integrity check still does), as
 * `documentId\0locale` keys; null when the user may read none of the type. With `field`, each key maps to whether
 * the user may also read that field of that version (the Content Manager's field permissions, whose conditions are
 * evaluated on each version).
 */
export const readableDocuments = async (
  strapi: Core.Strapi,
  ctx: any,
  uid: string,
  { documentIds, locale, field }: { documentIds?: string[]; locale?: string | null; field?: string | null } = {}
): Promise<Map<string, boolean> | null> => {
  const checker = checkerFor(strapi, ctx, uid);
  if (checker.cannot.read()) return null;
  if (documentIds?.length === 0) return new Map();
  const permissionQuery = await checker.sanitizedQuery.read({});
  const filters = {
    $and: [permissionQuery.filters ?? {}, ...(documentIds ? [{ documentId: { $in: documentIds } }] : [])],
  };
  const populate = await (strapi.plugin('content-manager').service('populate-builder') as any)(uid)
    .populateFromQuery(permissionQuery)
    .build();
  const versions: any[] = await strapi.documents(uid as any).findMany({
    filters,
    populate,
    ...(hasDraftAndPublish(strapi, uid) ? { status: 'draft' as const } : {}),
    ...(isLocalized(strapi, uid) ? { locale: locale ?? '*' } : {}),
  } as any);
  return new Map(
    versions
      .filter((version) => checker.can.read(version))
      .map((version) => [
        `${version.documentId}\u0000${version.locale ?? ''}`,
        field ? checker.can.read(version, field) : false,
      ])
  );
};

export const documentKey = (documentId: string, locale: string | null) => `${documentId}\u0000${locale ?? ''}`;
