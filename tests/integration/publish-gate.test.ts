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

describe('requireDisclosure: AI-written entries need a disclaimer or a verification to be published', () => {
  let t: TestContext;
  let admin: AdminSession;

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin');
  });

  afterAll(async () => {
    await t?.stop();
  });

  const labelled = async (labels: Record<string, unknown>, locale = 'en') => {
    const documentId = await createArticle(t.strapi, { title: `Article ${Math.random()}` }, { locale });
    const res = await t.http.put(trustPath(documentId, `?locale=${locale}`), labels, { token: admin.token });
    expect(res.status).toBe(200);
    return documentId;
  };

  const publish = (documentId: string, locale = 'en') =>
    t.http.post(`${CM}/${documentId}/actions/publish?locale=${locale}`, {}, { token: admin.token });

  const publishedCount = (documentId: string) =>
    t.strapi.db.query(ARTICLE_UID).count({ where: { documentId, publishedAt: { $notNull: true } } });

  it.each(['assisted', 'generated'])(
    'refuses to publish an AI-%s entry whose disclaimer is off',
    async (aiInvolvement) => {
      const documentId = await labelled({ aiInvolvement, disclaimerMode: 'off' });
      const res = await publish(documentId);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toContain(`AI-${aiInvolvement}`);
      expect(res.body.error.message).toContain('disclaimer');
      expect(await publishedCount(documentId)).toBe(0);
    }
  );

  it('says why in French to an admin whose interface is in French (the Content Manager shows the message as it is)', async () => {
    const french = await t.admin('editor', 'francoise');
    await t.strapi.db.query('admin::user').update({ where: { id: french.id }, data: { preferedLanguage: 'fr' } });
    const documentId = await labelled({ aiInvolvement: 'generated', disclaimerMode: 'off' });
    const res = await t.http.post(`${CM}/${documentId}/actions/publish?locale=en`, {}, { token: french.token });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Publication impossible (langue en)');
    expect(res.body.error.message).toContain('générée par IA');
    // The code and values stay the same for every language.
    expect(res.body.error.details.errors[0]).toMatchObject({
      code: 'trust.publishGate',
      values: { aiInvolvement: 'generated', locale: 'en' },
    });
    expect((await publish(documentId)).body.error.message).toContain('Cannot publish (locale en)');
    expect(await publishedCount(documentId)).toBe(0);
  });

  it('refuses when the default disclaimer for that AI involvement is null in the settings', async () => {
    const settings = await t.http.get('/trust-labels/settings', { token: admin.token });
    const en = { ...settings.body.data.disclaimers.en, assisted: null };
    const put = await t.http.put('/trust-labels/settings', { disclaimers: { en } }, { token: admin.token });
    expect(put.status).toBe(200);
    try {
      const documentId = await labelled({ aiInvolvement: 'assisted', disclaimerMode: 'default' });
      expect((await publish(documentId)).status).toBe(400);
      expect(await publishedCount(documentId)).toBe(0);
    } finally {
      await t.http.put(
        '/trust-labels/settings',
        { disclaimers: settings.body.data.disclaimers },
        { token: admin.token }
      );
    }
  });

  it.each([
    ['AI-generated with the default disclaimer', { aiInvolvement: 'generated', disclaimerMode: 'default' }],
    [
      'AI-assisted with a custom disclaimer',
      { aiInvolvement: 'assisted', disclaimerMode: 'custom', disclaimerText: 'Drafted with AI.' },
    ],
    ['human-written with the disclaimer off', { aiInvolvement: 'none', disclaimerMode: 'off' }],
    ['unknown involvement with the disclaimer off', { aiInvolvement: 'unknown', disclaimerMode: 'off' }],
  ])('publishes an entry that is %s', async (_name, labels) => {
    const documentId = await labelled(labels);
    const res = await publish(documentId);
    expect(res.status).toBe(200);
    expect(await publishedCount(documentId)).toBe(1);
  });

  it('publishes an AI-generated entry without disclaimer once a person verified it', async () => {
    const documentId = await labelled({ aiInvolvement: 'generated', disclaimerMode: 'off' });
    await setTrustStatusInDb(t.strapi, documentId, 'verified');
    expect((await publish(documentId)).status).toBe(200);
    expect(await publishedCount(documentId)).toBe(1);
  });

  it('publishes anything when requireDisclosure is off', async () => {
    expect(
      (await t.http.put('/trust-labels/settings', { requireDisclosure: false }, { token: admin.token })).status
    ).toBe(200);
    try {
      const documentId = await labelled({ aiInvolvement: 'generated', disclaimerMode: 'off' });
      expect((await publish(documentId)).status).toBe(200);
    } finally {
      await t.http.put('/trust-labels/settings', { requireDisclosure: true }, { token: admin.token });
    }
  });

  it('judges each locale on its own', async () => {
    const documentId = await labelled({ aiInvolvement: 'generated', disclaimerMode: 'default' });
    await t.strapi.documents(ARTICLE_UID).update({ documentId, locale: 'fr', data: { title: 'En français' } });
    const fr = await t.http.put(
      trustPath(documentId, '?locale=fr'),
      { aiInvolvement: 'generated', disclaimerMode: 'off' },
      { token: admin.token }
    );
    expect(fr.status).toBe(200);
    expect((await publish(documentId, 'fr')).status).toBe(400);
    expect((await publish(documentId, 'en')).status).toBe(200);
  });

  it('also guards publishing from code (document service)', async () => {
    const documentId = await labelled({ aiInvolvement: 'generated', disclaimerMode: 'off' });
    await expect(t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' })).rejects.toThrow(/AI-generated/);
    expect(await publishedCount(documentId)).toBe(0);
  });
});
