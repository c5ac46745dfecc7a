import { AUDIT_EVENT_UID } from '../../shared/constants';
import { hashOfVersion, loadVersions } from '../../server/src/database/versions';
import {
  ARTICLE_UID,
  bootTestApp,
  startChildStrapi,
  testDbClient,
  trustPath,
  type AdminSession,
  type ChildStrapi,
  type HttpClient,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * Two Strapi processes on one database (this test's and a child process), a verify sent to one and a content
 * write to the other at the same instant, many times. After each trial the stored state is checked against the
 * plugin's own hash of the stored content:
 * - no lie: a version is `verified` exactly when its content hash equals the hash recorded at its verification;
 * - no lost verification: a verify that answered 200 `verified` is still in force, or a later audit event
 *   (`stale`) says why not;
 * - no wrong 400 (every article has a source throughout), no 5xx.
 * RACE_TRIALS (default 200) trials of each race on PostgreSQL and MariaDB; SQLite (one file, two processes) runs
 * RACE_TRIALS_SQLITE (default 40).
 */
const client = testDbClient();
const TRIALS = Number(client === 'sqlite' ? (process.env.RACE_TRIALS_SQLITE ?? 40) : (process.env.RACE_TRIALS ?? 200));
const PARALLEL = 4;

const SOURCES_A = [{ title: 'Source A', url: 'https://example.com/a' }];
const SOURCES_B = [
  { title: 'Source B', url: 'https://example.com/b' },
  { title: 'Source C', url: 'https://example.com/c' },
];

type Race = 'content-manager' | 'rest' | 'sources';

interface Outcome {
  lies: string[];
  lost: string[];
  wrong400: string[];
  server5xx: string[];
}

describe(`two Strapi processes on one ${client} database: verify races a content write`, () => {
  let t: TestContext;
  let child: ChildStrapi;
  let admin: AdminSession;
  let fullAccess: string;

  beforeAll(async () => {
    t = await bootTestApp();
    child = await startChildStrapi(t.database);
    admin = await t.admin('super-admin', 'racer');
    fullAccess = await t.apiToken('full-access');
  }, 240_000);

  afterAll(async () => {
    await child?.stop();
    await t?.stop();
  });

  /** A published article with one source, through the admin API of process A. */
  const createArticle = async (n: number) => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: `Race ${n}`, body: `Body ${n}` } as any });
    const labels = await t.http.put(
      trustPath(created.documentId, '?locale=en'),
      { aiInvolvement: 'assisted', sources: SOURCES_A },
      { token: admin.token }
    );
    expect(labels.status).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId: created.documentId, locale: 'en' });
    return created.documentId;
  };

  const write = (race: Race, http: HttpClient, documentId: string, n: number) => {
    switch (race) {
      case 'content-manager':
        return http.put(
          `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?locale=en`,
          { title: `Race ${n}, edited` },
          { token: admin.token }
        );
      case 'rest':
        return http.put(
          `/api/articles/${documentId}?locale=en`,
          { data: { title: `Race ${n}, edited through REST` } },
          { token: fullAccess }
        );
      case 'sources':
        return http.put(trustPath(documentId, '?locale=en'), { sources: SOURCES_B }, { token: admin.token });
    }
  };

  const checkStoredState = async (
    documentId: string,
    verify: { status: number; body: any },
    outcome: Outcome,
    label: string
  ) => {
    const versions = await loadVersions(t.strapi, ARTICLE_UID, documentId, { withContent: true });
    for (const version of versions) {
      const hash = hashOfVersion(t.strapi, ARTICLE_UID, version).hash;
      const { status, verifiedHash } = version.trust;
      const name = `${label} ${version.published ? 'published' : 'draft'}`;
      if (status === 'verified' && verifiedHash !== hash)
        outcome.lies.push(`${name}: verified, recorded hash ≠ content hash`);
      if (status !== 'verified' && verifiedHash !== null && verifiedHash === hash)
        outcome.lies.push(`${name}: ${status}, but its content is what was verified`);
      if (status === 'unverified' && verifiedHash !== null)
        outcome.lies.push(`${name}: unverified with a recorded hash`);
      if (status === 'stale' && verifiedHash === null) outcome.lies.push(`${name}: stale without a recorded hash`);
    }
    if (verify.status === 200 && verify.body?.data?.draft?.status === 'verified') {
      const draft = versions.find((version) => !version.published);
      if (draft?.trust.status !== 'verified') {
        const events: any[] = await t.strapi.db.query(AUDIT_EVENT_UID as any).findMany({
          where: { uid: ARTICLE_UID, entryDocumentId: documentId },
          orderBy: { id: 'asc' },
        });
        const lastVerify = events.map((event) => event.action).lastIndexOf('verify');
        const explained =
          lastVerify >= 0 && events.slice(lastVerify + 1).some((event) => ['stale', 'unverify'].includes(event.action));
        if (!explained)
          outcome.lost.push(
            `${label}: verify answered verified, the draft is ${draft?.trust.status}, and no later event says why`
          );
      }
    }
  };

  const runRace = async (race: Race) => {
    const outcome: Outcome = { lies: [], lost: [], wrong400: [], server5xx: [] };
    const trial = async (n: number) => {
      const documentId = await createArticle(n);
      // Alternate which process gets the verify, and let either request go first by up to a few milliseconds.
      const [verifier, writer] = n % 2 === 0 ? [t.http, child.http] : [child.http, t.http];
      const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const skew = Math.floor(Math.random() * 12) - 6;
      const [verify, edit] = await Promise.all([
        delay(Math.max(0, skew)).then(() =>
          verifier.post(
            trustPath(documentId, '/verify?locale=en'),
            { note: `trial ${n}`, checks: ALL_CHECKS },
            { token: admin.token }
          )
        ),
        delay(Math.max(0, -skew)).then(() => write(race, writer, documentId, n)),
      ]);
      const label = `${race} #${n} (${documentId})`;
      for (const [name, res] of [
        ['verify', verify],
        ['write', edit],
      ] as const) {
        if (res.status >= 500) outcome.server5xx.push(`${label} ${name}: ${res.status} ${res.text.slice(0, 200)}`);
      }
      if (verify.status === 400) outcome.wrong400.push(`${label}: ${verify.text.slice(0, 200)}`);
      expect([200, 400]).toContain(edit.status);
      await checkStoredState(documentId, verify, outcome, label);
    };
    for (let n = 0; n < TRIALS; n += PARALLEL) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL, TRIALS - n) }, (_, i) => trial(n + i)));
    }
    return outcome;
  };

  it.each<Race>(['content-manager', 'rest', 'sources'])(
    `verify ‖ %s write, ${TRIALS} trials: no lie, no lost verification, no wrong 400, no 5xx`,
    async (race) => {
      const outcome = await runRace(race);
      expect(outcome).toEqual({ lies: [], lost: [], wrong400: [], server5xx: [] });
      expect(child.alive()).toBe(true);
    },
    600_000
  );
});
