import { AUDIT_EVENT_UID } from '../../shared/constants';
import {
  ARTICLE_UID,
  bootTestApp,
  runIntegrityCheck,
  trustPath,
  waitForIntegrityCheck,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * Someone with write access to the database edits, deletes and inserts audit events and sets a trust row to
 * `verified` by SQL. The integrity check must find each, name the first broken link of the chain, and still find it
 * after a restart; the report shows the chain head and the last verdict.
 */
describe('tampering with the database is detected', () => {
  let t: TestContext;
  let admin: AdminSession;
  let documentIds: string[];

  const events = () => t.strapi.db.connection('trust_labels_audit_events').orderBy('id');
  // A check (without repair) run now; GET answers with the last one.
  const integrity = async () => runIntegrityCheck(t.http, admin.token);
  const restart = async (name: string) => {
    await t.stop({ keepDatabase: true });
    const since = Date.now();
    t = await bootTestApp({ database: t.database });
    admin = await t.admin('super-admin', name);
    await waitForIntegrityCheck(t.strapi, since);
  };
  // A row as read back, written again as it was (MySQL hands JSON columns back parsed).
  const insertRow = (row: Record<string, unknown>) =>
    t.strapi.db
      .connection('trust_labels_audit_events')
      .insert(
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value,
          ])
        )
      );

  beforeAll(async () => {
    const since = Date.now();
    t = await bootTestApp();
    await waitForIntegrityCheck(t.strapi, since);
    admin = await t.admin('super-admin', 'tess');
    documentIds = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await t.strapi
        .documents(ARTICLE_UID)
        .create({ locale: 'en', data: { title: `Tamper ${i}`, body: 'Body' } as any });
      expect(
        (
          await t.http.put(
            trustPath(created.documentId, '?locale=en'),
            { sources: [{ title: 'S', url: 'https://example.com/s' }] },
            { token: admin.token }
          )
        ).status
      ).toBe(200);
      expect(
        (
          await t.http.post(
            trustPath(created.documentId, '/verify?locale=en'),
            { note: `verified ${i}`, checks: ALL_CHECKS },
            { token: admin.token }
          )
        ).status
      ).toBe(200);
      documentIds.push(created.documentId);
    }
    expect((await events()).length).toBe(6);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('an intact log: the chain holds, and the report carries its head', async () => {
    const report = await integrity();
    expect(report.chain).toMatchObject({ ok: true, events: 6, firstBrokenEventId: null });
    const rows = await events();
    expect(report.chain.head).toBe(rows[rows.length - 1].hash);
    const exported = await t.http.get('/trust-labels/report', { token: admin.token });
    expect(exported.body.meta.chain).toMatchObject({ head: report.chain.head, events: 6 });
    const csv = await t.http.get('/trust-labels/report', { token: admin.token, query: { format: 'csv' } });
    expect(csv.headers.get('x-trust-labels-chain-head')).toBe(report.chain.head);
  });

  it('an edited event breaks the chain at that event', async () => {
    const [, second] = await events();
    await t.strapi.db.connection('trust_labels_audit_events').where('id', second.id).update({ note: 'rewritten' });
    try {
      const report = await integrity();
      expect(report.ok).toBe(false);
      expect(report.chain).toMatchObject({ ok: false, firstBrokenEventId: second.id });
      expect(report.chain.reason).toMatch(/changed/);
    } finally {
      await t.strapi.db.connection('trust_labels_audit_events').where('id', second.id).update({ note: second.note });
    }
    expect((await integrity()).chain.ok).toBe(true);
  });

  it('a deleted event breaks the chain at the next one; a deleted newest event shows as a wrong head', async () => {
    const rows = await events();
    const [, middle, next] = rows;
    await t.strapi.db.connection('trust_labels_audit_events').where('id', middle.id).del();
    try {
      expect((await integrity()).chain).toMatchObject({ ok: false, firstBrokenEventId: next.id });
    } finally {
      await insertRow(middle);
    }
    const newest = rows[rows.length - 1];
    await t.strapi.db.connection('trust_labels_audit_events').where('id', newest.id).del();
    try {
      const report = await integrity();
      expect(report.chain).toMatchObject({ ok: false, firstBrokenEventId: null });
      expect(report.chain.reason).toMatch(/newest events were deleted/);
    } finally {
      await insertRow(newest);
    }
    expect((await integrity()).chain.ok).toBe(true);
  });

  it('an inserted event breaks the chain, and the break is still reported after a restart', async () => {
    const rows = await events();
    const forged = {
      ...rows[rows.length - 1],
      id: rows[rows.length - 1].id + 100,
      note: 'FORGED',
      document_id: 'forgedforgedforgedforged',
    };
    await insertRow(forged);
    const report = await integrity();
    expect(report.chain).toMatchObject({ ok: false, firstBrokenEventId: forged.id });

    await restart('tess-again');
    // The startup check recorded it: the document state and the report say so without a new check.
    const state = await t.http.get(trustPath(documentIds[0], '?locale=en'), { token: admin.token });
    expect(state.body.meta.chain).toMatchObject({ ok: false, firstBrokenEventId: forged.id });
    const exported = await t.http.get('/trust-labels/report', { token: admin.token });
    expect(exported.body.meta.chain.lastCheck).toMatchObject({ ok: false, firstBrokenEventId: forged.id });
    const csv = await t.http.get('/trust-labels/report', { token: admin.token, query: { format: 'csv' } });
    expect(csv.headers.get('x-trust-labels-chain-ok')).toBe('false');

    await t.strapi.db.connection('trust_labels_audit_events').where('id', forged.id).del();
    expect((await integrity()).chain.ok).toBe(true);
  });

  it('an edited event whose prev_hash is set to NULL is not re-chained at the next start: the break stays reported', async () => {
    const [first, second] = await events();
    await t.strapi.db
      .connection('trust_labels_audit_events')
      .where('id', second.id)
      .update({ note: 'rewritten', prev_hash: null });
    try {
      expect((await integrity()).chain).toMatchObject({ ok: false, firstBrokenEventId: second.id });
      await restart('tess-after-null');
      // The startup did not re-hash the log over the forgery.
      const [, after] = await events();
      expect(after).toMatchObject({ note: 'rewritten', prev_hash: null, hash: second.hash });
      expect((await integrity()).chain).toMatchObject({ ok: false, firstBrokenEventId: second.id });
    } finally {
      await t.strapi.db
        .connection('trust_labels_audit_events')
        .where('id', second.id)
        .update({ note: second.note, prev_hash: first.hash });
    }
    expect((await integrity()).chain.ok).toBe(true);
  });

  it('a trust row set to verified by SQL, with the right hash but no verify event, is drift, and POST withdraws it', async () => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: 'Never verified', body: 'Body' } as any });
    const documentId = created.documentId;
    expect(
      (
        await t.http.put(
          trustPath(documentId, '?locale=en'),
          { sources: [{ title: 'S', url: 'https://example.com/s' }] },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    const { contentHash } = (await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token })).body.data
      .draft;
    const row: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, publishedAt: null }, populate: ['trust'] });
    await t.strapi.db.query('trust-labels.trust' as any).update({
      where: { id: row.trust.id },
      data: { status: 'verified', verifiedHash: contentHash, verifiedAt: new Date(), verifiedByName: 'Nobody' },
    });
    expect(
      (
        await t.http.get(`/api/articles/${documentId}`, {
          query: { locale: 'en', status: 'draft' },
          token: await t.apiToken('read-only'),
        })
      ).status
    ).toBe(200);

    const found = await integrity();
    expect(found.drift).toContainEqual({
      uid: ARTICLE_UID,
      documentId,
      locale: 'en',
      version: 'draft',
      stored: 'verified',
      expected: 'unverified',
      reason: 'no verify event records this verification',
    });
    const repaired = (await t.http.post('/trust-labels/integrity', {}, { token: admin.token })).body.data;
    expect(repaired.drift).toEqual([]);
    expect((await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token })).body.data.draft.status).toBe(
      'unverified'
    );
    const history = (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: admin.token })).body.data;
    expect(history[0]).toMatchObject({ action: 'repair', actor: { name: 'Integrity check' } });
    // The repair event is chained like every other.
    expect((await integrity()).chain.ok).toBe(true);
    expect(
      await t.strapi.db
        .query(AUDIT_EVENT_UID as any)
        .count({ where: { entryDocumentId: documentId, action: 'verify' } })
    ).toBe(0);
  });
});
