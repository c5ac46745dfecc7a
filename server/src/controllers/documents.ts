import type { Core } from '@strapi/strapi';

import { invalid } from '../errors';
import { getService } from '../utils';

const documents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const { uid, documentId } = ctx.params;
    const trust = getService(strapi, 'trust');
    const data = await trust.getDocumentState(uid, documentId, ctx.query.locale);
    // `meta` lets the Trust panel preview disclaimers without the settings permission.
    ctx.body = { data, meta: await trust.editorMeta(ctx.query.locale) };
  },

  async statuses(ctx: any) {
    ctx.body = { data: await getService(strapi, 'trust').statuses(ctx.params.uid, ctx.query.locale, ctx.query.documentIds) };
  },

  async update(ctx: any) {
    const { uid, documentId } = ctx.params;
    ctx.body = {
      data: await getService(strapi, 'trust').editDraft(uid, documentId, ctx.query.locale, ctx.request.body, ctx.state.user),
    };
  },

  async verify(ctx: any) {
    const { uid, documentId } = ctx.params;
    ctx.body = {
      data: await getService(strapi, 'verification').verify(uid, documentId, ctx.query.locale, ctx.state.user, ctx.request.body),
    };
  },

  async unverify(ctx: any) {
    const { uid, documentId } = ctx.params;
    ctx.body = {
      data: await getService(strapi, 'verification').unverify(uid, documentId, ctx.query.locale, ctx.state.user, ctx.request.body),
    };
  },

  async history(ctx: any) {
    const { uid, documentId } = ctx.params;
    const trust = getService(strapi, 'trust');
    const locale = await trust.resolveTarget(uid, documentId, ctx.query.locale);
    // 404 for a document that does not exist, like the other document routes.
    await trust.getDocumentState(uid, documentId, locale ?? undefined);
    ctx.body = { data: await getService(strapi, 'audit').history(uid, documentId, locale) };
  },

  async bulkVerify(ctx: any) {
    ctx.body = { data: await getService(strapi, 'verification').bulk('verify', ctx.request.body, ctx.state.user) };
  },

  async bulkUnverify(ctx: any) {
    ctx.body = { data: await getService(strapi, 'verification').bulk('unverify', ctx.request.body, ctx.state.user) };
  },

  async report(ctx: any) {
    const report = getService(strapi, 'report');
    const format = ctx.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      throw invalid(['format'], 'format must be json or csv');
    }
    const data = await report.build();
    if (format === 'csv') {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="trust-labels-report.csv"');
      ctx.body = report.toCsv(data);
      return;
    }
    ctx.body = { data };
  },
});

export default documents;
