import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  ensureFrenchLocale,
  setTrustStatusInDb,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const spoofedTrust = { status: 'verified', verifiedHash: 'abc', aiInvolvement: 'none', sources: [] };

describe('new entries, clones and new locales start unverified', () => {
  let t: TestContext;
  let admin: AdminSession;
  let verifiedId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin');
    verifiedId = await createArticle(t.strapi, { title: 'Verified original' });
    const edit = await t.http.put(
      trustPath(verifiedId, '?locale=en'),
      { aiInvolvement: 'assisted', sources: [{ title: 'Source', url: 'https://example.com/a' }] },
      { token: admin.token }
    );
    expect(edit.status).toBe(200);
    await setTrustStatusInDb(t.strapi, verifiedId, 'verified');
    const state = await t.http.get(trustPath(verifiedId, '?locale=en'), { token: admin.token });
    expect(state.body.data.draft.status).toBe('verified');
  });

  afterAll(async () => {
    await t?.stop();
  });

  const draftState = async (documentId: string, locale = 'en') => {
    const res = await t.http.get(trustPath(documentId, `?locale=${locale}`), { token: admin.token });
    expect(res.status).toBe(200);
    return res.body.data.draft;
  };

  it('a new entry created in the Content Manager is unverified, whatever the body says', async () => {
    const res = await t.http.post(
      `${CM}?locale=en`,
      { title: 'Created in the CM', trust: spoofedTrust },
      { token: admin.token }
    );
    expect(res.status).toBe(201);
    const state = await draftState(res.body.data.documentId);
    expect(state).toMatchObject({ status: 'unverified', aiInvolvement: 'unknown', sources: [], verifiedBy: null });
  });

  it('a new entry created by the document service in code is unverified', async () => {
    const documentId = await createArticle(t.strapi, { title: 'Created in code', trust: spoofedTrust });
    expect(await draftState(documentId)).toMatchObject({ status: 'unverified', aiInvolvement: 'unknown' });
    const row = await t.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId }, populate: ['trust'] });
    expect(row.trust.status).toBe('unverified');
    expect(row.trust.verifiedHash).toBeNull();
  });

  it('a Content Manager "duplicate" (clone) is unverified but keeps the labels', async () => {
    const res = await t.http.post(
      `${CM}/clone/${verifiedId}?locale=en`,
      { title: 'Duplicate' },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    const cloneId = res.body.data.documentId;
    expect(cloneId).not.toBe(verifiedId);
    expect(await draftState(cloneId)).toMatchObject({
      status: 'unverified',
      verifiedAt: null,
      verifiedBy: null,
      aiInvolvement: 'assisted',
      sources: [{ title: 'Source', url: 'https://example.com/a', publisher: null, accessedAt: null }],
    });
    // The original is untouched.
    expect((await draftState(verifiedId)).status).toBe('verified');
  });

  it('a Content Manager auto-clone is unverified', async () => {
    const res = await t.http.post(`${CM}/auto-clone/${verifiedId}?locale=en`, {}, { token: admin.token });
    expect(res.status).toBe(200);
    expect((await draftState(res.body.data.documentId)).status).toBe('unverified');
  });

  it('a new locale of a verified entry starts unverified and leaves the other locale alone', async () => {
    const res = await t.http.put(
      `${CM}/${verifiedId}?locale=fr`,
      { title: 'Version française', trust: spoofedTrust },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(await draftState(verifiedId, 'fr')).toMatchObject({
      status: 'unverified',
      aiInvolvement: 'unknown',
      sources: [],
    });
    expect(await draftState(verifiedId, 'en')).toMatchObject({ status: 'verified', aiInvolvement: 'assisted' });
  });

  it('a Content Manager save of an existing version does not touch trust data sent in the body', async () => {
    const res = await t.http.put(
      `${CM}/${verifiedId}?locale=en`,
      { title: 'Verified original', trust: { ...spoofedTrust, status: 'unverified' } },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(await draftState(verifiedId, 'en')).toMatchObject({
      aiInvolvement: 'assisted',
      sources: [{ title: 'Source' }],
    });
  });
});
