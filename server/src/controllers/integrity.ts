import type { Core } from '@strapi/strapi';

import type { Drift, Integrity, IntegrityReport } from '../../../shared/contracts';
import { documentKey, hasContentManagerPermission, readableDocuments } from '../permissions';
import { getService } from '../utils';

/**
 * GET checks the stored statuses against the content (read); POST also repairs them (verify). Both show only the
 * documents the user may read in the Content Manager, and POST repairs only those they may update.
 */
const integrity = ({ strapi }: { strapi: Core.Strapi }) => {
  const onlyReadable = async (ctx: any, report: IntegrityReport): Promise<IntegrityReport> => {
    const readable = new Map<string, ReadonlyMap<string, boolean> | null>();
    const keep = async (list: Drift[]) => {
      const kept: Drift[] = [];
      for (const item of list) {
        if (!readable.has(item.uid)) readable.set(item.uid, await readableDocuments(strapi, ctx, item.uid));
        if (readable.get(item.uid)?.has(documentKey(item.documentId, item.locale))) kept.push(item);
      }
      return kept;
    };
    return { ...report, drift: await keep(report.drift), ...(report.fixed ? { fixed: await keep(report.fixed) } : {}) };
  };

  return {
    async find(ctx: any) {
      const body: Integrity.Response = { data: await onlyReadable(ctx, await getService(strapi, 'integrity').check()) };
      ctx.body = body;
    },

    async repair(ctx: any) {
      const report = await getService(strapi, 'integrity').repair((item) =>
        hasContentManagerPermission(strapi, ctx, { uid: item.uid, documentId: item.documentId, locale: item.locale }, 'update')
      );
      const body: Integrity.Response = { data: await onlyReadable(ctx, report) };
      ctx.body = body;
    },
  };
};

export default integrity;
