import type { Core } from '@strapi/strapi';

import type { Drift, Integrity, IntegrityState } from '../../../shared/contracts';
import { integrityRunSchema } from '../../../shared/schemas';
import type { CompletedCheck, RunRow } from '../domain/integrity';
import { documentKey, readableDocuments } from '../permissions';
import { adminDisplayName } from '../services/actors';
import { parseInput } from '../validation/input';
import { getPluginConfig } from '../utils';
import { getService } from '../services/registry';

/** How long POST waits for its check before answering 202 with the progress (the check goes on). */
const POST_WAIT_MS = 25_000;

/** A permission query that restricts nothing (`{}`, or `$and`/`$or` of such). */
const restrictsNothing = (filters: unknown): boolean => {
  if (filters === undefined || filters === null) return true;
  if (typeof filters !== 'object') return false;
  return Object.entries(filters as Record<string, unknown>).every(
    ([key, value]) =>
      (key === '$and' || key === '$or') && Array.isArray(value) && value.every((item) => restrictsNothing(item))
  );
};

/**
 * GET answers at once, from the check's row: the last completed check, and the progress of the running one. POST
 * starts a check (repairing unless `repair: false`), or joins the running one, and answers its result if it completes
 * within the request, else 202 with the progress. The results cover only the versions the user may read in the
 * Content Manager (its read permission, with conditions and locales): `ok`, `checkedVersions`, `drift` and `fixed`.
 * The chain is the whole log's. The progress of a running check is the site's.
 */
const integrity = ({ strapi }: { strapi: Core.Strapi }) => {
  const checkerFor = (ctx: any, uid: string) =>
    strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model: uid });

  /** The result as this user may see it. */
  const scoped = async (ctx: any, result: CompletedCheck) => {
    let checkedVersions = 0;
    let restricted = false;
    const readable = new Map<string, ReadonlyMap<string, boolean> | null | 'all'>();
    for (const uid of new Set([...getPluginConfig(strapi).contentTypes, ...Object.keys(result.byType ?? {})])) {
      const checker = checkerFor(ctx, uid);
      if (checker.cannot.read()) {
        readable.set(uid, null);
        restricted = restricted || (result.byType?.[uid] ?? 0) > 0;
        continue;
      }
      const { filters } = await checker.sanitizedQuery.read({});
      if (restrictsNothing(filters)) {
        readable.set(uid, 'all');
        checkedVersions += result.byType?.[uid] ?? 0;
        continue;
      }
      // Conditions or locales: the versions they allow, counted now in the database.
      restricted = true;
      checkedVersions += Number(await strapi.db.query(uid as any).count({ where: filters }));
      const documentIds = [...result.drift, ...result.fixed]
        .filter((item) => item.uid === uid)
        .map((item) => item.documentId);
      readable.set(
        uid,
        documentIds.length > 0 ? await readableDocuments(strapi, ctx, uid, { documentIds }) : new Map()
      );
    }
    const keep = (list: Drift[]) =>
      list.filter((item) => {
        const allowed = readable.get(item.uid);
        return allowed === 'all' || Boolean(allowed?.has(documentKey(item.documentId, item.locale)));
      });
    const drift = keep(result.drift);
    const fixed = keep(result.fixed);
    // A restricted user's totals are those of the listed versions; when the list was cut, the rest is unknown to them.
    const driftTotal = restricted ? drift.length : result.driftTotal;
    const unlisted = restricted && result.driftTotal > result.drift.length;
    return {
      ok: driftTotal === 0 && !unlisted && result.chain.ok,
      checkedVersions,
      drift,
      driftTotal,
      fixed,
      fixedTotal: restricted ? fixed.length : result.fixedTotal,
    };
  };

  const present = async (ctx: any, result: CompletedCheck | null, row: RunRow): Promise<IntegrityState> => {
    const running = row.state
      ? {
          startedAt: row.state.startedAt,
          repair: row.state.repair,
          requestedBy: row.state.requestedBy,
          phase: row.state.phase,
          uid: row.state.uid,
          checkedVersions: row.state.checkedVersions,
          driftFound: row.state.driftTotal,
          held: row.holder !== null && row.expiresAt >= Date.now(),
        }
      : null;
    if (!result) {
      return {
        ok: null,
        checkedVersions: 0,
        drift: [],
        driftTotal: 0,
        fixedTotal: 0,
        chain: null,
        durationMs: null,
        startedAt: null,
        completedAt: null,
        repair: null,
        running,
      };
    }
    const { fixed, ...seen } = await scoped(ctx, result);
    return {
      ...seen,
      ...(result.repair ? { fixed } : {}),
      chain: result.chain,
      durationMs: result.durationMs,
      startedAt: result.startedAt,
      completedAt: result.completedAt,
      repair: result.repair,
      running,
    };
  };

  return {
    async find(ctx: any) {
      const row = await getService(strapi, 'integrity').state();
      const body: Integrity.Response = { data: await present(ctx, row.result, row) };
      ctx.body = body;
    },

    async repair(ctx: any) {
      const { repair = true } = parseInput(integrityRunSchema, ctx.request.body) as Integrity.Request['body'];
      const requestedBy = adminDisplayName(ctx.state.user ?? {});
      const { result, row } = await getService(strapi, 'integrity').run({
        repair,
        requestedBy,
        timeoutMs: POST_WAIT_MS,
      });
      const body: Integrity.Response = { data: await present(ctx, result ?? row.result, row) };
      ctx.status = result ? 200 : 202;
      ctx.body = body;
    },
  };
};

export default integrity;
