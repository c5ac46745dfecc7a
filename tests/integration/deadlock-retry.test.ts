import { AUDIT_EVENT_UID, DEFAULT_ATTRIBUTE_NAME } from '../../shared/constants';
import { hashOfVersion, loadVersions } from '../../server/src/database/versions';
import {
  ARTICLE_UID,
  bootTestApp,
  testDbClient,
  trustPath,
  type AdminSession,
  type HttpResponse,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * A content write that the database picks as the victim of a deadlock is retried, not answered with a 503.
 *
 * PostgreSQL and MySQL/MariaDB abort one transaction of a lock cycle; the cure they document is to run it again.
 * Under load such cycles come from Strapi's own statements (InnoDB's gap locks make two writes of different
 * documents collide). Here one is made on purpose, the same way every time:
 * 1. another connection locks the trust component row of the article's published version;
 * 2. a write that publishes the article (REST PUT, Content Manager publish) takes the document's lock, then waits
 *    to delete that row (a publish replaces the old published version); a REST DELETE waits for it the same way;
 * 3. the other connection asks for the document's lock: a cycle. PostgreSQL aborts the waiter that checks first
 *    (the write, which has waited longest); InnoDB aborts the lighter transaction (the write: the other connection
 *    has inserted many rows first).
 * The write must then start again once the other connection lets go, and answer 200 with everything applied once.
 * SQLite has one writer at a time and no such cycle: this file runs on PostgreSQL and MariaDB.
 */
const client = testDbClient();
const describeOnServers = client === 'sqlite' ? describe.skip : describe;

describeOnServers(`a write chosen as a deadlock's victim on ${client} is retried`, () => {
  let t: TestContext;
  let admin: AdminSession;
  let fullAccess: string;
  const knex = () => t.strapi.db.connection;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'dora');
    fullAccess = await t.apiToken('full-access');
    await knex().schema.createTable('deadlock_ballast', (table) => {
      table.increments('id');
      table.integer('n');
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** A published, verified article. */
  const publishedArticle = async (title: string) => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title, body: 'Body' } as any });
    const { documentId } = created;
    const sources = [{ title: 'Source', url: 'https://example.com/source' }];
    expect(
      (
        await t.http.put(
          trustPath(documentId, '?locale=en'),
          { aiInvolvement: 'assisted', sources },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect(
      (
        await t.http.post(
          trustPath(documentId, '/verify?locale=en'),
          { note: 'checked', checks: ALL_CHECKS },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
    return documentId;
  };

  /** How many of this database's sessions are waiting for a lock. */
  const waitingForLocks = async (): Promise<number> => {
    if (client === 'postgres') {
      const result = await knex().raw(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      );
      return result.rows[0].n;
    }
    // (MariaDB's information_schema.innodb_trx did not list the waiting transaction here; the monitor does.)
    const [rows] = await knex().raw('SHOW ENGINE INNODB STATUS');
    return (String(rows[0].Status).match(/TRX HAS BEEN WAITING/g) ?? []).length;
  };

  const until = async (condition: () => Promise<boolean>, what: string, timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const writes = {
    'REST PUT (update and publish)': (documentId: string) =>
      t.http.put(
        `/api/articles/${documentId}?locale=en`,
        { data: { title: 'Edited in a deadlock' } },
        { token: fullAccess }
      ),
    'Content Manager publish': async (documentId: string) => {
      await t.strapi
        .documents(ARTICLE_UID)
        .update({ documentId, locale: 'en', data: { title: 'Edited in a deadlock' } as any });
      return t.http.post(
        `/content-manager/collection-types/${ARTICLE_UID}/${documentId}/actions/publish?locale=en`,
        {},
        { token: admin.token }
      );
    },
  };

  /**
   * Sends `send(documentId)` into a deadlock made on purpose (see above) and answers its response once the other
   * connection has let go.
   */
  const sendIntoDeadlock = async <T = HttpResponse>(
    documentId: string,
    send: (documentId: string) => Promise<T>
  ): Promise<T> => {
    const meta = (t.strapi.db as any).metadata.get(ARTICLE_UID);
    const componentUid = t.strapi.getModel(ARTICLE_UID).attributes[DEFAULT_ATTRIBUTE_NAME] as any;
    const componentTable = (t.strapi.db as any).metadata.get(componentUid.component).tableName;
    const published = await t.strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, locale: 'en', publishedAt: { $notNull: true } },
      populate: { [DEFAULT_ATTRIBUTE_NAME]: true },
    });
    const publishedTrustId = (published as any)[DEFAULT_ATTRIBUTE_NAME].id;

    const other = await knex().transaction();
    let otherError: unknown = null;
    let write: Promise<T> | undefined;
    try {
      if (client === 'mysql') {
        // Make this transaction the heavier one, so that InnoDB rolls back the write, not it.
        await other('deadlock_ballast').insert(Array.from({ length: 2000 }, (_, n) => ({ n })));
      }
      await other(componentTable).select('id').where({ id: publishedTrustId }).forUpdate();
      write = send(documentId);
      await until(async () => (await waitingForLocks()) >= 1, 'the write waits for the locked component row');
      await other(meta.tableName).select('id').where({ document_id: documentId }).forUpdate();
    } catch (error) {
      otherError = error;
    } finally {
      await other.rollback().catch(() => undefined);
    }
    expect(otherError).toBeNull();
    return write!;
  };

  it.each(Object.keys(writes) as Array<keyof typeof writes>)(
    '%s: 200, applied once, trust still true',
    async (name) => {
      const documentId = await publishedArticle(`Deadlock ${name}`);
      const auditBefore = await t.strapi.db
        .query(AUDIT_EVENT_UID as any)
        .count({ where: { entryDocumentId: documentId } });
      const res = await sendIntoDeadlock(documentId, writes[name]);
      expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });

      // Applied once: one draft and one published version, both with the new title; the trust rule holds.
      const versions = await loadVersions(t.strapi, ARTICLE_UID, documentId, { withContent: true });
      expect(versions.length).toBe(2);
      const rows = await t.strapi.db
        .query(ARTICLE_UID)
        .findMany({ where: { documentId }, select: ['title', 'publishedAt'] });
      expect(rows.map((row: any) => [row.publishedAt !== null, row.title]).sort()).toEqual([
        [false, 'Edited in a deadlock'],
        [true, 'Edited in a deadlock'],
      ]);
      for (const version of versions) {
        const hash = hashOfVersion(t.strapi, ARTICLE_UID, version).hash;
        const { status, verifiedHash } = version.trust;
        expect({ published: version.published, status }).toEqual({
          published: version.published,
          status: !verifiedHash ? 'unverified' : verifiedHash === hash ? 'verified' : 'stale',
        });
        // The title is part of what was verified: both versions changed, so both are stale.
        expect(status).toBe('stale');
      }
      // The `stale` events of one write (the first attempt's were rolled back with it): at most one per version.
      const events = await t.strapi.db
        .query(AUDIT_EVENT_UID as any)
        .findMany({ where: { entryDocumentId: documentId }, orderBy: { id: 'asc' } });
      const staleEvents = events.slice(auditBefore).filter((event: any) => event.action === 'stale');
      expect(staleEvents.length).toBeGreaterThanOrEqual(1);
      expect(staleEvents.length).toBeLessThanOrEqual(2);
    }
  );

  it('REST DELETE: 204, the document and its trust rows are gone', async () => {
    const documentId = await publishedArticle('Deadlock delete');
    const res = await sendIntoDeadlock(documentId, (id) =>
      t.http.delete(`/api/articles/${id}?locale=en`, { token: fullAccess })
    );
    // Strapi answers a REST delete with 204 (no content).
    expect({ status: res.status, body: res.status === 204 ? null : res.body }).toEqual({ status: 204, body: null });
    expect(await t.strapi.db.query(ARTICLE_UID).count({ where: { documentId } })).toBe(0);
  });

  it('in a transaction app code owns: the error leaves as a 503 that keeps the database code, and nothing is kept', async () => {
    const documentId = await publishedArticle('Deadlock in app code');
    const error: any = await sendIntoDeadlock(documentId, (id) =>
      t.strapi.db
        .transaction(() =>
          t.strapi
            .documents(ARTICLE_UID)
            .update({ documentId: id, locale: 'en', status: 'published', data: { title: 'Not kept' } as any })
        )
        .then(
          () => null,
          (rejected: unknown) => rejected
        )
    );
    // Only the owner of the transaction can run it again; it gets what it needs to decide.
    expect({ name: error?.name, status: error?.status, code: error?.code }).toEqual({
      name: 'ServiceUnavailableError',
      status: 503,
      code: client === 'postgres' ? '40P01' : 'ER_LOCK_DEADLOCK',
    });
    const rows = await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, select: ['title'] });
    expect(rows.map((row: any) => row.title)).toEqual(['Deadlock in app code', 'Deadlock in app code']);
  });
});
