import type { Core } from '@strapi/strapi';

import { disclosureHeaderValue } from '../../../shared/disclosure';
import { loadPublicTrust, type EntryRef } from '../services/public-trust';
import { getPluginConfig, isEnabledUid } from '../utils';

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
    if (isEnabledUid(strapi, uid)) return true;
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
              ? (attribute.components ?? [])
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
    if (!entry || typeof entry !== 'object' || !(entry as any).id || typeof (entry as any).documentId !== 'string')
      continue;
    if (!read) request.state[ENTRIES_READ] = read = new Map();
    const locale = (entry as any).locale ?? (typeof requestedLocale === 'string' ? requestedLocale : null);
    read.set(entryKey(entry), { uid, locale });
  }
};

/** Where, in an entry or component of `uid`, entries of an enabled type can be found: only the attributes that lead there. */
type Step =
  | { name: string; kind: 'relation'; target: string }
  | { name: string; kind: 'component'; component: string }
  | { name: string; kind: 'dynamiczone' };

const stepsOf = (strapi: Core.Strapi, reaches: (uid: string) => boolean, uid: string): Step[] => {
  const { contentTypes, attributeName } = getPluginConfig(strapi);
  const steps: Step[] = [];
  for (const [name, attribute] of Object.entries<any>((strapi.getModel(uid as any) as any)?.attributes ?? {})) {
    if (contentTypes.includes(uid) && name === attributeName) continue;
    if (attribute.type === 'relation' && typeof attribute.target === 'string' && reaches(attribute.target)) {
      steps.push({ name, kind: 'relation', target: attribute.target });
    } else if (attribute.type === 'component' && reaches(attribute.component)) {
      steps.push({ name, kind: 'component', component: attribute.component });
    } else if (attribute.type === 'dynamiczone' && (attribute.components ?? []).some(reaches)) {
      steps.push({ name, kind: 'dynamiczone' });
    }
  }
  return steps;
};

export const attachTrustToResponse = (strapi: Core.Strapi) => {
  const reaches = createReachability(strapi);
  // Derived from the schemas alone (fixed once Strapi has started), so computed once per type.
  const plans = new Map<string, Step[]>();
  const planOf = (uid: string) => {
    let steps = plans.get(uid);
    if (!steps) plans.set(uid, (steps = stepsOf(strapi, reaches, uid)));
    return steps;
  };

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
        let members = found.get(uid);
        if (!members) found.set(uid, (members = []));
        members.push({ entry, ref: { id: Number(entry.id), locale: own } });
      }
      visitAttributes(uid, entry, own, depth);
    };
    const visitAttributes = (uid: string, value: any, locale: string | null, depth: number) => {
      for (const step of planOf(uid)) {
        const nested = value[step.name];
        if (nested === null || nested === undefined || typeof nested !== 'object') continue;
        const items = Array.isArray(nested) ? nested : [nested];
        for (const item of items) {
          if (!item || typeof item !== 'object') continue;
          if (step.kind === 'relation') visitEntry(step.target, item, locale, depth + 1);
          else if (step.kind === 'component') visitAttributes(step.component, item, locale, depth + 1);
          else if (typeof item.__component === 'string' && reaches(item.__component))
            visitAttributes(item.__component, item, locale, depth + 1);
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
      const trust = await loadPublicTrust(
        strapi,
        uid,
        members.map(({ ref }) => ref)
      );
      for (const { entry, ref } of members) entry[attributeName] = trust.get(ref.id);
    }

    // A response of one entry of an enabled type: its disclosure as the AI-Disclosure header, when configured.
    if (disclosureHeader && data && !Array.isArray(data) && typeof data === 'object') {
      const target = read.get(entryKey(data));
      const header =
        target && contentTypes.includes(target.uid) && data[attributeName]
          ? disclosureHeaderValue(data[attributeName])
          : null;
      if (header) ctx.set('AI-Disclosure', header);
    }
  };
};
