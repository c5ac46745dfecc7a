import type { Core } from '@strapi/strapi';

import type { PublicTrust } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import { defaultTrust, disclaimerResolver, presentTrust, type PresentationContext } from '../domain/trust';
import { getPluginConfig } from '../utils';
import { getService } from './registry';

/**
 * The public trust object of a page of entries (docs/front-end.md#what-api-consumers-get): loads their trust rows in
 * one query (public fields only) and presents each (resolved disclaimer, disclosure). The content API
 * (middlewares/attach-trust.ts) and GraphQL (graphql.ts) read trust through here. The other channels read the trust
 * row themselves, because they need fields that are not public, and present it with the same `presentTrust`
 * (domain/trust.ts, whose status and disclosure come from domain/status.ts): the badge and JSON-LD
 * (services/outputs.ts `loadPublished`: the editorial responsibility, the verified hash for the verify event), the
 * receipt (services/outputs.ts `receipt`: the row that comes with the version's content, its status judged against
 * that content's hash), the report (services/report.ts: checks, editorial responsibility) and the admin state
 * (services/admin-state.ts, adding the editor fields).
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
  const rows = await loadTrustRows(
    strapi,
    uid,
    attributeName,
    entries.map((entry) => entry.id),
    { fields: 'public' }
  );
  const presentation = context ?? (await getService(strapi, 'settings').presentationContext());
  const resolve = disclaimerResolver(presentation);
  const unlabelled = defaultTrust();
  return new Map(
    entries.map((entry) => [
      entry.id,
      presentTrust(rows.get(entry.id)?.trust ?? unlabelled, { uid, locale: entry.locale }, presentation, resolve),
    ])
  );
};
