import {
  ARTICLE_UID,
  bootTestApp,
  createTestDatabase,
  integrityRow,
  startChildStrapi,
  testDbClient,
  trustPath,
  waitForIntegrityCheck,
  type AdminSession,
  type ChildStrapi,
  type TestContext,
  type TestDatabase,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * The integrity check among several Strapi processes on one database (this test's and a child process): it runs
 * after the server listens, in batches, one process at a time under a lease in the database; two processes starting
 * together run one check; a check whose holder is killed half-way (kill -9) is finished by the other, from where it
 * stopped; the server answers while a check runs. Small batches and a short lease, so that a check of a few hundred
 * versions takes long enough to be caught half-way.
 */
const client = testDbClient();
const ARTICLES = Number(process.env.LEASE_ARTICLES ?? 120);
const CONFIG = { contentTypes: [ARTICLE_UID], integrityBatchSize: 2, integrityLeaseSeconds: 2 };
const childEnv = (config: Record<string, unknown>) => ({ TRUST_LABELS_CONFIG: JSON.stringify(config) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`the integrity check on one ${client} database shared by two Strapi processes`, () => {
  let database: TestDatabase;
  let t: TestContext;
  let child: ChildStrapi | null = null;
  let admin: AdminSession;
  let versions: number;

  const boot = async (config: Record<string, unknown>) => {
    t = await bootTestApp({ database, pluginConfig: config });
    admin = await t.admin('super-admin', 'lena');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await boot({ ...CONFIG, integrityCheckOnStartup: false });
    // Published articles (a draft and a published version each), a third of them verified.
    for (let i = 0; i < ARTICLES; i += 1) {
      const { documentId } = await t.strapi
        .documents(ARTICLE_UID)
        .create({ locale: 'en', data: { title: `Archive ${i}`, body: `Body ${i}` } as any });
      if (i % 3 === 0) {
        expect(
          (
            await t.http.put(
              trustPath(documentId, '?locale=en'),
              { sources: [{ title: 'S', url: 'https://example.com/s' }] },
              { token: admin.token }
            )
          ).status
        ).toBe(200);
      }
      await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
      if (i % 3 === 0) {
        expect(
          (
            await t.http.post(
              trustPath(documentId, '/verify?locale=en'),
              { checks: ALL_CHECKS },
              { token: admin.token }
            )
          ).status
        ).toBe(200);
      }
    }
    versions = Number(await t.strapi.db.query(ARTICLE_UID).count());
    expect(versions).toBe(2 * ARTICLES);
  }, 300_000);

  afterAll(async () => {
    await child?.stop().catch(() => undefined);
    await t?.stop();
  });

  it('answers /_health and GET at once while a check runs, with its progress', async () => {
    const post = t.http.post('/trust-labels/integrity', { repair: false }, { token: admin.token });
    let seen: any = null;
    for (let i = 0; i < 500 && !seen; i += 1) {
      const res = await t.http.get('/trust-labels/integrity', { token: admin.token });
      expect(res.status).toBe(200);
      if (res.body.data.running?.checkedVersions > 0) seen = res.body.data.running;
      else await sleep(5);
    }
    expect(seen).toMatchObject({ repair: false, phase: 'versions', uid: ARTICLE_UID, held: true });
    expect(seen.checkedVersions).toBeLessThan(versions);
    // Answered while the check still runs (it gives the event loop back between batches: SQLite's driver is synchronous).
    const health = await t.http.get('/_health');
    expect(health.status).toBe(204);
    expect((await integrityRow(t.strapi)).state).toMatchObject({ checkedVersions: expect.any(Number) });
    const done = await post;
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ ok: true, checkedVersions: versions, running: null, repair: false });
  });

  it('a repair asked while a check without repair runs starts after it', async () => {
    const checkOnly = t.http.post('/trust-labels/integrity', { repair: false }, { token: admin.token });
    for (let i = 0; i < 500 && !(await integrityRow(t.strapi)).state; i += 1) await sleep(5);
    expect((await integrityRow(t.strapi)).state).toMatchObject({ repair: false });
    const repairing = await t.http.post('/trust-labels/integrity', {}, { token: admin.token });
    const first = await checkOnly;
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ repair: false, checkedVersions: versions });
    expect(repairing.status).toBe(200);
    expect(repairing.body.data).toMatchObject({ repair: true, ok: true, checkedVersions: versions });
    expect(Date.parse(repairing.body.data.startedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.data.completedAt));
  });

  it('two processes starting together run one check', async () => {
    const runsBefore = (await integrityRow(t.strapi)).runs;
    await t.stop({ keepDatabase: true });

    const since = Date.now();
    const [main, second] = await Promise.all([
      bootTestApp({ database, pluginConfig: CONFIG }),
      startChildStrapi(database, childEnv(CONFIG)),
    ]);
    t = main;
    child = second;
    admin = await t.admin('super-admin', 'lena-again');
    const result = await waitForIntegrityCheck(t.strapi, since, 120_000);
    // Long enough for the other process to have started its own, if it would.
    await sleep(3000);
    const row = await integrityRow(t.strapi);
    expect(row.state).toBeNull();
    expect(row.runs - runsBefore).toBe(1);
    expect(row.result.id).toBe(result.id);
    expect(result).toMatchObject({ ok: true, checkedVersions: versions, requestedBy: 'startup' });
    await child.stop();
    child = null;
  }, 240_000);

  it('a check whose holder is killed half-way (kill -9) is finished by the other process, from where it stopped', async () => {
    child = await startChildStrapi(database, childEnv({ ...CONFIG, integrityCheckOnStartup: false }));
    const childHolder = new RegExp(`:${child.pid}:`);
    // The child runs it (the POST goes to the child): it takes the lease.
    const post = child.http
      .post('/trust-labels/integrity', { repair: false }, { token: admin.token })
      .catch(() => null);
    let row: any = null;
    for (let i = 0; i < 2000; i += 1) {
      row = await integrityRow(t.strapi);
      if (row.state && childHolder.test(row.holder ?? '') && row.state.checkedVersions >= 20) break;
      await sleep(5);
    }
    expect(row.holder).toMatch(childHolder);
    expect(row.state.checkedVersions).toBeLessThan(versions);
    const runId = row.state.id;
    await child.kill('SIGKILL');
    child = null;
    await post;

    // This process polls the row each lease period: it takes the check over once the lease expired, and finishes it.
    const deadline = Date.now() + 60_000;
    let finished: any = null;
    while (!finished && Date.now() < deadline) {
      const now = await integrityRow(t.strapi);
      if (now.result?.id === runId) finished = now.result;
      else await sleep(50);
    }
    expect(finished).not.toBeNull();
    expect(finished).toMatchObject({ ok: true, checkedVersions: versions, driftTotal: 0 });
    // Two holders: the child's part and this process's rest, which together make the site once (it resumed, it did
    // not start again).
    expect(finished.holders).toHaveLength(2);
    const [first, second] = finished.holders;
    expect(first.holder).toMatch(childHolder);
    expect(second.holder).toBe(t.strapi.plugin('trust-labels').service('integrity').holder());
    expect(first.checkedVersions).toBeGreaterThanOrEqual(20);
    expect(first.checkedVersions + second.checkedVersions).toBe(versions);
    const get = await t.http.get('/trust-labels/integrity', { token: admin.token });
    expect(get.body.data).toMatchObject({ ok: true, checkedVersions: versions, running: null });
  }, 180_000);
});
