import {
  ARTICLE_UID,
  bootTestApp,
  ensureFrenchLocale,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { expandJsonLd, nodes, values } from '../helpers/json-ld';
import { readSvg } from '../helpers/svg';

/**
 * The re-verification workflow (issue "The editor's re-verification workflow"): the review record (checks, editorial
 * responsibility) in the audit log, the admin state, the report and JSON-LD; what changed since a verification
 * (diff); the review queue; the badge's text when not verified, per locale.
 */
describe('review record, diff and review queue', () => {
  let t: TestContext;
  let admin: AdminSession;
  const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
  const SOURCE_A = { title: 'Council minutes', url: 'https://example.com/minutes', publisher: null, accessedAt: null };
  const SOURCE_B = { title: 'Press release', url: 'https://example.com/press', publisher: null, accessedAt: null };

  const article = async (
    title: string,
    labels: Record<string, unknown> = { sources: [SOURCE_A] },
    { publish = true } = {}
  ) => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title, body: 'The council voted 7 to 2 on Monday.' } as any });
    expect((await t.http.put(trustPath(created.documentId, '?locale=en'), labels, { token: admin.token })).status).toBe(
      200
    );
    if (publish) await t.strapi.documents(ARTICLE_UID).publish({ documentId: created.documentId, locale: 'en' });
    return created.documentId;
  };
  const verify = (documentId: string, body: Record<string, unknown>) =>
    t.http.post(trustPath(documentId, '/verify?locale=en'), body, { token: admin.token });
  const settings = (body: Record<string, unknown>) =>
    t.http.put('/trust-labels/settings', body, { token: admin.token });

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin', 'rita');
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('the review record', () => {
    it('verify needs the checks of requiredChecks (all three by default): a 400 names the missing ones', async () => {
      const documentId = await article('Checks needed');
      const none = await verify(documentId, {});
      expect(none.status).toBe(400);
      expect(none.body.error.details.errors[0]).toMatchObject({
        path: ['checks'],
        code: 'trust.requiredChecks',
        values: { missing: ['accuracy', 'plausibility', 'sources'] },
      });
      const some = await verify(documentId, { checks: ['accuracy'] });
      expect(some.body.error.details.errors[0].values).toEqual({ missing: ['plausibility', 'sources'] });
      for (const checks of [['spelling'], ['accuracy', 'accuracy'], 'accuracy'])
        expect((await verify(documentId, { checks })).status).toBe(400);
      expect((await verify(documentId, { checks: ALL_CHECKS })).status).toBe(200);
      // With requiredChecks [accuracy], that one is enough.
      expect((await settings({ requiredChecks: ['accuracy'] })).status).toBe(200);
      try {
        const other = await article('Fewer checks');
        expect((await verify(other, { checks: ['accuracy'] })).status).toBe(200);
      } finally {
        expect((await settings({ requiredChecks: ALL_CHECKS })).status).toBe(200);
      }
    });

    it('records the checks and who holds editorial responsibility in the audit event, the admin state and the report', async () => {
      expect(
        (
          await settings({
            editorialResponsibility: { name: 'Bytevyte Newsroom', url: 'https://bytevyte.example/about' },
          })
        ).status
      ).toBe(200);
      const siteWide = await article('Site responsibility');
      const own = await article('Own responsibility', {
        sources: [SOURCE_A],
        editorialResponsibility: { name: 'Desk Editor Dana', type: 'Person' },
      });
      for (const documentId of [siteWide, own])
        expect((await verify(documentId, { checks: ALL_CHECKS, note: 'Reviewed' })).status).toBe(200);

      const history = await t.http.get(trustPath(own, '/history?locale=en'), { token: admin.token });
      expect(history.body.data[0]).toMatchObject({
        action: 'verify',
        checks: ALL_CHECKS,
        responsibility: { name: 'Desk Editor Dana', type: 'Person' },
      });
      const siteHistory = await t.http.get(trustPath(siteWide, '/history?locale=en'), { token: admin.token });
      expect(siteHistory.body.data[0].responsibility).toEqual({
        name: 'Bytevyte Newsroom',
        url: 'https://bytevyte.example/about',
      });

      const state = (await t.http.get(trustPath(own, '?locale=en'), { token: admin.token })).body.data;
      expect(state.draft).toMatchObject({
        checks: ALL_CHECKS,
        editorialResponsibility: { name: 'Desk Editor Dana' },
        responsibleParty: { name: 'Desk Editor Dana' },
      });
      expect(state.published.checks).toEqual(ALL_CHECKS);

      const report = (await t.http.get('/trust-labels/report', { token: admin.token })).body.data;
      const entry = report
        .flatMap((group: any) => group.entries)
        .find((item: any) => item.documentId === own && item.version === 'published');
      expect(entry).toMatchObject({ checks: ALL_CHECKS, responsibility: { name: 'Desk Editor Dana' } });
      const csv = (await t.http.get('/trust-labels/report', { token: admin.token, query: { format: 'csv' } })).text;
      const [header, ...lines] = csv.trim().split('\r\n');
      expect(header).toContain('"checks","responsibility","responsibilityUrl"');
      expect(lines.find((line) => line.includes(siteWide) && line.includes('"published"'))).toContain(
        '"accuracy plausibility sources","Bytevyte Newsroom","https://bytevyte.example/about"'
      );
    });

    it('JSON-LD names the publisher (an organisation) or the editor (a person), and who reviewed it', async () => {
      const organisation = await article('Published by an organisation');
      expect((await verify(organisation, { checks: ALL_CHECKS })).status).toBe(200);
      const node = await expandJsonLd(
        (await t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${organisation}`, { query: { locale: 'en' } })).body
      );
      const publisher = nodes(node, 'publisher')[0];
      expect(publisher['@type']).toEqual(['https://schema.org/Organization']);
      expect(values(publisher, 'name')).toEqual(['Bytevyte Newsroom']);
      // The verifier's name is not public (showVerifierName off): the page was reviewed by the responsible organisation.
      expect(values(nodes(nodes(node, 'mainEntityOfPage')[0], 'reviewedBy')[0], 'name')).toEqual(['Bytevyte Newsroom']);

      const person = await article('Edited by a person', {
        sources: [SOURCE_A],
        editorialResponsibility: { name: 'Desk Editor Dana', type: 'Person' },
      });
      expect((await verify(person, { checks: ALL_CHECKS })).status).toBe(200);
      const personNode = await expandJsonLd(
        (await t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${person}`, { query: { locale: 'en' } })).body
      );
      expect(nodes(personNode, 'editor')[0]['@type']).toEqual(['https://schema.org/Person']);
      expect(nodes(personNode, 'publisher')).toEqual([]);
    });

    it('bulk verify takes the checks once for the batch, and records them on each', async () => {
      const first = await article('Bulk one');
      const second = await article('Bulk two');
      const missing = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: [first, second], locale: 'en' },
        { token: admin.token }
      );
      expect(missing.body.data.every((result: any) => !result.ok && /checks/.test(result.error))).toBe(true);
      // Each refusal names its code and values, which the admin panel translates.
      expect(missing.body.data[0]).toMatchObject({ code: 'trust.requiredChecks', values: { missing: ALL_CHECKS } });
      const unknown = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: ['no-such-document', 'not valid!'], locale: 'en', checks: ALL_CHECKS },
        { token: admin.token }
      );
      expect(unknown.body.data.map((result: any) => result.code)).toEqual(['trust.forbidden', 'trust.notFound']);
      const res = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: [first, second], locale: 'en', checks: ALL_CHECKS },
        { token: admin.token }
      );
      expect(res.body.data).toEqual([
        { documentId: first, ok: true },
        { documentId: second, ok: true },
      ]);
      for (const documentId of [first, second]) {
        expect(
          (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: admin.token })).body.data[0].checks
        ).toEqual(ALL_CHECKS);
      }
    });
  });

  describe('what changed since the verification', () => {
    it('shows a stale draft field by field: text word by word, sources item by item; null when never verified', async () => {
      const documentId = await article('Diffed', { sources: [SOURCE_A] });
      expect((await t.http.get(trustPath(documentId, '/diff?locale=en'), { token: admin.token })).body.data).toEqual({
        draft: null,
        published: null,
      });
      expect((await verify(documentId, { checks: ALL_CHECKS })).status).toBe(200);
      const unchanged = (await t.http.get(trustPath(documentId, '/diff?locale=en'), { token: admin.token })).body.data;
      expect(unchanged.draft).toMatchObject({ status: 'verified', fields: [] });

      expect(
        (
          await t.http.put(
            `${CM}/${documentId}?locale=en`,
            { body: 'The council voted 8 to 1 on Monday.' },
            { token: admin.token }
          )
        ).status
      ).toBe(200);
      expect(
        (
          await t.http.put(
            trustPath(documentId, '?locale=en'),
            { sources: [SOURCE_B, SOURCE_A] },
            { token: admin.token }
          )
        ).status
      ).toBe(200);
      const res = await t.http.get(trustPath(documentId, '/diff?locale=en'), { token: admin.token });
      expect(res.status).toBe(200);
      const { draft, published } = res.body.data;
      expect(draft.status).toBe('stale');
      expect(draft.fields.map((field: any) => field.field)).toEqual(['body', 'sources']);
      const body = draft.fields[0];
      expect(body).toMatchObject({
        before: 'The council voted 7 to 2 on Monday.',
        after: 'The council voted 8 to 1 on Monday.',
      });
      expect(body.changes.filter((change: any) => change.type !== 'equal')).toEqual([
        { type: 'delete', value: '7' },
        { type: 'insert', value: '8' },
        { type: 'delete', value: '2' },
        { type: 'insert', value: '1' },
      ]);
      expect(draft.fields[1].changes).toEqual([
        { type: 'insert', value: SOURCE_B },
        { type: 'equal', value: SOURCE_A },
      ]);
      // The published version was not edited: verified, nothing changed.
      expect(published).toMatchObject({ status: 'verified', fields: [] });
    });

    it('needs read (and the Content Manager read), 404 for an unknown document', async () => {
      const documentId = await article('Diff access');
      expect(
        (await t.http.get(trustPath('doesnotexist000000000000', '/diff?locale=en'), { token: admin.token })).status
      ).toBe(404);
      const nobody = await t.admin(await t.role('plugin read only', ['plugin::trust-labels.read']), 'nobody');
      expect((await t.http.get(trustPath(documentId, '/diff?locale=en'), { token: nobody.token })).status).toBe(403);
    });
  });

  describe('the review queue', () => {
    it('lists stale and unverified AI-written entries, published first then oldest first, with counts and filters', async () => {
      const stale = await article('Queue: stale');
      expect((await verify(stale, { checks: ALL_CHECKS })).status).toBe(200);
      expect(
        (await t.http.put(`${CM}/${stale}?locale=en`, { title: 'Queue: stale, edited' }, { token: admin.token })).status
      ).toBe(200);
      const aiDraftOnly = await article(
        'Queue: AI, never published',
        { sources: [SOURCE_A], aiInvolvement: 'generated' },
        { publish: false }
      );
      const aiPublished = await article('Queue: AI, published', { sources: [SOURCE_A], aiInvolvement: 'assisted' });
      const human = await article('Queue: written by a person', { sources: [SOURCE_A], aiInvolvement: 'none' });

      const res = await t.http.get('/trust-labels/queue', { token: admin.token, query: { pageSize: '100' } });
      expect(res.status).toBe(200);
      const ids = res.body.data.map((entry: any) => entry.documentId);
      expect(ids).toEqual(expect.arrayContaining([stale, aiDraftOnly, aiPublished]));
      expect(ids).not.toContain(human);
      // Published entries before those never published.
      expect(ids.indexOf(aiPublished)).toBeLessThan(ids.indexOf(aiDraftOnly));
      expect(ids.indexOf(stale)).toBeLessThan(ids.indexOf(aiDraftOnly));
      const staleEntry = res.body.data.find((entry: any) => entry.documentId === stale);
      expect(staleEntry).toMatchObject({
        uid: ARTICLE_UID,
        locale: 'en',
        title: 'Queue: stale, edited',
        status: 'stale',
        changedFields: ['title'],
        publishedStatus: 'verified',
      });
      expect(res.body.meta.counts.stale).toBeGreaterThanOrEqual(1);

      const onlyStale = await t.http.get('/trust-labels/queue', {
        token: admin.token,
        query: { status: 'stale', pageSize: '100' },
      });
      expect(onlyStale.body.data.every((entry: any) => entry.status === 'stale')).toBe(true);
      const fr = await t.http.get('/trust-labels/queue', { token: admin.token, query: { locale: 'fr' } });
      expect(fr.body.data).toEqual([]);
      expect(
        (await t.http.get('/trust-labels/queue', { token: admin.token, query: { status: 'pending' } })).status
      ).toBe(400);
      expect(
        (await t.http.get('/trust-labels/queue', { token: admin.token, query: { uid: 'api::nope.nope' } })).status
      ).toBe(404);

      const report = (await t.http.get('/trust-labels/report', { token: admin.token })).body.data;
      const en = report.find((group: any) => group.uid === ARTICLE_UID && group.locale === 'en');
      expect(en.counts.needsReview).toBe(res.body.meta.pagination.total);
    });

    it('shows an Author only their own entries', async () => {
      const author = await t.admin('author', 'aurora');
      const created = await t.http.post(`${CM}?locale=en`, { title: 'Queue: by the author' }, { token: author.token });
      const own = created.body.data.documentId;
      expect(
        (await t.http.put(trustPath(own, '?locale=en'), { aiInvolvement: 'generated' }, { token: author.token })).status
      ).toBe(200);
      const res = await t.http.get('/trust-labels/queue', { token: author.token, query: { pageSize: '100' } });
      expect(res.body.data.map((entry: any) => entry.documentId)).toEqual([own]);
    });
  });

  it('the badge says "Not verified" in the entry’s language (notVerifiedLabel)', async () => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'fr', data: { title: 'En français' } as any, status: 'published' });
    const badge = await t.http.get(`/api/trust-labels/badge/${ARTICLE_UID}/${created.documentId}.svg`, {
      query: { locale: 'fr' },
    });
    // aiInvolvement unknown: nothing declared, said in French too.
    expect(readSvg(badge.text).find((element) => element.name === 'title')?.text).toBe(
      'Non vérifié · Usage de l’IA non déclaré'
    );
    expect((await settings({ notVerifiedLabel: { en: 'Not verified', fr: 'Pas encore vérifié' } })).status).toBe(200);
    const changed = await t.http.get(`/api/trust-labels/badge/${ARTICLE_UID}/${created.documentId}.svg`, {
      query: { locale: 'fr' },
    });
    expect(readSvg(changed.text).find((element) => element.name === 'title')?.text).toBe(
      'Pas encore vérifié · Usage de l’IA non déclaré'
    );
  });
});
