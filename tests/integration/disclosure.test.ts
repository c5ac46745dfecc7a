import { execFile } from 'child_process';
import path from 'path';

import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  runIntegrityCheck,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';

// The shipped script, as an archive would run it (plain Node, no dependencies).

const { contentHashOf } = require('../../scripts/verify-receipt.js');

const SCRIPT = path.resolve(__dirname, '../../scripts/verify-receipt.js');

/**
 * Issue 17: one disclosure per version, the same in every channel (REST, GraphQL, the admin state, the optional
 * AI-Disclosure header, the receipt), for each status and each aiInvolvement; a stale version never claims review;
 * the receipt's content hash recomputed by scripts/verify-receipt.js from the public content API response.
 */
type Status = 'unverified' | 'verified' | 'stale';
const INVOLVEMENTS = ['unknown', 'none', 'assisted', 'generated'] as const;
const STATUSES: Status[] = ['unverified', 'verified', 'stale'];

const expected = (ai: (typeof INVOLVEMENTS)[number], status: Status) => {
  if (ai === 'none') return { value: 'human-only', labelRequired: false, header: 'mode=none' };
  if (ai === 'unknown') return { value: null, labelRequired: false, header: null };
  // Reviewed, but nobody is named as holding editorial responsibility (the settings' default): the label stays
  // (C(2026) 5054; every combination is in review-binding.test.ts).
  if (status === 'verified')
    return {
      value: 'ai-assisted',
      labelRequired: true,
      header: ai === 'generated' ? 'mode=ai-originated' : 'mode=ai-modified',
    };
  return { value: 'ai-autonomous', labelRequired: true, header: 'mode=machine-generated' };
};

describe('AI disclosure in every channel, the AI-Disclosure header and the verification receipt', () => {
  let t: TestContext;
  let admin: AdminSession;
  const ids = new Map<string, string>();
  const key = (ai: string, status: Status) => `${ai}/${status}`;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'rita');
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
    const { edit, publish } = contentManager(() => ({ http: t.http, token: admin.token }));
    const verify = async (documentId: string) => {
      const res = await t.http.post(
        trustPath(documentId, '/verify?locale=en'),
        { checks: ALL_CHECKS },
        { token: admin.token }
      );
      expect(res.status).toBe(200);
    };
    for (const ai of INVOLVEMENTS) {
      for (const status of STATUSES) {
        const documentId = await createArticle(t.strapi, { title: `Disclosure ${ai} ${status}`, body: 'Body text' });
        const put = await t.http.put(
          trustPath(documentId, '?locale=en'),
          {
            aiInvolvement: ai,
            sources: [
              { title: 'A source', url: 'https://example.com/a', publisher: 'Example', accessedAt: '2026-11-02' },
            ],
          },
          { token: admin.token }
        );
        expect(put.status).toBe(200);
        if (status !== 'unverified') await verify(documentId);
        await publish(documentId, 'en');
        if (status === 'stale') {
          // An edit after verification, published: the live version is no longer what was verified.
          await edit(documentId, { title: `Disclosure ${ai} stale, rewritten` }, 'en');
          await publish(documentId, 'en');
        }
        ids.set(key(ai, status), documentId);
      }
    }
  });

  afterAll(async () => {
    t?.strapi.config.set('plugin::trust-labels.disclosureHeader', false);
    await t?.stop();
  });

  it('REST (list and single), GraphQL and the admin state give each version the same disclosure', async () => {
    const list = await t.http.get('/api/articles', { query: { 'pagination[pageSize]': 100, locale: 'en' } });
    expect(list.status).toBe(200);
    const listed = new Map(list.body.data.map((entry: any) => [entry.documentId, entry.trust]));
    const gql = await t.http.post(
      '/graphql',
      {
        query:
          '{ articles(pagination: { pageSize: 100 }, locale: "en") { documentId trust { status disclosure { value labelRequired } } } }',
      },
      {}
    );
    expect(gql.status).toBe(200);
    const viaGraphql = new Map(gql.body.data.articles.map((entry: any) => [entry.documentId, entry.trust]));
    const report = await t.http.get('/trust-labels/report', { token: admin.token });
    const reported = new Map(
      report.body.data
        .flatMap((group: any) => group.entries)
        .filter((entry: any) => entry.version === 'published')
        .map((entry: any) => [entry.documentId, entry.disclosure])
    );
    const csv = (await t.http.get('/trust-labels/report', { token: admin.token, query: { format: 'csv' } })).text;
    expect(csv.split('\r\n')[0]).toContain('"disclosure"');
    for (const ai of INVOLVEMENTS) {
      for (const status of STATUSES) {
        const documentId = ids.get(key(ai, status))!;
        const { value, labelRequired } = expected(ai, status);
        const single = await t.http.get(`/api/articles/${documentId}`, { query: { locale: 'en' } });
        expect([ai, status, single.body.data.trust.status]).toEqual([ai, status, status]);
        expect([ai, status, single.body.data.trust.disclosure]).toEqual([ai, status, { value, labelRequired }]);
        expect([ai, status, (listed.get(documentId) as any).disclosure]).toEqual([
          ai,
          status,
          { value, labelRequired },
        ]);
        expect([ai, status, (viaGraphql.get(documentId) as any).disclosure]).toEqual([
          ai,
          status,
          { value, labelRequired },
        ]);
        expect([ai, status, reported.get(documentId)]).toEqual([ai, status, value]);
        const state = await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token });
        expect([ai, status, state.body.data.published.disclosure]).toEqual([ai, status, { value, labelRequired }]);
        // A stale version never claims review, anywhere.
        if (status === 'stale') expect(single.body.data.trust.disclosure.value).not.toBe('ai-assisted');
      }
    }
  });

  it('sends AI-Disclosure on single-entry responses only when disclosureHeader is on', async () => {
    const one = ids.get(key('generated', 'verified'))!;
    expect(
      (await t.http.get(`/api/articles/${one}`, { query: { locale: 'en' } })).headers.get('ai-disclosure')
    ).toBeNull();
    t.strapi.config.set('plugin::trust-labels.disclosureHeader', true);
    try {
      for (const ai of INVOLVEMENTS) {
        for (const status of STATUSES) {
          const res = await t.http.get(`/api/articles/${ids.get(key(ai, status))}`, { query: { locale: 'en' } });
          expect([ai, status, res.headers.get('ai-disclosure')]).toEqual([ai, status, expected(ai, status).header]);
        }
      }
      // A list describes many entries: no header.
      expect((await t.http.get('/api/articles', { query: { locale: 'en' } })).headers.get('ai-disclosure')).toBeNull();
    } finally {
      t.strapi.config.set('plugin::trust-labels.disclosureHeader', false);
    }
  });

  it('gives a receipt of the published version, whose hash the shipped script recomputes from the public response', async () => {
    for (const status of STATUSES) {
      const documentId = ids.get(key('assisted', status))!;
      const res = await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}`, {
        query: { locale: 'en' },
      });
      expect(res.status).toBe(200);
      const receipt = res.body.data;
      expect(receipt).toMatchObject({
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        status,
        disclosure: { value: expected('assisted', status).value },
      });
      expect(receipt.content).toMatchObject({ algorithm: 'sha256', recomputable: true });
      expect(receipt.content.fields).toEqual(expect.arrayContaining(['title', 'body']));

      // The hash, recomputed from exactly what the content API returns for the published version.
      const entry = await t.http.get(receipt.content.path);
      expect(entry.status).toBe(200);
      expect(contentHashOf(entry.body.data, receipt.content.fields)).toBe(receipt.content.hash);
      // The receipt's flat keys, besides the nested detail.
      expect(receipt.contentHash).toBe(receipt.content.hash);
      expect(receipt.chainHead).toMatch(/^[0-9a-f]{64}$/);

      if (status === 'verified') {
        const { verifiedAt, checks, editorialResponsibility } = receipt.verification;
        expect([receipt.verifiedAt, receipt.checks, receipt.editorialResponsibility]).toEqual([
          verifiedAt,
          checks,
          editorialResponsibility,
        ]);
        expect(receipt.verification).toMatchObject({ checks: ALL_CHECKS, verifiedBy: null });
        expect(receipt.verification.verifiedAt).toEqual(expect.any(String));
        // The audit log's verify event of this exact content, and the chain head right after it.
        expect(receipt.verification.auditEvent).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        const head = await t.strapi.db
          .connection('trust_labels_audit_events')
          .where('id', receipt.verification.auditEvent.id)
          .first();
        expect(head.hash).toBe(receipt.verification.auditEvent.hash);
        expect(head.content_hash).toBe(receipt.content.hash);
      } else {
        // Unverified, or verified once but changed since: no verification is claimed.
        expect(receipt.verification).toBeNull();
        expect([receipt.verifiedAt, receipt.checks, receipt.editorialResponsibility]).toEqual([null, null, null]);
      }
    }

    // The CLI, as a third party runs it: exit 0 and MATCH.
    const documentId = ids.get(key('generated', 'verified'))!;
    // Asynchronously: Strapi runs in this process and must answer the script.
    const run = await new Promise<{ status: number | null; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [SCRIPT, t.baseUrl, ARTICLE_UID, documentId, 'en'],
        { encoding: 'utf8', timeout: 30_000 },
        (error, stdout) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout })
      )
    );
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('MATCH')]);
    expect(run.stdout).toContain('disclosure: ai-assisted');
  });

  it('the receipt has its flat keys: contentHash, verifiedAt, checks, editorialResponsibility and the chain head now', async () => {
    const { publish } = contentManager(() => ({ http: t.http, token: admin.token }));
    const receiptOf = async (documentId: string) => {
      const res = await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}`, {
        query: { locale: 'en' },
      });
      expect(res.status).toBe(200);
      return res.body.data;
    };
    // The head that an integrity check run now reads.
    const integrityHead = async () => {
      const data = await runIntegrityCheck(t.http, admin.token);
      expect(data.chain.ok).toBe(true);
      return data.chain.head as string;
    };
    const labelled = async (title: string) => {
      const documentId = await createArticle(t.strapi, { title, body: 'Body text' });
      const put = await t.http.put(
        trustPath(documentId, '?locale=en'),
        {
          aiInvolvement: 'assisted',
          editorialResponsibility: { name: 'Desk Editor Dana', type: 'Person' },
          sources: [
            { title: 'A source', url: 'https://example.com/a', publisher: 'Example', accessedAt: '2026-11-02' },
          ],
        },
        { token: admin.token }
      );
      expect(put.status).toBe(200);
      return documentId;
    };

    // Verified, with the entry's own editorial responsibility: the flat keys are the nested values.
    const verified = await labelled('Receipt flat keys, verified');
    expect(
      (await t.http.post(trustPath(verified, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
        .status
    ).toBe(200);
    await publish(verified, 'en');
    const receipt = await receiptOf(verified);
    expect(receipt.status).toBe('verified');
    expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.contentHash).toBe(receipt.content.hash);
    expect(receipt.verifiedAt).toEqual(expect.any(String));
    expect(receipt.verifiedAt).toBe(receipt.verification.verifiedAt);
    expect(receipt.checks).toEqual(ALL_CHECKS);
    expect(receipt.checks).toEqual(receipt.verification.checks);
    expect(receipt.editorialResponsibility).toMatchObject({ name: 'Desk Editor Dana', type: 'Person' });
    expect(receipt.editorialResponsibility).toEqual(receipt.verification.editorialResponsibility);
    expect(receipt.disclosure).toEqual({ value: 'ai-assisted', labelRequired: false });
    // The chain head now: the head the integrity check reads, a 64-hex hash.
    expect(receipt.chainHead).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.chainHead).toBe(await integrityHead());
    expect(receipt.chainHead).toBe(receipt.verification.auditEvent.hash);

    // Stale (changed since its verification) and never verified: no review claimed, the content hash still given.
    const neverVerified = await labelled('Receipt flat keys, never verified');
    await publish(neverVerified, 'en');
    // Its label edit is an audit event of another document: the head has moved on since the verification.
    const headNow = await integrityHead();
    expect(headNow).not.toBe(receipt.chainHead);
    const edits = await t.http.get(trustPath(neverVerified, '/history?locale=en'), { token: admin.token });
    expect(edits.body.data[0]).toMatchObject({ action: 'edit', hash: headNow });
    for (const documentId of [
      ids.get(key('assisted', 'stale'))!,
      ids.get(key('assisted', 'unverified'))!,
      neverVerified,
    ]) {
      const other = await receiptOf(documentId);
      expect(other.status).not.toBe('verified');
      expect(other.verification).toBeNull();
      expect([documentId, other.verifiedAt, other.checks, other.editorialResponsibility]).toEqual([
        documentId,
        null,
        null,
        null,
      ]);
      expect(other.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(other.contentHash).toBe(other.content.hash);
      expect(other.chainHead).toBe(headNow);
    }

    // A later audit event, on another document, moves the head forward; the verification's own event stays.
    expect(
      (await t.http.post(trustPath(neverVerified, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
        .status
    ).toBe(200);
    const afterVerify = await receiptOf(verified);
    expect(afterVerify.chainHead).toMatch(/^[0-9a-f]{64}$/);
    expect(afterVerify.chainHead).not.toBe(headNow);
    expect(afterVerify.chainHead).toBe(await integrityHead());
    expect(
      (await t.http.post(trustPath(neverVerified, '/unverify?locale=en'), {}, { token: admin.token })).status
    ).toBe(200);
    const afterUnverify = await receiptOf(verified);
    expect(afterUnverify.chainHead).not.toBe(afterVerify.chainHead);
    expect(afterUnverify.chainHead).toBe(await integrityHead());
    const history = await t.http.get(trustPath(neverVerified, '/history?locale=en'), { token: admin.token });
    expect(history.body.data[0]).toMatchObject({ action: 'unverify', hash: afterUnverify.chainHead });
    expect(afterUnverify.verification.auditEvent).toEqual(receipt.verification.auditEvent);
    expect(afterUnverify.contentHash).toBe(receipt.contentHash);
  });

  it("the receipt has the badge's permissions: 403 without find, 404 for drafts and unknown documents, 400 for a bad locale", async () => {
    const draftOnly = await createArticle(t.strapi, { title: 'Never published' });
    expect((await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${draftOnly}`)).status).toBe(404);
    expect((await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/nope-nope`)).status).toBe(404);
    expect((await t.http.get(`/api/trust-labels/receipt/api::page.page/${draftOnly}`)).status).toBe(404);
    const one = ids.get(key('none', 'verified'))!;
    const bad = await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${one}`, { query: { locale: '<script>' } });
    expect([bad.status, bad.body.error?.details?.errors?.[0]?.code]).toEqual([400, 'trust.locale']);
    const role = await t.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await t.strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { role: role.id, action: 'api::article.article.find' } });
    expect((await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${one}`)).status).toBe(403);
  });

  it("a verified status with no recorded hash, or a hash that is not the content's (written by SQL), is never shown or certified as verified", async () => {
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']); // the test before takes find away
    const documentId = await createArticle(t.strapi, { title: 'Hash tampered', body: 'Body text' });
    expect(
      (
        await t.http.put(
          trustPath(documentId, '?locale=en'),
          { aiInvolvement: 'assisted', sources: [{ title: 'A', url: 'https://example.com/a' }] },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect(
      (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
        .status
    ).toBe(200);
    await contentManager(() => ({ http: t.http, token: admin.token })).publish(documentId, 'en');
    const row: any = await t.strapi.db
      .query(ARTICLE_UID as any)
      .findOne({ where: { documentId, locale: 'en', publishedAt: { $notNull: true } }, populate: ['trust'] });
    const original = row.trust.verifiedHash;
    const receipt = async () =>
      (await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } })).body
        .data;
    expect(await receipt()).toMatchObject({ status: 'verified', disclosure: { value: 'ai-assisted' } });
    const setHash = (value: string | null) =>
      t.strapi.db.connection.raw('update components_trust_labels_trusts set verified_hash = ? where id = ?', [
        value,
        row.trust.id,
      ]);
    try {
      for (const [hash, shown] of [
        [null, 'unverified'],
        ['', 'unverified'],
        ['b'.repeat(64), 'stale'],
      ] as const) {
        await setHash(hash);
        const rest = await t.http.get(`/api/articles/${documentId}`, { query: { locale: 'en' } });
        expect([hash, rest.body.data.trust.status]).toEqual([
          hash,
          hash === 'b'.repeat(64) ? 'verified' : 'unverified',
        ]);
        expect(rest.body.data.trust.disclosure.value).toBe(hash === 'b'.repeat(64) ? 'ai-assisted' : 'ai-autonomous');
        const badge = await t.http.get(`/api/trust-labels/badge/${ARTICLE_UID}/${documentId}.svg`, {
          query: { locale: 'en' },
        });
        expect(badge.text.includes('Human Verified')).toBe(hash === 'b'.repeat(64));
        // The receipt hashes the content itself: it certifies only the hash that was verified.
        const certified = await receipt();
        expect([hash, certified.status]).toEqual([hash, shown]);
        expect(certified).toMatchObject({ verification: null, verifiedAt: null, checks: null });
        expect(certified.disclosure.value).not.toBe('ai-assisted');
      }
    } finally {
      await setHash(original);
    }
    expect(await receipt()).toMatchObject({ status: 'verified' });
  });
});
