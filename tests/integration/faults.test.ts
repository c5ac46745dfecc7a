import crypto from 'crypto';

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
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * Faults: a Strapi process killed (SIGKILL, no cleanup) in the middle of a bulk verification; on PostgreSQL,
 * database connections terminated under a process that is editing verified articles; on PostgreSQL and MariaDB,
 * connections ended at random moments under verifies, bulk verifies, label edits and Content Manager writes, each
 * answered 200 or 503 (errors.ts: a database failure is never a 500 nor a refusal). Afterwards every version
 * follows the rule, every effective verification has exactly one audit event, and a process that was not killed
 * is still running.
 */
const client = testDbClient();
const KILL_ROUNDS = Number(process.env.FAULT_KILL_ROUNDS ?? 3);
const BULK_SIZE = Number(process.env.FAULT_BULK_SIZE ?? 200);
const EDITS = Number(process.env.FAULT_EDITS ?? 100);
const REQUESTS = Number(process.env.FAULT_REQUESTS ?? 150);

describe(`faults on ${client}`, () => {
  let t: TestContext;
  let admin: AdminSession;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'fay');
  });

  afterAll(async () => {
    await t?.stop();
  });

  const SOURCES = [{ title: 'Source', url: 'https://example.com/s' }];

  const createLabelled = async (count: number, tag: string) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const created = await t.strapi
        .documents(ARTICLE_UID)
        .create({ locale: 'en', data: { title: `${tag} ${i}`, body: 'Body' } as any });
      expect(
        (await t.http.put(trustPath(created.documentId, '?locale=en'), { sources: SOURCES }, { token: admin.token }))
          .status
      ).toBe(200);
      ids.push(created.documentId);
    }
    return ids;
  };

  /** The rule holds for every version of these documents, and each verified one has exactly one verify event. */
  const expectConsistent = async (documentIds: string[], { oneVerifyEventPerVerified = true } = {}) => {
    const problems: string[] = [];
    for (const documentId of documentIds) {
      const versions = await loadVersions(t.strapi, ARTICLE_UID, documentId, { withContent: true });
      for (const version of versions) {
        const hash = hashOfVersion(t.strapi, ARTICLE_UID, version).hash;
        const { status, verifiedHash } = version.trust;
        const expected = !verifiedHash ? 'unverified' : verifiedHash === hash ? 'verified' : 'stale';
        if (status !== expected)
          problems.push(
            `${documentId} ${version.published ? 'published' : 'draft'}: ${status}, the rule says ${expected}`
          );
      }
      if (!oneVerifyEventPerVerified) continue;
      const draft = versions.find((version) => !version.published);
      const verifies = await t.strapi.db
        .query(AUDIT_EVENT_UID as any)
        .count({ where: { entryDocumentId: documentId, action: 'verify' } });
      const effective = draft?.trust.verifiedHash ? 1 : 0;
      if (verifies !== effective)
        problems.push(`${documentId}: ${verifies} verify events for ${effective} effective verification`);
    }
    expect(problems).toEqual([]);
  };

  it(`kill -9 of a Strapi process during a bulk verification of ${BULK_SIZE} documents, ${KILL_ROUNDS} times`, async () => {
    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const documentIds = await createLabelled(BULK_SIZE, `Bulk ${round}`);
      const child: ChildStrapi = await startChildStrapi(t.database);
      const before = await t.strapi.db.query(AUDIT_EVENT_UID as any).count({ where: { action: 'verify' } });
      const bulk = child.http
        .post(
          '/trust-labels/bulk/verify',
          { uid: ARTICLE_UID, documentIds, locale: 'en', checks: ALL_CHECKS },
          { token: admin.token }
        )
        .catch((error: Error) => error);
      // Kill once a part of the batch is done, a bit later each round.
      const target = before + Math.max(1, Math.floor((BULK_SIZE * (round + 1)) / (KILL_ROUNDS + 2)));
      const deadline = Date.now() + 60_000;
      while (
        (await t.strapi.db.query(AUDIT_EVENT_UID as any).count({ where: { action: 'verify' } })) < target &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await child.kill('SIGKILL');
      const outcome = await bulk;
      // The client got no answer (the connection was reset), or, if the kill came late, the whole one.
      const answered = typeof outcome === 'object' && outcome !== null && 'status' in outcome;
      if (answered) expect((outcome as { status: number }).status).toBe(200);
      await expectConsistent(documentIds);
      // This process never stopped, and keeps serving.
      expect((await t.http.get(trustPath(documentIds[0], '?locale=en'), { token: admin.token })).status).toBe(200);
    }
  }, 900_000);

  const pgOnly = client === 'postgres' ? it : it.skip;

  pgOnly(
    `connections terminated (pg_terminate_backend) under ${EDITS} edits of verified articles: the process keeps running, no edit is left without its recompute`,
    async () => {
      const { Client } = await import('pg');
      const applicationName = `strapi-fault-${crypto.randomBytes(3).toString('hex')}`;
      const child = await startChildStrapi(t.database, { DATABASE_APPLICATION_NAME: applicationName });
      const documentIds = await createLabelled(5, 'Terminated');
      // A type without trust labels too: Strapi core's own event emission after each write is what used to crash.
      const category = await t.strapi.documents('api::category.category').create({ data: { name: 'Faulty' } as any });
      for (const documentId of documentIds) {
        await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
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
      const killer = new Client({
        host: t.database.env.DATABASE_HOST,
        port: Number(t.database.env.DATABASE_PORT),
        user: t.database.env.DATABASE_USERNAME,
        database: t.database.env.DATABASE_NAME,
      });
      await killer.connect();
      let terminating = true;
      // Every fourth edit runs with the terminations paused: the process must recover and serve it (on a slow machine
      // a termination every 15-45 ms can otherwise hit every single edit, and then nothing shows the recovery).
      let paused = false;
      let terminated = 0;
      const terminate = (async () => {
        while (terminating) {
          if (paused) {
            await new Promise((resolve) => setTimeout(resolve, 10));
            continue;
          }
          const res = await killer.query(
            'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = $1',
            [applicationName]
          );
          terminated += Number(res.rows[0].n);
          await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 30));
        }
      })();
      const statuses: number[] = [];
      const leaks: string[] = [];
      try {
        for (let i = 0; i < EDITS; i += 1) {
          const documentId = documentIds[i % documentIds.length];
          const pause = i % 4 === 3;
          if (pause !== paused) {
            paused = pause;
            // Let a termination already under way finish before a paused edit starts.
            if (pause) await new Promise((resolve) => setTimeout(resolve, 150));
          }
          const path =
            i % 3 === 2
              ? `/content-manager/collection-types/api::category.category/${category.documentId}`
              : `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?locale=en`;
          const res = await child.http
            .put(path, i % 3 === 2 ? { name: `Faulty ${i}` } : { title: `Edit ${i}` }, { token: admin.token })
            .catch(() => null);
          if (!res) continue;
          statuses.push(res.status);
          if (res.status >= 500 && /select|insert|update|pg_|terminat/i.test(res.text))
            leaks.push(res.text.slice(0, 200));
          if (!child.alive()) break;
        }
      } finally {
        terminating = false;
        await terminate;
        await killer.end();
      }
      // Let the last requests settle, then: the process is alive, and every version follows the rule.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect({ alive: child.alive(), stderr: child.alive() ? '' : child.stderr().slice(-2000) }).toEqual({
        alive: true,
        stderr: '',
      });
      expect(terminated).toBeGreaterThan(0);
      // The process recovered: edits made while nothing was terminated succeeded.
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
      expect(leaks).toEqual([]);
      await expectConsistent(documentIds, { oneVerifyEventPerVerified: false });
      await child.stop();
    },
    600_000
  );

  /**
   * A second Strapi process whose database connections a loop can end at any moment, from a connection of its own:
   * PostgreSQL `pg_terminate_backend` on the child's connections (its application_name); MariaDB/MySQL `KILL
   * CONNECTION` on the child's (a database user of its own). This process's Strapi is left alone: it checks the
   * outcome afterwards.
   */
  const terminableChild = async () => {
    const env = t.database.env;
    if (client === 'postgres') {
      const { Client } = await import('pg');
      const applicationName = `strapi-fault-${crypto.randomBytes(3).toString('hex')}`;
      const child = await startChildStrapi(t.database, { DATABASE_APPLICATION_NAME: applicationName });
      const killer = new Client({
        host: env.DATABASE_HOST,
        port: Number(env.DATABASE_PORT),
        user: env.DATABASE_USERNAME,
        database: env.DATABASE_NAME,
      });
      await killer.connect();
      const terminate = async () => {
        const res = await killer.query(
          'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and application_name = $1',
          [applicationName]
        );
        return Number(res.rows[0].n);
      };
      return { child, terminate, end: () => killer.end() };
    }
    const mysql = await import('mysql2/promise');
    const killer = await mysql.createConnection({
      host: env.DATABASE_HOST,
      port: Number(env.DATABASE_PORT),
      user: env.DATABASE_USERNAME,
      password: env.DATABASE_PASSWORD,
      database: env.DATABASE_NAME,
    });
    const user = `fault_${crypto.randomBytes(3).toString('hex')}`;
    const password = crypto.randomBytes(8).toString('hex');
    await killer.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
    await killer.query(`GRANT ALL PRIVILEGES ON \`${env.DATABASE_NAME}\`.* TO '${user}'@'%'`);
    const child = await startChildStrapi(t.database, { DATABASE_USERNAME: user, DATABASE_PASSWORD: password });
    const terminate = async () => {
      const [rows] = await killer.query(
        'SELECT id FROM information_schema.processlist WHERE user = ? AND id <> CONNECTION_ID()',
        [user]
      );
      let ended = 0;
      for (const row of rows as Array<{ id: number }>) {
        // Gone meanwhile: nothing to end.
        ended += await killer.query(`KILL CONNECTION ${Number(row.id)}`).then(
          () => 1,
          () => 0
        );
      }
      return ended;
    };
    const end = async () => {
      await killer.query(`DROP USER IF EXISTS '${user}'@'%'`).catch(() => undefined);
      await killer.end();
    };
    return { child, terminate, end };
  };

  const withServer = client === 'sqlite' ? it.skip : it;

  withServer(
    `connections terminated at random moments during ${REQUESTS} verifies, bulk verifies, label edits and Content Manager writes: every answer is 200 or 503, none refused`,
    async () => {
      const { child, terminate: terminateOnce, end } = await terminableChild();
      const documentIds = await createLabelled(6, 'Answers');
      for (const documentId of documentIds) await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
      let terminating = true;
      let terminated = 0;
      const terminate = (async () => {
        while (terminating) {
          terminated += await terminateOnce();
          await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100));
        }
      })();

      type Kind = 'verify' | 'bulk verify' | 'label edit' | 'Content Manager write';
      const KINDS: Kind[] = ['verify', 'bulk verify', 'label edit', 'Content Manager write'];
      const send = (kind: Kind, i: number) => {
        const documentId = documentIds[i % documentIds.length];
        const options = { token: admin.token };
        switch (kind) {
          case 'verify':
            return child.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, options);
          case 'bulk verify':
            return child.http.post(
              '/trust-labels/bulk/verify',
              {
                uid: ARTICLE_UID,
                documentIds: [documentId, documentIds[(i + 1) % documentIds.length]],
                locale: 'en',
                checks: ALL_CHECKS,
              },
              options
            );
          case 'label edit':
            return child.http.put(
              trustPath(documentId, '?locale=en'),
              { sources: [{ title: `Source ${i}`, url: `https://example.com/s/${i}` }] },
              options
            );
          default:
            return child.http.put(
              `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?locale=en`,
              { title: `Answer ${i}` },
              options
            );
        }
      };
      const wrong: string[] = [];
      const counts: Record<string, number> = {};
      const deadline = Date.now() + 60_000;
      let sent = 0;
      // Three clients at once, so that transactions of the same document also wait on each other's locks.
      const worker = async () => {
        while (sent < REQUESTS && Date.now() < deadline && child.alive()) {
          const i = sent++;
          const kind = KINDS[i % KINDS.length];
          const res = await send(kind, i).catch((error: Error) => ({ status: 0, body: null, text: error.message }));
          counts[`${kind} ${res.status}`] = (counts[`${kind} ${res.status}`] ?? 0) + 1;
          // A bulk action answers 200 with one result per document: none refused, none failed but for the database.
          const refused =
            kind === 'bulk verify' && res.status === 200
              ? (res.body?.data ?? []).filter(
                  (result: any) => !result.ok && !/database is unavailable/.test(result.error)
                )
              : [];
          // Strapi's i18n checks a Content Manager write's locale before anything of the plugin runs, and reads a
          // database failure there as a missing locale (a 400 of its own code, @strapi/i18n validate-locale-creation).
          // Likewise Strapi's entity validator, which checks that the relations of a write exist and answers any
          // error of that check, a database failure included, as its own 400 "Invalid relations"
          // (@strapi/core services/entity-validator, relations-test).
          const strapisOwn =
            kind === 'Content Manager write' &&
            res.status === 400 &&
            ["This locale doesn't exist", 'Invalid relations'].includes(res.body?.error?.message);
          if (strapisOwn) continue;
          if ((res.status !== 200 && res.status !== 503) || refused.length > 0)
            wrong.push(`${kind}: ${res.status} ${res.text.slice(0, 300)}`);
        }
      };
      try {
        await Promise.all([worker(), worker(), worker()]);
      } finally {
        terminating = false;
        await terminate;
        await end();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect({ alive: child.alive(), stderr: child.alive() ? '' : child.stderr().slice(-2000) }).toEqual({
        alive: true,
        stderr: '',
      });
      expect(terminated).toBeGreaterThan(0);
      // On failure, the answers by kind and status and the end of the child's log say what happened.
      expect({
        wrong,
        counts: wrong.length > 0 ? counts : {},
        log: wrong.length > 0 ? child.stdout().slice(-4000) : '',
      }).toEqual({ wrong: [], counts: {}, log: '' });
      // Faults did happen, and the process served requests between them.
      expect(Object.keys(counts).filter((key) => key.endsWith(' 200')).length).toBeGreaterThan(0);
      expect(Object.keys(counts).filter((key) => key.endsWith(' 503')).length).toBeGreaterThan(0);
      // Afterwards the integrity check finds no drift, and every version follows the rule.
      const integrity = await t.http.get('/trust-labels/integrity', { token: admin.token });
      expect(integrity.status).toBe(200);
      expect(integrity.body.data.drift).toEqual([]);
      await expectConsistent(documentIds, { oneVerifyEventPerVerified: false });
      await child.stop();
    },
    300_000
  );
});
