import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  testDbClient,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * A transaction has one connection, and a connection runs one statement at a time: the plugin never sends a second
 * query on it before the first has answered (no Promise.all of queries that may run inside a transaction). pg 8 warns
 * ("Calling client.query() when the client is already executing a query is deprecated"), pg 9 will refuse it.
 *
 * On PostgreSQL every query sent on a pg client that is already executing one is recorded, with its stack; the test
 * fails on those whose concurrent calls were made by the plugin (the function that awaits the Promise.all is the
 * plugin's). Strapi's own (its populate and publish run queries with Promise.all inside its transactions) are
 * Strapi's to fix, and are left out.
 */
const pluginFrame = /[\\/](dist[\\/]server|server[\\/]src)[\\/]/;

/** The function that awaited the Promise.all a query came from (its stack frame), or null. */
const concurrencyOwner = (stack: string): string | null => {
  const lines = stack.split('\n').map((line) => line.trim());
  const at = lines.findIndex((line) => line.startsWith('at async Promise.all') || line.startsWith('at Promise.all'));
  return at >= 0 ? (lines[at + 1] ?? null) : null;
};

const watchConcurrentQueries = () => {
  // The pg that knex loads (one module registry per test file).
  const pg = require('pg');
  const proto = pg.Client.prototype;
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function query(this: any, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue?.length > 0)
      seen.push(new Error('a query sent while another runs on this connection').stack ?? '');
    return original.apply(this, args);
  };
  return {
    byPlugin: () =>
      seen.map(concurrencyOwner).filter((owner): owner is string => owner !== null && pluginFrame.test(owner)),
    all: () => seen.length,
    restore: () => {
      proto.query = original;
    },
  };
};

(testDbClient() === 'postgres' ? describe : describe.skip)(
  'one statement at a time on a connection (PostgreSQL)',
  () => {
    let t: TestContext;
    let admin: AdminSession;
    let watcher: ReturnType<typeof watchConcurrentQueries>;
    const previousLimit = Error.stackTraceLimit;

    beforeAll(async () => {
      Error.stackTraceLimit = 80;
      watcher = watchConcurrentQueries();
      t = await bootTestApp();
      admin = await t.admin('super-admin');
      await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
    });

    afterAll(async () => {
      watcher?.restore();
      Error.stackTraceLimit = previousLimit;
      await t?.stop();
    });

    it('writes and reads through the routes, and the plugin services inside an app transaction', async () => {
      const documentId = await createArticle(t.strapi, { title: 'One at a time', body: 'Body' });
      expect(
        (
          await t.http.put(
            trustPath(documentId, '?locale=en'),
            { sources: [{ title: 'S', url: 'https://example.com/s' }] },
            { token: admin.token }
          )
        ).status
      ).toBe(200);
      expect(
        (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
          .status
      ).toBe(200);
      await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
      const bulk = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: [documentId], locale: 'en', checks: ALL_CHECKS },
        { token: admin.token }
      );
      expect(bulk.status).toBe(200);
      for (const path of [
        trustPath(documentId, '?locale=en'),
        trustPath(documentId, '/history?locale=en'),
        `/trust-labels/statuses/${ARTICLE_UID}?locale=en&documentIds=${documentId}`,
      ]) {
        expect((await t.http.get(path, { token: admin.token })).status).toBe(200);
      }
      for (const path of [
        `/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}?locale=en`,
        `/api/trust-labels/json-ld/${ARTICLE_UID}/${documentId}?locale=en`,
        '/api/articles',
      ]) {
        expect((await t.http.get(path)).status).toBe(200);
      }

      // App code may call the plugin inside a transaction of its own: every statement then goes to that one connection.
      const plugin = t.strapi.plugin('trust-labels');
      const target = { uid: ARTICLE_UID, documentId, locale: 'en' };
      // Past the settings' cache (one second, README "Settings"), so that presenting trust reads them again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await t.strapi.db.transaction(async () => {
        await plugin.service('audit').history(ARTICLE_UID, documentId, 'en');
        await plugin.service('outputs').receipt(target);
        await plugin.service('outputs').jsonLd(target);
        await plugin.service('trust').getDocumentState(target);
        await plugin.service('settings').presentationContext();
        await t.strapi.documents(ARTICLE_UID).findMany({ locale: 'en' });
      });

      expect(watcher.byPlugin()).toEqual([]);
    });
  }
);
