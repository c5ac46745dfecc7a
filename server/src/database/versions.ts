import type { Core } from '@strapi/strapi';

import {
  computeContentHash,
  hashedContent,
  hashPopulate,
  hashedAttributeNames,
  type ContentHash,
} from '../domain/hash';
import type { StoredTrust } from '../domain/trust';
import { normalizeTrust } from '../domain/trust';
import { getPluginConfig, hasDraftAndPublish } from '../utils';
import { loadTrustRows } from './trust-rows';

/** One version of a document (a locale's draft or published row) with its trust row. */
export interface Version {
  /** The entry row id. */
  id: number;
  documentId: string;
  locale: string | null;
  /** True for the published row of a type with draft & publish. */
  published: boolean;
  /** Id of the admin user who last updated the row, if known. */
  updatedById: number | null;
  /** The row with the hashed attributes (and their components), when loaded `withContent`. */
  entry: Record<string, unknown>;
  trustId: number | null;
  trust: StoredTrust;
}

/** What the content hash of a type covers, and how to load it. */
export const hashSetup = (strapi: Core.Strapi, uid: string) => {
  const config = getPluginConfig(strapi);
  const schema = strapi.contentType(uid as any) as any;
  const names = hashedAttributeNames(schema, config.attributeName, config.hashAttributes[uid]);
  const populate = hashPopulate(
    schema,
    names,
    (componentUid) => strapi.components[componentUid as keyof typeof strapi.components] as any
  );
  return { names, populate };
};

export const hashOfVersion = (strapi: Core.Strapi, uid: string, version: Version): ContentHash =>
  computeContentHash(version.entry, hashSetup(strapi, uid).names, version.trust.sources);

/** The version's content as the hash covers it (kept with a verification, for the diff). */
export const contentOfVersion = (strapi: Core.Strapi, uid: string, version: Version): Record<string, unknown> =>
  hashedContent(version.entry, hashSetup(strapi, uid).names, version.trust.sources);

const toVersion = (
  uid: string,
  draftAndPublish: boolean,
  row: any,
  trust: { trustId: number | null; trust: StoredTrust } | undefined
): Version => ({
  id: Number(row.id),
  documentId: row.documentId,
  locale: row.locale ?? null,
  published: draftAndPublish && Boolean(row.publishedAt),
  updatedById: row.updatedBy?.id ?? null,
  entry: row,
  trustId: trust?.trustId ?? null,
  trust: trust?.trust ?? normalizeTrust(null),
});

/**
 * Every version of a document (or of one locale), with its trust row, in two queries. `withContent` also loads the
 * hashed attributes and the last updater (verification, recompute, integrity); without it, only ids and trust.
 */
export const loadVersions = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  {
    locale,
    withContent = false,
    withVerifiedContent = false,
  }: { locale?: string | null; withContent?: boolean; withVerifiedContent?: boolean } = {}
): Promise<Version[]> => {
  const { attributeName } = getPluginConfig(strapi);
  const where = { documentId, ...(locale ? { locale } : {}) };
  const rows: any[] = withContent
    ? await strapi.db.query(uid as any).findMany({
        where,
        populate: { ...hashSetup(strapi, uid).populate, updatedBy: { select: ['id'] } },
        orderBy: { id: 'asc' },
      })
    : await strapi.db
        .query(uid as any)
        .findMany({ where, select: ['id', 'documentId', 'locale', 'publishedAt'], orderBy: { id: 'asc' } });
  const trust = await loadTrustRows(
    strapi,
    uid,
    attributeName,
    rows.map((row) => Number(row.id)),
    {
      fields: withVerifiedContent ? 'with-verified-content' : 'all',
    }
  );
  const draftAndPublish = hasDraftAndPublish(strapi, uid);
  return rows.map((row) => toVersion(uid, draftAndPublish, row, trust.get(Number(row.id))));
};

/**
 * The draft and the published version of one locale. A type without draft & publish has one row, which is both:
 * editors edit it and readers see it.
 */
export const draftAndPublished = (strapi: Core.Strapi, uid: string, versions: Version[]) => {
  if (!hasDraftAndPublish(strapi, uid)) return { draft: versions[0] ?? null, published: versions[0] ?? null };
  return {
    draft: versions.find((version) => !version.published) ?? null,
    published: versions.find((version) => version.published) ?? null,
  };
};
