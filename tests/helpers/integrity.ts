import type { Core } from '@strapi/strapi';

import type { HttpClient } from './http';

/**
 * The integrity check runs in the background (services/integrity.ts): GET /trust-labels/integrity answers with the
 * last completed check. These run one and wait for it.
 */

/** Runs a check through POST (without repair unless asked) and answers its result (the POST waits for it). */
export async function runIntegrityCheck(
  http: HttpClient,
  token: string,
  { repair = false }: { repair?: boolean } = {}
) {
  const res = await http.post('/trust-labels/integrity', { repair }, { token });
  if (res.status !== 200) throw new Error(`POST /trust-labels/integrity answered ${res.status}: ${res.text}`);
  return res.body.data;
}

/** The check's row as stored (lease, progress, last result). */
export async function integrityRow(strapi: Core.Strapi) {
  return strapi.plugin('trust-labels').service('integrity').state();
}

/** Waits until no check runs and one completed that started at or after `since` (epoch ms): the startup check. */
export async function waitForIntegrityCheck(strapi: Core.Strapi, since: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await integrityRow(strapi);
    if (!row.state && row.result && Date.parse(row.result.startedAt) >= since) return row.result;
    if (Date.now() > deadline)
      throw new Error(
        `no integrity check completed in ${timeoutMs} ms: ${JSON.stringify({ state: row.state, result: row.result?.startedAt })}`
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
