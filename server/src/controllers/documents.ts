import { Readable } from 'stream';

import type { Core } from '@strapi/strapi';

import type {
  AcceptSuggestion,
  Bulk,
  DismissSuggestion,
  GetDiff,
  GetDocument,
  GetHistory,
  GetQueue,
  GetReport,
  GetStatuses,
  UpdateLabels,
  Unverify,
  Verify,
} from '../../../shared/contracts';
import {
  bulkActionSchema,
  DOCUMENT_ID_PATTERN,
  ERROR_CODES,
  historyQuerySchema,
  queueQuerySchema,
  reportQuerySchema,
  statusesQuerySchema,
  trustEditSchema,
  verificationNoteSchema,
  verifyBodySchema,
} from '../../../shared/schemas';
import { SOURCES_FIELD } from '../domain/hash';
import { AI_INVOLVEMENT_FIELD } from '../domain/status';
import {
  assertContentManagerPermission,
  documentKey,
  hasContentManagerPermission,
  readableDocuments,
  readScope,
} from '../permissions';
import { getService } from '../services/registry';
import { parseInput } from '../validation/input';
import { assertEnabledUid, documentTarget, resolveLocale } from '../validation/targets';

/**
 * The route's document, checked, and the Content Manager permission `action` on it (permissions.ts), with whether
 * that permission covers each field.
 */
const checkedTargetOf = async (strapi: Core.Strapi, ctx: any, action: 'read' | 'update') => {
  const target = await documentTarget(strapi, {
    uid: ctx.params.uid,
    documentId: ctx.params.documentId,
    locale: ctx.query.locale,
  });
  const fieldAllowed = await assertContentManagerPermission(strapi, ctx, target, action);
  return { target, fieldAllowed };
};
const targetOf = async (strapi: Core.Strapi, ctx: any, action: 'read' | 'update') =>
  (await checkedTargetOf(strapi, ctx, action)).target;

/**
 * The admin API (docs/api.md#admin-api). Each action checks its input here, at the edge (validation/targets.ts, the
 * shared zod schemas), and hands typed values to the services; the RBAC action is enforced by the route's policy.
 */
const documents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const target = await targetOf(strapi, ctx, 'read');
    const trust = getService(strapi, 'trust');
    // `meta` lets the Trust panel preview disclaimers without the settings permission.
    const body: GetDocument.Response = {
      data: await trust.getDocumentState(target),
      // The last verdict on the audit chain, so that the Trust panel can warn when it is broken.
      meta: {
        ...(await trust.editorMeta(target.locale, target.uid)),
        chain: await getService(strapi, 'audit').chainStatus(),
      },
    };
    ctx.body = body;
  },

  async statuses(ctx: any) {
    const uid = assertEnabledUid(strapi, ctx.params.uid);
    const query = parseInput(statusesQuerySchema, ctx.query);
    // Like the content API, a locale on a type that is not localized is ignored.
    const locale = await resolveLocale(strapi, uid, query.locale, { strict: false });
    const statuses = await getService(strapi, 'trust').statuses(uid, locale, query.documentIds);
    // Only documents the user may read in the Content Manager.
    const readable = await readableDocuments(strapi, ctx, uid, { documentIds: Object.keys(statuses), locale });
    const data = Object.fromEntries(
      Object.entries(statuses).filter(([documentId]) => readable?.has(documentKey(documentId, locale)))
    );
    const body: GetStatuses.Response = { data };
    ctx.body = body;
  },

  async update(ctx: any) {
    const target = await targetOf(strapi, ctx, 'update');
    const edit = parseInput(trustEditSchema, ctx.request.body);
    await getService(strapi, 'labels').editDraft(target, edit, ctx.state.user);
    const body: UpdateLabels.Response = { data: await getService(strapi, 'trust').getDocumentState(target) };
    ctx.body = body;
  },

  async acceptSuggestion(ctx: any) {
    const target = await targetOf(strapi, ctx, 'update');
    await getService(strapi, 'suggestions').accept(target, ctx.state.user);
    const body: AcceptSuggestion.Response = { data: await getService(strapi, 'trust').getDocumentState(target) };
    ctx.body = body;
  },

  async dismissSuggestion(ctx: any) {
    const target = await targetOf(strapi, ctx, 'update');
    await getService(strapi, 'suggestions').dismiss(target);
    const body: DismissSuggestion.Response = { data: await getService(strapi, 'trust').getDocumentState(target) };
    ctx.body = body;
  },

  async verify(ctx: any) {
    const target = await targetOf(strapi, ctx, 'update');
    const body = parseInput(verifyBodySchema, ctx.request.body ?? {});
    await getService(strapi, 'verification').verify(target, ctx.state.user, {
      note: body.note ?? null,
      checks: body.checks ?? [],
      expectedHash: body.contentHash,
    });
    const response: Verify.Response = { data: await getService(strapi, 'trust').getDocumentState(target) };
    ctx.body = response;
  },

  async unverify(ctx: any) {
    const target = await targetOf(strapi, ctx, 'update');
    const body = parseInput(verificationNoteSchema, ctx.request.body ?? {});
    await getService(strapi, 'verification').unverify(target, ctx.state.user, { note: body.note ?? null });
    const response: Unverify.Response = { data: await getService(strapi, 'trust').getDocumentState(target) };
    ctx.body = response;
  },

  async diff(ctx: any) {
    const { target, fieldAllowed } = await checkedTargetOf(strapi, ctx, 'read');
    const diff = await getService(strapi, 'trust').getDiff(target);
    // No content of a field the Content Manager hides from this user (its field permissions); sources are trust labels.
    const shown = (field: string) => field === SOURCES_FIELD || field === AI_INVOLVEMENT_FIELD || fieldAllowed(field);
    const only = (side: typeof diff.draft) =>
      side ? { ...side, fields: side.fields.filter((change) => shown(change.field)) } : null;
    const body: GetDiff.Response = { data: { draft: only(diff.draft), published: only(diff.published) } };
    ctx.body = body;
  },

  async queue(ctx: any) {
    const query = parseInput(queueQuerySchema, ctx.query ?? {});
    if (query.uid !== undefined) assertEnabledUid(strapi, query.uid);
    // The Content Manager's read permission goes into the queue's query; field permissions are checked on the page.
    const body: GetQueue.Response = await getService(strapi, 'trust').reviewQueue(query, {
      scope: (typeUid) => readScope(strapi, ctx, typeUid),
      titles: (typeUid, field, documentIds) => readableDocuments(strapi, ctx, typeUid, { documentIds, field }),
    });
    ctx.body = body;
  },

  async history(ctx: any) {
    // 404 for a document that does not exist, like the other document routes.
    const target = await targetOf(strapi, ctx, 'read');
    const { page, pageSize } = parseInput(historyQuerySchema, ctx.query ?? {});
    const { events, total } = await getService(strapi, 'audit').history(target.uid, target.documentId, target.locale, {
      page,
      pageSize,
    });
    const body: GetHistory.Response = {
      data: events,
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
    };
    ctx.body = body;
  },

  async bulkVerify(ctx: any) {
    const body: Bulk.Response = { data: await bulk(strapi, 'verify', ctx) };
    ctx.body = body;
  },

  async bulkUnverify(ctx: any) {
    const body: Bulk.Response = { data: await bulk(strapi, 'unverify', ctx) };
    ctx.body = body;
  },

  async report(ctx: any) {
    const report = getService(strapi, 'report');
    const { format, page, pageSize } = parseInput(reportQuerySchema, ctx.query ?? {});
    // Only the documents and locales the user may read, applied in the report's queries.
    const scope = (uid: string) => readScope(strapi, ctx, uid);
    // The chain head at the time of the report: archive it elsewhere, and a later rewrite of the log shows.
    const audit = getService(strapi, 'audit');
    const chain = { ...(await audit.chainHead()), at: new Date().toISOString(), lastCheck: await audit.chainStatus() };
    if (format === 'csv') {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="trust-labels-report.csv"');
      ctx.set('X-Trust-Labels-Chain-Head', chain.head);
      ctx.set('X-Trust-Labels-Chain-Events', String(chain.events));
      // The last verdict on the whole chain (at startup or the last integrity check), as the JSON report's lastCheck.
      ctx.set('X-Trust-Labels-Chain-Ok', chain.lastCheck ? String(chain.lastCheck.ok) : 'unchecked');
      if (chain.lastCheck) ctx.set('X-Trust-Labels-Chain-Checked-At', chain.lastCheck.checkedAt);
      // Streamed: rows are read in keyset pages as the client takes them (backpressure), whatever the site's size.
      const stream = Readable.from(await report.csv(scope), { objectMode: false });
      stream.on('error', (error) => strapi.log.error(`[trust-labels] the CSV report stopped: ${error.message}`));
      ctx.status = 200;
      ctx.body = stream;
      return;
    }
    const { data, pagination } = await report.page({ page, pageSize }, scope);
    const body: GetReport.Response = { data, meta: { chain, pagination } };
    ctx.body = body;
  },
});

/** Bulk verify or unverify: the body is checked as a whole (400), then each document on its own (per-document result). */
const bulk = async (strapi: Core.Strapi, action: 'verify' | 'unverify', ctx: any) => {
  const input = parseInput(bulkActionSchema, ctx.request.body);
  const uid = assertEnabledUid(strapi, input.uid);
  const locale = await resolveLocale(strapi, uid, input.locale);
  const documentIds = [...new Set(input.documentIds)];
  // Each document needs the Content Manager's update permission (checked in its transaction, see the service); the
  // others are reported as refused. A malformed id is reported like a document that does not exist.
  const results = await getService(strapi, 'verification').bulk(
    action,
    documentIds
      .filter((documentId) => DOCUMENT_ID_PATTERN.test(documentId))
      .map((documentId) => ({ uid, documentId, locale })),
    ctx.state.user,
    input.note ?? null,
    action === 'verify' ? (input.checks ?? []) : [],
    { permitted: (target) => hasContentManagerPermission(strapi, ctx, target, 'update') }
  );
  const byId = new Map(results.map((result) => [result.documentId, result]));
  return documentIds.map(
    (documentId) =>
      byId.get(documentId) ?? { documentId, ok: false, error: 'Document not found', code: ERROR_CODES.notFound }
  );
};

export default documents;
