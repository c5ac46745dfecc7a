import type { Core } from '@strapi/strapi';

import { loadPublicTrust } from '../services/public-trust';
import { getPluginConfig } from '../utils';

/**
 * How trust gets into content API responses, in two halves joined by one key on the request's state:
 * 1. document-service/content-api-read.ts records the entries an enabled type's read returned (`recordEntriesRead`);
 * 2. `attachTrustToResponse`, the innermost Koa middleware around the router, adds the public trust object of each
 *    of them once the controller has sanitized its entries and built the response (services/public-trust.ts loads
 *    and presents the whole page in one query).
 * Trust therefore needs neither Strapi's populate nor its output sanitizer, and no internal field can reach the
 * response: only the public object is attached.
 */
const ENTRIES_READ = 'trustLabelsEntriesRead';

interface EntryRead {
  uid: string;
  id: number;
  locale: string | null;
}

const entryKey = (entry: any) => `${entry.documentId}\u0000${entry.id}`;

export const recordEntriesRead = (request: any, uid: string, result: unknown, requestedLocale: unknown) => {
  const entries = Array.isArray(result) ? result : [result];
  let read: Map<string, EntryRead> | undefined = request.state[ENTRIES_READ];
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object' || !(entry as any).id || typeof (entry as any).documentId !== 'string') continue;
    if (!read) request.state[ENTRIES_READ] = read = new Map();
    const locale = (entry as any).locale ?? (typeof requestedLocale === 'string' ? requestedLocale : null);
    read.set(entryKey(entry), { uid, id: Number((entry as any).id), locale });
  }
};

export const attachTrustToResponse = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  await next();
  const read: Map<string, EntryRead> | undefined = ctx.state?.[ENTRIES_READ];
  if (!read || !ctx.body || typeof ctx.body !== 'object') return;
  const data = (ctx.body as any).data;
  const byUid = new Map<string, Array<{ entry: any; read: EntryRead }>>();
  for (const entry of Array.isArray(data) ? data : [data]) {
    if (!entry || typeof entry !== 'object') continue;
    const target = read.get(entryKey(entry));
    if (!target) continue;
    if (!byUid.has(target.uid)) byUid.set(target.uid, []);
    byUid.get(target.uid)!.push({ entry, read: target });
  }
  const { attributeName } = getPluginConfig(strapi);
  for (const [uid, members] of byUid) {
    const trust = await loadPublicTrust(strapi, uid, members.map(({ read: entry }) => entry));
    for (const { entry, read: target } of members) entry[attributeName] = trust.get(target.id);
  }
};
