import type { Core } from '@strapi/strapi';

import type { PublicTrust } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import { defaultTrust, disclaimerResolver, presentTrust, type PresentationContext } from '../domain/trust';
import { getPluginConfig, getService } from '../utils';

/**
 * The one owner of the public trust object (SPEC.md "Content API"): loads the trust of a page of entries in one
 * query and presents each (resolved disclaimer, public fields only). The content API, GraphQL, the badge, JSON-LD
 * and the report all read trust through here; the admin state adds the editor fields to the same presentation.
 */
export interface EntryRef {
  /** The entry row id (one version: a locale's draft or published row). */
  id: number;
  /** The locale whose disclaimer texts apply (the entry's own). */
  locale: string | null;
}

export const loadPublicTrust = async (
  strapi: Core.Strapi,
  uid: string,
  entries: EntryRef[],
  context?: PresentationContext
): Promise<Map<number, PublicTrust>> => {
  const { attributeName } = getPluginConfig(strapi);
  // In turn (see services/settings.ts presentationContext): never two queries at once on a transaction's connection.
  const rows = await loadTrustRows(strapi, uid, attributeName, entries.map((entry) => entry.id), { fields: 'public' });
  const presentation = context ?? (await getService(strapi, 'settings').presentationContext());
  const resolve = disclaimerResolver(presentation);
  const unlabelled = defaultTrust();
  return new Map(entries.map((entry) => [entry.id, presentTrust(rows.get(entry.id)?.trust ?? unlabelled, { uid, locale: entry.locale }, presentation, resolve)]));
};
