import type { Core } from '@strapi/strapi';

import { disclosureHeaderValue } from '../../../shared/disclosure';
import { loadPublicTrust, type EntryRef } from '../services/public-trust';
import { getPluginConfig } from '../utils';

/**
 * How trust gets into content API responses, in two halves joined by one key on the request's state:
 * 1. document-service/content-api-read.ts records the entries a read returned (`recordEntriesRead`), for every type
 *    whose entries are, or can reach through relations, entries of an enabled type;
 * 2. `attachTrustToResponse`, the innermost Koa middleware around the router, finds those entries in the response
 *    the controller built, walks their relations, components and dynamic zones (guided by the schemas) to every
 *    entry of an enabled type, top-level or populated through a relation, and sets its `trust` to the public
 *    object (services/public-trust.ts: one query per type for the whole response).
 * Trust therefore needs neither Strapi's populate nor its output sanitizer, a relation populate shows exactly what a
 * direct read shows, and no internal field can reach the response: only the public object is attached.
 */
const ENTRIES_READ = 'trustLabelsEntriesRead';

interface EntryRead {
  uid: string;
  locale: string | null;
}

const entryKey = (entry: any) => `${entry.documentId}\u0000${entry.id}`;

/** Whether entries of `uid` are, or can lead through relations, components and dynamic zones, to trust-labelled ones. */
export const createReachability = (strapi: Core.Strapi) => {
  const known = new Map<string, boolean>();
  const reaches = (uid: string, visiting = new Set<string>()): boolean => {
    if (known.has(uid)) return known.get(uid)!;
    if (getPluginConfig(strapi).contentTypes.includes(uid)) return true;
    if (visiting.has(uid)) return false;
    visiting.add(uid);
    const schema: any = strapi.getModel(uid as any);
    let found = false;
    for (const attribute of Object.values<any>(schema?.attributes ?? {})) {
      const next =
        attribute.type === 'relation' && typeof attribute.target === 'string'
          ? [attribute.target]
          : attribute.type === 'component'
            ? [attribute.component]
            : attribute.type === 'dynamiczone'
              ? attribute.components ?? []
              : [];
      if (next.some((target: string) => reaches(target, visiting))) {
        found = true;
        break;
      }
    }
    visiting.delete(uid);
    // Only a complete answer is kept: one found false while its cycle was still open may change.
    if (found || visiting.size === 0) known.set(uid, found);
    return found;
  };
  return (uid: string) => reaches(uid);
};

export const recordEntriesRead = (request: any, uid: string, result: unknown, requestedLocale: unknown) => {
  const entries = Array.isArray(result) ? result : [result];
  let read: Map<string, EntryRead> | undefined = request.state[ENTRIES_READ];
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object' || !(entry as any).id || typeof (entry as any).documentId !== 'string') continue;
    if (!read) request.state[ENTRIES_READ] = read = new Map();
    const locale = (entry as any).locale ?? (typeof requestedLocale === 'string' ? requestedLocale : null);
    read.set(entryKey(entry), { uid, locale });
  }
};

export const attachTrustToResponse = (strapi: Core.Strapi) => {
  const reaches = createReachability(strapi);

  return async (ctx: any, next: () => Promise<unknown>) => {
    await next();
    const read: Map<string, EntryRead> | undefined = ctx.state?.[ENTRIES_READ];
    if (!read || !ctx.body || typeof ctx.body !== 'object') return;
    const { contentTypes, attributeName, disclosureHeader } = getPluginConfig(strapi);

    // Every entry of an enabled type in the response, by type.
    const found = new Map<string, Array<{ entry: any; ref: EntryRef }>>();
    const visitEntry = (uid: string, entry: any, locale: string | null, depth: number) => {
      if (!entry || typeof entry !== 'object' || depth > 20) return;
      const own = typeof entry.locale === 'string' ? entry.locale : locale;
      if (contentTypes.includes(uid) && entry.id !== undefined && entry.id !== null) {
        if (!found.has(uid)) found.set(uid, []);
        found.get(uid)!.push({ entry, ref: { id: Number(entry.id), locale: own } });
      }
      visitAttributes(strapi.getModel(uid as any), entry, own, depth, uid);
    };
    const visitAttributes = (schema: any, value: any, locale: string | null, depth: number, ownerUid?: string) => {
      for (const [name, attribute] of Object.entries<any>(schema?.attributes ?? {})) {
        if (ownerUid && contentTypes.includes(ownerUid) && name === attributeName) continue;
        const nested = value[name];
        if (nested === null || nested === undefined || typeof nested !== 'object') continue;
        const items = Array.isArray(nested) ? nested : [nested];
        if (attribute.type === 'relation' && typeof attribute.target === 'string' && reaches(attribute.target)) {
          for (const item of items) visitEntry(attribute.target, item, locale, depth + 1);
        } else if (attribute.type === 'component' && reaches(attribute.component)) {
          for (const item of items) if (item && typeof item === 'object') visitAttributes(strapi.getModel(attribute.component), item, locale, depth + 1);
        } else if (attribute.type === 'dynamiczone') {
          for (const item of items) {
            const component = item?.__component;
            if (typeof component === 'string' && reaches(component)) visitAttributes(strapi.getModel(component as any), item, locale, depth + 1);
          }
        }
      }
    };

    const data = (ctx.body as any).data;
    for (const entry of Array.isArray(data) ? data : [data]) {
      if (!entry || typeof entry !== 'object') continue;
      const target = read.get(entryKey(entry));
      if (target) visitEntry(target.uid, entry, target.locale, 0);
    }
    for (const [uid, members] of found) {
      const trust = await loadPublicTrust(strapi, uid, members.map(({ ref }) => ref));
      for (const { entry, ref } of members) entry[attributeName] = trust.get(ref.id);
    }

    // A response of one entry of an enabled type: its disclosure as the AI-Disclosure header, when configured.
    if (disclosureHeader && data && !Array.isArray(data) && typeof data === 'object') {
      const target = read.get(entryKey(data));
      const header = target && contentTypes.includes(target.uid) && data[attributeName] ? disclosureHeaderValue(data[attributeName]) : null;
      if (header) ctx.set('AI-Disclosure', header);
    }
  };
};
