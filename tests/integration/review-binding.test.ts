import { execFile } from 'child_process';
import path from 'path';

import { ARTICLE_UID, bootTestApp, createArticle, trustPath, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';

/**
 * Issue 24: what readers are told about AI can no longer be false.
 * - A verification covers the declared AI involvement: changing it on a verified version, lower or higher, through
 *   every write path, makes the version stale; the verify event records it; the diff shows it.
 * - labelRequired follows the Commission's guidelines: AI text of public interest carries the label unless it is both
 *   verified and under a named editorial responsibility.
 * - The review record readers see (receipt, JSON-LD) is the chained verify event's, never a trust row edited by SQL,
 *   and the receipt never certifies a verification that no event records.
 * - Filtering under trust on anything but status, verifiedAt and aiInvolvement is a 400 (REST, relations, GraphQL).
 */
const SCRIPT = path.resolve(__dirname, '../../scripts/verify-receipt.js');
const SOURCE = { title: 'A source', url: 'https://example.com/source', publisher: 'Example', accessedAt: '2026-11-02' };
const NEWSROOM = { name: 'Bytevyte Newsroom', type: 'Organization' as const };

describe('the review covers the declared AI involvement; labelRequired as the guidelines say; the review record from the chain', () => {
  let t: TestContext;
  let admin: AdminSession;
  let editor: AdminSession;
  let cm: ReturnType<typeof contentManager>;

  const state = async (documentId: string) => {
    const res = await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token });
    expect(res.status).toBe(200);
    return res.body.data as { draft: any; published: any };
  };
  const put = async (documentId: string, body: Record<string, unknown>, session = admin) => {
    const res = await t.http.put(trustPath(documentId, '?locale=en'), body, { token: session.token });
    expect([res.status, res.body?.error]).toEqual([200, undefined]);
    return res.body.data;
  };
  const verify = async (documentId: string, session = editor) => {
    const res = await t.http.post(
      trustPath(documentId, '/verify?locale=en'),
      { checks: ALL_CHECKS },
      { token: session.token }
    );
    expect([res.status, res.body?.error]).toEqual([200, undefined]);
  };
  const settings = async (body: Record<string, unknown>) => {
    const res = await t.http.put('/trust-labels/settings', body, { token: admin.token });
    expect([res.status, res.body?.error]).toEqual([200, undefined]);
  };
  const verifiedArticle = async (title: string, aiInvolvement = 'assisted', { publish = true } = {}) => {
    const documentId = await createArticle(t.strapi, { title, body: 'A body of text.' });
    await put(documentId, { aiInvolvement, sources: [SOURCE] });
    await verify(documentId);
    if (publish) await cm.publish(documentId, 'en');
    return documentId;
  };
  const publicTrust = async (documentId: string) => {
    const res = await t.http.get(`/api/articles/${documentId}`, { query: { locale: 'en' } });
    expect(res.status).toBe(200);
    return res.body.data.trust;
  };
  const jsonLd = async (documentId: string) => {
    const res = await t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const receipt = async (documentId: string) => {
    const res = await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const trustRowOf = async (documentId: string, published: boolean) => {
    const row: any = await t.strapi.db.query(ARTICLE_UID as any).findOne({
      where: { documentId, locale: 'en', publishedAt: published ? { $notNull: true } : null },
      populate: ['trust'],
    });
    return row.trust as { id: number; verifiedHash: string };
  };

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'rita');
    editor = await t.admin('editor', 'eddie');
    cm = contentManager(() => ({ http: t.http, token: admin.token }));
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne', 'api::category.category.find']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('a change of aiInvolvement on a verified version', () => {
    it.each([
      ['lowered to none (relabelled as human-written)', 'assisted', 'none'],
      ['lowered to unknown', 'generated', 'unknown'],
      ['raised to generated', 'assisted', 'generated'],
    ])('%s through the labels route makes it stale, publicly too once published', async (_name, from, to) => {
      const documentId = await verifiedArticle(`Relabel ${from} → ${to}`, from);
      // As the editor did when relabelling as human-written: the disclaimer off too (AI text keeps it, or the
      // publish gate refuses to publish it unverified).
      const data = await put(documentId, { aiInvolvement: to, ...(to === 'none' ? { disclaimerMode: 'off' } : {}) });
      expect(data.draft).toMatchObject({ status: 'stale', aiInvolvement: to, changedFields: ['aiInvolvement'] });
      // Until published, readers still see the verified version as it was reviewed.
      expect(await publicTrust(documentId)).toMatchObject({ status: 'verified', aiInvolvement: from });
      await cm.publish(documentId, 'en');
      const shown = await publicTrust(documentId);
      expect(shown).toMatchObject({ status: 'stale', aiInvolvement: to });
      expect(shown.disclosure.value).not.toBe('ai-assisted');
      const badge = await t.http.get(`/api/trust-labels/badge/${ARTICLE_UID}/${documentId}.svg`, {
        query: { locale: 'en' },
      });
      expect(badge.text).not.toContain('Human Verified');
      const doc = await jsonLd(documentId);
      expect(doc.mainEntityOfPage).toBeUndefined();
      expect((await receipt(documentId)).verification).toBeNull();
      // The stale event names the field, and the diff shows the change.
      const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: admin.token });
      expect(history.body.data.find((event: any) => event.action === 'stale')).toMatchObject({
        changedFields: ['aiInvolvement'],
      });
      const diff = await t.http.get(trustPath(documentId, '/diff?locale=en'), { token: admin.token });
      expect(diff.status).toBe(200);
      expect(diff.body.data.draft.fields).toEqual([
        expect.objectContaining({ field: 'aiInvolvement', before: from, after: to }),
      ]);
    });

    it('back to the reviewed involvement, the version is verified again (as when content returns to what was verified)', async () => {
      const documentId = await verifiedArticle('Relabel and back', 'generated', { publish: false });
      expect((await put(documentId, { aiInvolvement: 'assisted' })).draft.status).toBe('stale');
      expect((await put(documentId, { aiInvolvement: 'generated' })).draft).toMatchObject({
        status: 'verified',
        changedFields: [],
      });
    });

    it('a change of the disclaimer or of public interest alone keeps the verification', async () => {
      const documentId = await verifiedArticle('Disclaimer only', 'assisted', { publish: false });
      expect((await put(documentId, { disclaimerMode: 'off' })).draft.status).toBe('verified');
      expect((await put(documentId, { publicInterest: false })).draft.status).toBe('verified');
    });

    it('through app code (the trust service’s editDraft) makes it stale too', async () => {
      const documentId = await verifiedArticle('App code relabel', 'generated', { publish: false });
      const result = await t.strapi
        .plugin('trust-labels')
        .service('trust')
        .editDraft(ARTICLE_UID, documentId, 'en', { aiInvolvement: 'none' });
      expect(result.draft).toMatchObject({ status: 'stale', changedFields: ['aiInvolvement'] });
    });

    it('through an accepted MCP suggestion (an agent raises it, an editor accepts) makes it stale too', async () => {
      const documentId = await verifiedArticle('Suggestion relabel', 'assisted', { publish: false });
      const target = { uid: ARTICLE_UID, documentId, locale: 'en' };
      await t.strapi
        .plugin('trust-labels')
        .service('suggestions')
        .suggest(target, { aiInvolvement: 'generated' }, null);
      const res = await t.http.post(trustPath(documentId, '/suggestion/accept?locale=en'), {}, { token: editor.token });
      expect(res.status).toBe(200);
      expect((await state(documentId)).draft).toMatchObject({
        status: 'stale',
        aiInvolvement: 'generated',
        changedFields: ['aiInvolvement'],
      });
    });

    it('the verify event records the declared involvement (single and bulk), and the published version shares a verification only when its involvement is the same', async () => {
      const single = await verifiedArticle('Recorded involvement', 'generated', { publish: false });
      const history = await t.http.get(trustPath(single, '/history?locale=en'), { token: admin.token });
      expect(history.body.data.find((event: any) => event.action === 'verify')).toMatchObject({
        aiInvolvement: 'generated',
      });

      const bulkIds = [
        await createArticle(t.strapi, { title: 'Bulk A' }),
        await createArticle(t.strapi, { title: 'Bulk B' }),
      ];
      await put(bulkIds[0], { aiInvolvement: 'assisted', sources: [SOURCE] });
      await put(bulkIds[1], { aiInvolvement: 'none', sources: [SOURCE] });
      const bulk = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: bulkIds, locale: 'en', checks: ALL_CHECKS },
        { token: editor.token }
      );
      expect(bulk.status).toBe(200);
      expect(bulk.body.data.map((result: any) => result.ok)).toEqual([true, true]);
      for (const [documentId, aiInvolvement] of [
        [bulkIds[0], 'assisted'],
        [bulkIds[1], 'none'],
      ]) {
        const events = (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: admin.token })).body
          .data;
        expect(events.find((event: any) => event.action === 'verify')).toMatchObject({ aiInvolvement });
      }

      // Published as assisted, then the draft declared generated and verified: the new verification is not recorded on
      // the published version, whose declared involvement is not the one reviewed.
      const split = await verifiedArticle('Split involvement', 'assisted');
      await put(split, { aiInvolvement: 'generated' });
      await verify(split);
      const both = await state(split);
      // The published version keeps its own, earlier review (of its content, declared assisted).
      expect([
        both.draft.status,
        both.draft.aiInvolvement,
        both.published.status,
        both.published.aiInvolvement,
      ]).toEqual(['verified', 'generated', 'verified', 'assisted']);
      const publishedRow: any = await t.strapi.db
        .connection('components_trust_labels_trusts')
        .where('id', (await trustRowOf(split, true)).id)
        .first();
      expect(publishedRow.verified_ai_involvement).toBe('assisted');
      expect(both.published.verifiedAt).not.toBe(both.draft.verifiedAt);
    });

    it('a verification recorded before 0.3 (no involvement recorded) keeps its status, and a later change makes it stale', async () => {
      const documentId = await verifiedArticle('Legacy verification', 'assisted', { publish: false });
      const row = await trustRowOf(documentId, false);
      await t.strapi.db
        .connection('components_trust_labels_trusts')
        .where('id', row.id)
        .update({ verified_ai_involvement: null });
      const integrity = await t.http.post('/trust-labels/integrity', {}, { token: admin.token });
      expect(integrity.status).toBe(200);
      expect((await state(documentId)).draft.status).toBe('verified');
      expect((await put(documentId, { aiInvolvement: 'none' })).draft).toMatchObject({
        status: 'stale',
        changedFields: ['aiInvolvement'],
      });
      expect((await put(documentId, { aiInvolvement: 'assisted' })).draft.status).toBe('verified');
    });
  });

  describe('labelRequired', () => {
    const INVOLVEMENTS = ['unknown', 'none', 'assisted', 'generated'] as const;
    const STATUSES = ['unverified', 'verified', 'stale'] as const;
    const ids = new Map<string, string>();

    beforeAll(async () => {
      for (const ai of INVOLVEMENTS) {
        for (const status of STATUSES) {
          const documentId = await createArticle(t.strapi, { title: `Label ${ai} ${status}`, body: 'Body' });
          await put(documentId, { aiInvolvement: ai, sources: [SOURCE] });
          if (status !== 'unverified') await verify(documentId);
          if (status === 'stale') await cm.edit(documentId, { title: `Label ${ai} ${status}, rewritten` }, 'en');
          await cm.publish(documentId, 'en');
          ids.set(`${ai}/${status}`, documentId);
        }
      }
    });

    afterAll(async () => {
      await settings({ editorialResponsibility: null, publicInterest: {} });
    });

    it('for every combination of involvement × status × editorial responsibility × public interest, in REST, GraphQL, the admin state and the report', async () => {
      const seen: string[] = [];
      for (const responsible of [null, NEWSROOM]) {
        for (const publicInterest of [true, false]) {
          await settings({ editorialResponsibility: responsible, publicInterest: { [ARTICLE_UID]: publicInterest } });
          const list = await t.http.get('/api/articles', { query: { 'pagination[pageSize]': 100, locale: 'en' } });
          const listed = new Map(list.body.data.map((entry: any) => [entry.documentId, entry.trust]));
          const gql = await t.http.post(
            '/graphql',
            {
              query:
                '{ articles(pagination: { pageSize: 100 }, locale: "en") { documentId trust { status disclosure { labelRequired } } } }',
            },
            {}
          );
          expect(gql.status).toBe(200);
          const viaGraphql = new Map(
            gql.body.data.articles.map((entry: any) => [entry.documentId, entry.trust.disclosure.labelRequired])
          );
          const report = await t.http.get('/trust-labels/report', { token: admin.token });
          const reported = new Map(
            report.body.data
              .flatMap((group: any) => group.entries)
              .filter((entry: any) => entry.version === 'published')
              .map((entry: any) => [entry.documentId, entry.labelRequired])
          );
          for (const ai of INVOLVEMENTS) {
            for (const status of STATUSES) {
              const documentId = ids.get(`${ai}/${status}`)!;
              const required =
                (ai === 'assisted' || ai === 'generated') &&
                publicInterest &&
                !(status === 'verified' && responsible !== null);
              const label = [
                ai,
                status,
                responsible?.name ?? 'nobody',
                publicInterest ? 'public interest' : 'not public interest',
              ];
              expect([...label, (listed.get(documentId) as any).status]).toEqual([...label, status]);
              expect([...label, (listed.get(documentId) as any).disclosure.labelRequired]).toEqual([
                ...label,
                required,
              ]);
              expect([...label, viaGraphql.get(documentId)]).toEqual([...label, required]);
              expect([...label, reported.get(documentId)]).toEqual([...label, required]);
              seen.push(label.join('/'));
            }
          }
          // The admin state of one, and the report's count by labelRequired.
          const one = await state(ids.get('generated/verified')!);
          expect(one.published.disclosure.labelRequired).toBe(publicInterest && responsible === null);
          expect(one.published.publicInterestApplied).toBe(publicInterest);
          const group = report.body.data.find((item: any) => item.uid === ARTICLE_UID && item.locale === 'en');
          const drafts = group.entries.filter((entry: any) => entry.version === 'draft');
          expect(group.counts.labelRequired).toEqual({
            true: drafts.filter((entry: any) => entry.labelRequired).length,
            false: drafts.filter((entry: any) => !entry.labelRequired).length,
          });
        }
      }
      expect(new Set(seen).size).toBe(4 * 3 * 2 * 2);
    });

    it('an entry answers for itself: its own public interest and editorial responsibility override the settings', async () => {
      await settings({ editorialResponsibility: null, publicInterest: {} });
      const documentId = await verifiedArticle('Own answers', 'generated');
      expect((await publicTrust(documentId)).disclosure).toEqual({ value: 'ai-assisted', labelRequired: true });
      await put(documentId, { editorialResponsibility: { name: 'Desk Editor Dana', type: 'Person' } });
      await cm.publish(documentId, 'en');
      expect((await publicTrust(documentId)).disclosure).toEqual({ value: 'ai-assisted', labelRequired: false });
      await settings({ editorialResponsibility: null, publicInterest: { [ARTICLE_UID]: false } });
      const other = await verifiedArticle('Own public interest', 'generated');
      expect((await publicTrust(other)).disclosure.labelRequired).toBe(false);
      await put(other, { publicInterest: true });
      await cm.publish(other, 'en');
      expect((await publicTrust(other)).disclosure.labelRequired).toBe(true);
      expect((await state(other)).draft).toMatchObject({ publicInterest: true, publicInterestApplied: true });
      await settings({ publicInterest: {} });
    });

    it('refuses bad publicInterest values with a 400 and a code, changing nothing', async () => {
      const documentId = await createArticle(t.strapi, { title: 'Bad public interest' });
      for (const bad of ['yes', 1, {}]) {
        const res = await t.http.put(
          trustPath(documentId, '?locale=en'),
          { publicInterest: bad },
          { token: admin.token }
        );
        expect([bad, res.status, res.body.error.details.errors[0].path]).toEqual([bad, 400, ['publicInterest']]);
      }
      for (const bad of [{ 'not a uid': true }, { [ARTICLE_UID]: 'yes' }, []]) {
        const res = await t.http.put('/trust-labels/settings', { publicInterest: bad }, { token: admin.token });
        expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 400]);
        expect(res.body.error.details.errors[0].code).toEqual(expect.stringMatching(/^trust\./));
      }
      expect((await state(documentId)).draft.publicInterest).toBeNull();
    });
  });

  describe('the review record readers see is the chained verify event', () => {
    it('an SQL edit of a verified version’s trust row is never shown by the receipt or JSON-LD', async () => {
      await settings({ showVerifierName: true, editorialResponsibility: NEWSROOM });
      try {
        const documentId = await verifiedArticle('A record edited by SQL', 'assisted');
        const genuine = await receipt(documentId);
        expect(genuine.verification).toMatchObject({ verifiedBy: 'eddie Tester', editorialResponsibility: NEWSROOM });
        const before = await jsonLd(documentId);
        expect(before.publisher).toMatchObject({ name: NEWSROOM.name });
        const row = await trustRowOf(documentId, true);
        await t.strapi.db
          .connection('components_trust_labels_trusts')
          .where('id', row.id)
          .update({
            editorial_responsibility: JSON.stringify({ name: 'Forged Newsroom' }),
            verified_at: new Date('2020-01-01T00:00:00.000Z'),
            verified_by_name: 'Forger',
            checks: JSON.stringify(['accuracy']),
          });
        const forged = await receipt(documentId);
        expect(forged.verification).toEqual(genuine.verification);
        expect([forged.verifiedAt, forged.checks, forged.editorialResponsibility]).toEqual([
          genuine.verifiedAt,
          genuine.checks,
          genuine.editorialResponsibility,
        ]);
        expect(JSON.stringify(forged)).not.toMatch(/Forge|2020-01-01/);
        const doc = await jsonLd(documentId);
        expect(doc.mainEntityOfPage).toMatchObject({
          lastReviewed: genuine.verifiedAt,
          reviewedBy: { name: 'eddie Tester' },
        });
        expect(doc.publisher).toMatchObject({ name: NEWSROOM.name });
        expect(JSON.stringify(doc)).not.toMatch(/Forge|2020-01-01/);
      } finally {
        await settings({ showVerifierName: false, editorialResponsibility: null });
      }
    });

    it('a row set to verified with the right hash by SQL, without a verify event: the receipt certifies nothing and the script says so', async () => {
      const documentId = await createArticle(t.strapi, { title: 'Verified by SQL', body: 'Body' });
      await put(documentId, { aiInvolvement: 'assisted', sources: [SOURCE] });
      await cm.publish(documentId, 'en');
      const before = await receipt(documentId);
      const row = await trustRowOf(documentId, true);
      await t.strapi.db
        .connection('components_trust_labels_trusts')
        .where('id', row.id)
        .update({
          status: 'verified',
          verified_hash: before.contentHash,
          verified_at: new Date(),
          checks: JSON.stringify(ALL_CHECKS),
        });
      const forged = await receipt(documentId);
      // The status as the content API says it; no verification certified.
      expect(forged.status).toBe((await publicTrust(documentId)).status);
      expect(forged).toMatchObject({
        verification: null,
        verifiedAt: null,
        checks: null,
        editorialResponsibility: null,
      });
      const run = await new Promise<{ status: number | null; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          [SCRIPT, t.baseUrl, ARTICLE_UID, documentId, 'en'],
          { encoding: 'utf8', timeout: 30_000 },
          (error, stdout) =>
            resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout })
        )
      );
      expect(run.stdout).not.toContain('MATCH:');
      expect(run.stdout).toContain('NOT CERTIFIED');
      expect(run.status).toBe(3);
    });
  });

  describe('filters under trust: only status, verifiedAt and aiInvolvement', () => {
    it('refuses trust.id and every internal field in REST, through a relation and in GraphQL (400 trust.filter)', async () => {
      for (const query of [
        'filters[trust][id][$gt]=0',
        'filters[trust][id][$eq]=1',
        'filters[trust][$or][0][id][$gt]=0',
        'filters[trust][$not][id][$gt]=0',
      ]) {
        const res = await t.http.get(`/api/articles?${query}`);
        expect([query, res.status, res.body.error?.details?.errors?.[0]?.code]).toEqual([query, 400, 'trust.filter']);
      }
      for (const field of ['verifiedHash', 'disclaimerText', 'verifiedById', 'publicInterest']) {
        const res = await t.http.get(`/api/articles?filters[trust][${field}][$null]=false`);
        expect([field, res.status]).toEqual([field, 400]);
      }
      const relation = await t.http.get('/api/categories?filters[articles][trust][id][$gt]=0');
      expect([relation.status, relation.body.error?.details?.errors?.[0]?.code]).toEqual([400, 'trust.filter']);
      const populated = await t.http.get('/api/categories?populate[articles][filters][trust][id][$gt]=0');
      expect(populated.status).toBe(400);
      const gql = await t.http.post(
        '/graphql',
        { query: '{ articles(filters: { trust: { id: { gt: "0" } } }) { documentId } }' },
        {}
      );
      expect(JSON.stringify(gql.body)).toMatch(/trust\.filter|id/);
      expect(gql.body.data?.articles ?? null).toBeNull();
      // The public fields still filter.
      const ok = await t.http.get(
        '/api/articles?filters[trust][status][$eq]=verified&filters[trust][aiInvolvement][$in][0]=assisted'
      );
      expect(ok.status).toBe(200);
    });
  });
});
