import { bootTestApp, contentManagerOn, ensureFrenchLocale, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { TRUST_COMPONENT_UID } from '../../shared/constants';
import { needsReview } from '../../server/src/domain/status';
import { defaultTrust, normalizeTrust, presentTrust, type StoredTrust } from '../../server/src/domain/trust';
import { responsiblePartyOf } from '../../server/src/domain/status';

/**
 * The review queue, the report (JSON and CSV) and the list view's statuses, for every kind of role of the RBAC tests
 * (the Content Manager's "Is creator" condition, locale-limited roles, field-limited roles, several roles at once,
 * no Content Manager access), equal a reference the test computes itself: which versions a user may read, and which
 * fields of them, is what the Content Manager shows that user: its list (which versions) and its entry view (which
 * fields), its API being the oracle; the trust rows are
 * read from the database. Issue 25 moves filtering, sorting and paging into SQL: this test was written first, on the
 * implementation that loads every row, and both must pass it, on SQLite, PostgreSQL and MariaDB.
 */

const ARTICLE = 'api::article.article';
const PAGE = 'api::page.page';
const CATEGORY = 'api::category.category';
const TYPES = [ARTICLE, PAGE, CATEGORY];
const LOCALIZED: Record<string, boolean> = { [ARTICLE]: true, [PAGE]: false, [CATEGORY]: false };
const DRAFT_AND_PUBLISH: Record<string, boolean> = { [ARTICLE]: true, [PAGE]: true, [CATEGORY]: false };
const READ = 'plugin::trust-labels.read';
const SOURCE = { title: 'Council minutes', url: 'https://example.com/minutes' };

interface Row {
  uid: string;
  id: number;
  documentId: string;
  locale: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  trust: StoredTrust | null;
}

interface Readable {
  /** documentId\0locale of each draft the Content Manager lists for the user, with the title it shows (or null). */
  byType: Map<string, Map<string, string | null>>;
}

const keyOf = (documentId: string, locale: string | null) => `${documentId}\u0000${locale ?? ''}`;

const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
};

describe('queue, report and statuses: the same answers for every role, on every database', () => {
  let t: TestContext;
  let superAdmin: AdminSession;
  let authorA: AdminSession;
  const sessions: Record<string, AdminSession> = {};
  const mainFields: Record<string, string> = {};

  const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
  const trustPathOf = (uid: string, documentId: string, rest = '') =>
    `/trust-labels/documents/${uid}/${documentId}${rest}`;
  const ok = async (request: Promise<{ status: number; text: string }>, expected = 200) => {
    const res = await request;
    if (res.status !== expected) throw new Error(`answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res as any;
  };

  /** Creates a document as `session` in the Content Manager (en; fr too when asked) and returns its documentId. */
  const create = async (session: AdminSession, uid: string, title: string, { fr = false } = {}) => {
    const data = uid === CATEGORY ? { name: title } : { title };
    const res = await ok(
      t.http.post(`${cm(uid)}${LOCALIZED[uid] ? '?locale=en' : ''}`, data, { token: session.token }),
      201
    );
    const id = res.body.data.documentId as string;
    if (fr)
      await ok(
        t.http.put(
          `${cm(uid)}/${id}?locale=fr`,
          uid === CATEGORY ? { name: `${title} (fr)` } : { title: `${title} (fr)` },
          { token: session.token }
        )
      );
    return id;
  };
  const q = (uid: string, locale: string | null) => (LOCALIZED[uid] ? `?locale=${locale}` : '');
  const label = (uid: string, id: string, locale: string | null, body: Record<string, unknown>) =>
    ok(t.http.put(trustPathOf(uid, id, q(uid, locale)), body, { token: superAdmin.token }));
  const verify = (uid: string, id: string, locale: string | null) =>
    ok(
      t.http.post(trustPathOf(uid, id, `/verify${q(uid, locale)}`), { checks: ALL_CHECKS }, { token: superAdmin.token })
    );
  const publish = (uid: string, id: string, locale: string | null) =>
    ok(t.http.post(`${cm(uid)}/${id}/actions/publish${q(uid, locale)}`, {}, { token: superAdmin.token }));
  const edit = (uid: string, id: string, locale: string | null, title: string) =>
    ok(
      t.http.put(`${cm(uid)}/${id}${q(uid, locale)}`, uid === CATEGORY ? { name: title } : { title }, {
        token: superAdmin.token,
      })
    );

  const AI = ['unknown', 'none', 'assisted', 'generated'] as const;
  const PUBLIC_INTEREST = [null, true, false] as const;

  /** One document in each combination of labels, verification, publication and later edits (n picks it). */
  const seedDocument = async (uid: string, n: number, creator: AdminSession) => {
    const fr = LOCALIZED[uid] && n % 2 === 0;
    const id = await create(creator, uid, `${uid.split('.')[1]} ${n} ${n % 5 === 0 ? '=SUM(1)' : 'title, "quoted"'}`, {
      fr,
    });
    for (const locale of LOCALIZED[uid] ? (fr ? ['en', 'fr'] : ['en']) : [null]) {
      const m = n + (locale === 'fr' ? 1 : 0);
      await label(uid, id, locale, {
        aiInvolvement: AI[m % 4],
        sources: [SOURCE],
        publicInterest: PUBLIC_INTEREST[m % 3],
        editorialResponsibility: m % 4 === 1 ? { name: 'Desk Editor Dana', type: 'Person' } : null,
      });
      if (m % 3 !== 2) await verify(uid, id, locale);
      if (DRAFT_AND_PUBLISH[uid] && m % 2 === 1) await publish(uid, id, locale);
      if (m % 3 === 0) await edit(uid, id, locale, `${uid.split('.')[1]} ${n} edited`);
      if (m % 7 === 3) await label(uid, id, locale, { aiInvolvement: 'generated' });
    }
    return id;
  };

  /** Every row of the enabled types with its trust row, read from the database. */
  const allRows = async (): Promise<Row[]> => {
    const rows: Row[] = [];
    for (const uid of TYPES) {
      const found: any[] = await t.strapi.db.query(uid as any).findMany({ populate: { trust: true } });
      for (const row of found) {
        rows.push({
          uid,
          id: Number(row.id),
          documentId: row.documentId,
          locale: row.locale ?? null,
          publishedAt: row.publishedAt ?? null,
          updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
          trust: row.trust ? normalizeTrust(row.trust) : null,
        });
      }
    }
    return rows;
  };

  const isDraft = (row: Row) => !DRAFT_AND_PUBLISH[row.uid] || !row.publishedAt;

  /** What the Content Manager's own list shows `session`: its drafts per type and locale, with the title it shows. */
  const readableFor = async (session: AdminSession): Promise<Readable> => {
    const byType = new Map<string, Map<string, string | null>>();
    for (const uid of TYPES) {
      const keys = new Map<string, string | null>();
      for (const locale of LOCALIZED[uid] ? ['en', 'fr'] : [null]) {
        for (let page = 1; ; page += 1) {
          const res = await t.http.get(cm(uid), {
            token: session.token,
            query: { page, pageSize: 100, ...(locale ? { locale } : {}) },
          });
          if (res.status === 403) break;
          expect(res.status).toBe(200);
          for (const item of res.body.results) {
            // The title as the entry's own view shows it (its field permissions, evaluated on that entry).
            const one = await t.http.get(`${cm(uid)}/${item.documentId}`, {
              token: session.token,
              query: locale ? { locale } : {},
            });
            expect(one.status).toBe(200);
            const title = one.body.data[mainFields[uid]];
            keys.set(keyOf(item.documentId, item.locale ?? null), typeof title === 'string' ? title : null);
          }
          if (page >= res.body.pagination.pageCount) break;
        }
      }
      byType.set(uid, keys);
    }
    return { byType };
  };

  const expectedQueue = (
    rows: Row[],
    readable: Readable,
    query: { uid?: string; locale?: string; status?: string; page?: number; pageSize?: number }
  ) => {
    const all: any[] = [];
    const counts = { stale: 0, unverified: 0 };
    for (const uid of TYPES) {
      if (query.uid && query.uid !== uid) continue;
      const keys = readable.byType.get(uid)!;
      for (const draft of rows.filter((row) => row.uid === uid && isDraft(row))) {
        if (query.locale && draft.locale !== query.locale) continue;
        const key = keyOf(draft.documentId, draft.locale);
        if (!keys.has(key)) continue;
        const stored = draft.trust ?? defaultTrust();
        if (!needsReview(stored)) continue;
        counts[stored.status === 'stale' ? 'stale' : 'unverified'] += 1;
        if (query.status && query.status !== stored.status) continue;
        const published = DRAFT_AND_PUBLISH[uid]
          ? rows.find(
              (row) =>
                row.uid === uid && row.publishedAt && row.documentId === draft.documentId && row.locale === draft.locale
            )
          : draft;
        all.push({
          uid,
          documentId: draft.documentId,
          locale: draft.locale,
          title: keys.get(key) ?? null,
          status: stored.status,
          aiInvolvement: stored.aiInvolvement,
          changedFields: stored.status === 'stale' ? (stored.changedFields ?? []) : [],
          publishedStatus: published ? (published.trust ?? defaultTrust()).status : null,
          updatedAt: draft.updatedAt,
        });
      }
    }
    all.sort(
      (a, b) =>
        Number(b.publishedStatus !== null) - Number(a.publishedStatus !== null) ||
        String(a.updatedAt).localeCompare(String(b.updatedAt))
    );
    const size = Math.min(Math.max(1, query.pageSize ?? 25), 100);
    const pageCount = Math.max(1, Math.ceil(all.length / size));
    const current = Math.min(Math.max(1, query.page ?? 1), pageCount);
    return {
      all,
      data: all.slice((current - 1) * size, current * size),
      pagination: { page: current, pageSize: size, total: all.length, pageCount },
      counts,
    };
  };

  const expectedReport = async (rows: Row[], readable: Readable) => {
    const context = await (t.strapi.plugin('trust-labels').service('settings') as any).presentationContext();
    const groups: any[] = [];
    for (const uid of TYPES) {
      const keys = readable.byType.get(uid)!;
      const byLocale = new Map<string, any>();
      const mine = rows
        .filter((row) => row.uid === uid && keys.has(keyOf(row.documentId, row.locale)))
        .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.id - b.id));
      for (const row of mine) {
        let group = byLocale.get(row.locale ?? '');
        if (!group) {
          group = {
            uid,
            locale: row.locale,
            counts: {
              status: { unverified: 0, verified: 0, stale: 0 },
              aiInvolvement: { unknown: 0, none: 0, assisted: 0, generated: 0 },
              needsReview: 0,
              labelRequired: { true: 0, false: 0 },
            },
            entries: [],
          };
          byLocale.set(row.locale ?? '', group);
        }
        const own = row.trust ?? defaultTrust();
        const trust = presentTrust(own, { uid, locale: row.locale }, context);
        const version = DRAFT_AND_PUBLISH[uid] && row.publishedAt ? 'published' : 'draft';
        group.entries.push({
          documentId: row.documentId,
          version,
          status: trust.status,
          aiInvolvement: trust.aiInvolvement,
          verifiedAt: trust.verifiedAt,
          updatedAt: row.updatedAt,
          checks: trust.status === 'unverified' ? null : own.checks,
          responsibility: responsiblePartyOf(own, context.settings),
          disclosure: trust.disclosure.value,
          labelRequired: trust.disclosure.labelRequired,
        });
        if (version === 'draft') {
          group.counts.status[trust.status] += 1;
          group.counts.aiInvolvement[trust.aiInvolvement] += 1;
          if (needsReview(trust)) group.counts.needsReview += 1;
          group.counts.labelRequired[String(trust.disclosure.labelRequired)] += 1;
        }
      }
      groups.push(...[...byLocale.values()].sort((a, b) => String(a.locale).localeCompare(String(b.locale))));
    }
    return groups;
  };

  const csvOf = (groups: any[]) => {
    const header = [
      'uid',
      'locale',
      'documentId',
      'version',
      'status',
      'aiInvolvement',
      'verifiedAt',
      'updatedAt',
      'checks',
      'responsibility',
      'responsibilityUrl',
      'disclosure',
      'labelRequired',
    ];
    const lines = [header.map(csvCell).join(',')];
    for (const group of groups) {
      for (const e of group.entries) {
        lines.push(
          [
            group.uid,
            group.locale,
            e.documentId,
            e.version,
            e.status,
            e.aiInvolvement,
            e.verifiedAt,
            e.updatedAt,
            e.checks?.join(' ') ?? '',
            e.responsibility?.name ?? '',
            e.responsibility?.url ?? '',
            e.disclosure ?? '',
            e.labelRequired,
          ]
            .map(csvCell)
            .join(',')
        );
      }
    }
    return `${lines.join('\r\n')}\r\n`;
  };

  beforeAll(async () => {
    t = await bootTestApp({ pluginConfig: { contentTypes: TYPES } });
    await ensureFrenchLocale(t.strapi);
    superAdmin = await t.admin('super-admin', 'equivalence-super');
    authorA = await t.admin('author', 'equivalence-author-a');
    const authorB = await t.admin('author', 'equivalence-author-b');
    for (const uid of TYPES) {
      const res = await ok(
        t.http.get(`/content-manager/content-types/${uid}/configuration`, { token: superAdmin.token })
      );
      mainFields[uid] = res.body.data.contentType.settings.mainField;
    }
    // The site: a public-interest setting per type and a site-wide responsible party, which the label rule reads.
    await ok(
      t.http.put(
        '/trust-labels/settings',
        {
          publicInterest: { [PAGE]: false },
          editorialResponsibility: { name: 'Bytevyte Newsroom', url: 'https://bytevyte.example/about' },
        },
        { token: superAdmin.token }
      )
    );

    let n = 0;
    for (let i = 0; i < 14; i += 1)
      await seedDocument(ARTICLE, (n += 1), i % 3 === 0 ? authorA : i % 3 === 1 ? authorB : superAdmin);
    for (let i = 0; i < 6; i += 1) await seedDocument(PAGE, (n += 1), superAdmin);
    for (let i = 0; i < 5; i += 1) await seedDocument(CATEGORY, (n += 1), superAdmin);

    // Pages and categories of author A (the Author role's condition reads createdBy).
    const rows = await allRows();
    for (const uid of [PAGE, CATEGORY]) {
      const documentIds = [...new Set(rows.filter((row) => row.uid === uid).map((row) => row.documentId))].slice(0, 3);
      await t.strapi.db
        .query(uid as any)
        .updateMany({ where: { documentId: { $in: documentIds } }, data: { createdBy: authorA.id } });
    }
    // Written around the plugin: a category entry without trust row, and a verified draft whose hash was cleared.
    const category = rows.find((row) => row.uid === CATEGORY)!;
    const link = (t.strapi.db as any).metadata.get(CATEGORY).attributes.trust.joinTable;
    await t.strapi.db.connection(link.name).where(link.joinColumn.name, category.id).del();
    const verifiedDraft = rows.find(
      (row) =>
        row.uid === ARTICLE &&
        isDraft(row) &&
        row.trust?.status === 'verified' &&
        ['assisted', 'generated'].includes(row.trust.aiInvolvement)
    )!;
    const withTrust: any = await t.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { id: verifiedDraft.id }, populate: { trust: true } });
    await t.strapi.db
      .query(TRUST_COMPONENT_UID as any)
      .update({ where: { id: withTrust.trust.id }, data: { verifiedHash: null } });

    // The roles of the RBAC tests.
    const role = (name: string, permissions: Parameters<TestContext['role']>[1]) => t.role(name, permissions);
    const fieldsOnly = (fields: string[]) => ({
      action: 'plugin::content-manager.explorer.read',
      subject: ARTICLE,
      properties: { locales: ['en', 'fr'], fields },
    });
    sessions.superAdmin = superAdmin;
    sessions.editor = await t.admin('editor', 'equivalence-editor');
    sessions.authorA = authorA;
    sessions.englishOnly = await t.admin(
      await role('English only', [READ, ...contentManagerOn(ARTICLE, ['read'], { locales: ['en'] })]),
      'equivalence-en'
    );
    sessions.slugOnly = await t.admin(await role('Slug only', [READ, fieldsOnly(['slug'])]), 'equivalence-slug');
    sessions.titleOnly = await t.admin(
      await role('Title only', [READ, fieldsOnly(['title']), ...contentManagerOn(PAGE, ['read'])]),
      'equivalence-title'
    );
    sessions.creatorFrench = await t.admin(
      await role('French, own only', [
        READ,
        ...contentManagerOn(ARTICLE, ['read'], { locales: ['fr'], conditions: ['admin::is-creator'] }),
        ...contentManagerOn(CATEGORY, ['read'], { conditions: ['admin::is-creator'] }),
      ]),
      'equivalence-fr-own'
    );
    // Several roles: English articles, and their own French ones (the rules' union, each with its conditions). Not
    // field-limited: for a version that one rule allows with some fields and another with all, the Content
    // Manager's entry view and its permission checker disagree, and the plugin keeps to the checker (the stricter).
    sessions.union = await t.admin(
      [
        await role('Union English', [READ, ...contentManagerOn(ARTICLE, ['read'], { locales: ['en'] })]),
        await role('Union own French', [
          ...contentManagerOn(ARTICLE, ['read'], { locales: ['fr'], conditions: ['admin::is-creator'] }),
        ]),
      ],
      'equivalence-union'
    );
    sessions.pluginOnly = await t.admin(await role('Plugin only', [READ]), 'equivalence-plugin-only');
    // Entries of their own for the roles with "Is creator" (the condition reads createdBy of each version).
    const articles = [
      ...new Set(rows.filter((row) => row.uid === ARTICLE && row.locale === 'fr').map((row) => row.documentId)),
    ];
    const own = async (session: AdminSession, uid: string, documentIds: string[]) =>
      t.strapi.db
        .query(uid as any)
        .updateMany({ where: { documentId: { $in: documentIds } }, data: { createdBy: session.id } });
    await own(sessions.union, ARTICLE, articles.slice(0, 2));
    await own(sessions.creatorFrench, ARTICLE, articles.slice(2, 5));
    await own(
      sessions.creatorFrench,
      CATEGORY,
      [...new Set(rows.filter((row) => row.uid === CATEGORY).map((row) => row.documentId))].slice(3)
    );
  }, 600_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('the seeded data covers every case', async () => {
    const rows = await allRows();
    const drafts = rows.filter(isDraft);
    for (const status of ['unverified', 'verified', 'stale'])
      expect(drafts.some((row) => row.trust?.status === status)).toBe(true);
    for (const ai of AI) expect(drafts.some((row) => row.trust?.aiInvolvement === ai)).toBe(true);
    expect(rows.some((row) => row.trust === null)).toBe(true);
    // The queue's order is by updatedAt: distinct times make it one order on every database.
    expect(new Set(drafts.map((row) => row.updatedAt)).size).toBe(drafts.length);
  });

  it('a role without the plugin read gets 403 on the three routes', async () => {
    const user = await t.admin(await t.role('CM only', contentManagerOn(ARTICLE, ['read'])), 'equivalence-cm-only');
    expect((await t.http.get('/trust-labels/queue', { token: user.token })).status).toBe(403);
    expect((await t.http.get('/trust-labels/report', { token: user.token })).status).toBe(403);
    expect(
      (
        await t.http.get(`/trust-labels/statuses/${ARTICLE}`, {
          token: user.token,
          query: { locale: 'en', documentIds: 'abc' },
        })
      ).status
    ).toBe(403);
  });

  const ROLES = [
    'superAdmin',
    'editor',
    'authorA',
    'englishOnly',
    'slugOnly',
    'titleOnly',
    'creatorFrench',
    'union',
    'pluginOnly',
  ];

  describe.each(ROLES)('%s', (name) => {
    let rows: Row[];
    let readable: Readable;
    beforeAll(async () => {
      rows = await allRows();
      readable = await readableFor(sessions[name]);
    });

    it('the queue: every filter the admin page offers, every page', async () => {
      const session = sessions[name];
      const filters: Array<Record<string, string>> = [
        {},
        { status: 'stale' },
        { status: 'unverified' },
        { locale: 'en' },
        { locale: 'fr' },
      ];
      for (const uid of TYPES) filters.push({ uid }, { uid, status: 'stale' }, { uid, status: 'unverified' });
      filters.push(
        { uid: ARTICLE, locale: 'fr', status: 'unverified' },
        { uid: ARTICLE, locale: 'en', status: 'stale' }
      );
      for (const filter of filters) {
        const whole = expectedQueue(rows, readable, { ...filter, pageSize: 100 });
        const res = await t.http.get('/trust-labels/queue', {
          token: session.token,
          query: { ...filter, pageSize: 100 },
        });
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual(whole.data);
        expect(res.body.meta.pagination).toEqual(whole.pagination);
        expect(res.body.meta.counts).toEqual(whole.counts);
        expect(res.body.meta.contentTypes.map((type: any) => type.uid)).toEqual(TYPES);
        // Pages of 4 (and the admin's 25), with a page past the last one (the last page answers).
        for (const pageSize of [4, 25]) {
          const pages = Math.max(1, Math.ceil(whole.all.length / pageSize));
          for (let page = 1; page <= pages + 1; page += 1) {
            const expected = expectedQueue(rows, readable, { ...filter, page, pageSize });
            const paged = await t.http.get('/trust-labels/queue', {
              token: session.token,
              query: { ...filter, page, pageSize },
            });
            expect(paged.status).toBe(200);
            expect({
              data: paged.body.data,
              pagination: paged.body.meta.pagination,
              counts: paged.body.meta.counts,
            }).toEqual({
              data: expected.data,
              pagination: expected.pagination,
              counts: expected.counts,
            });
          }
        }
      }
    });

    it('the report, JSON and CSV', async () => {
      const session = sessions[name];
      const expected = await expectedReport(rows, readable);
      const res = await t.http.get('/trust-labels/report', { token: session.token });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(expected);
      const csv = await t.http.get('/trust-labels/report', { token: session.token, query: { format: 'csv' } });
      expect(csv.status).toBe(200);
      expect(csv.text).toBe(csvOf(expected));
    });

    it('the report, JSON, page by page: each page has every group and its counts, the pages together every entry', async () => {
      const session = sessions[name];
      const expected = await expectedReport(rows, readable);
      const entries = expected.flatMap((group: any) =>
        group.entries.map((entry: any) => ({ uid: group.uid, locale: group.locale, ...entry }))
      );
      const pageSize = 7;
      const pageCount = Math.max(1, Math.ceil(entries.length / pageSize));
      const seen: any[] = [];
      for (let page = 1; page <= pageCount + 1; page += 1) {
        const res = await t.http.get('/trust-labels/report', {
          token: session.token,
          query: { page: String(page), pageSize: String(pageSize) },
        });
        expect(res.status).toBe(200);
        expect(res.body.meta.pagination).toEqual({
          page: Math.min(page, pageCount),
          pageSize,
          total: entries.length,
          pageCount,
        });
        expect(res.body.data.map(({ entries: _entries, ...group }: any) => group)).toEqual(
          expected.map(({ entries: _entries, ...group }: any) => group)
        );
        const onPage = res.body.data.flatMap((group: any) =>
          group.entries.map((entry: any) => ({ uid: group.uid, locale: group.locale, ...entry }))
        );
        expect(onPage).toEqual(
          entries.slice((Math.min(page, pageCount) - 1) * pageSize, Math.min(page, pageCount) * pageSize)
        );
        if (page <= pageCount) seen.push(...onPage);
      }
      expect(seen).toEqual(entries);
    });

    it('the statuses of the list view', async () => {
      const session = sessions[name];
      for (const uid of TYPES) {
        const keys = readable.byType.get(uid)!;
        const documentIds = [...new Set(rows.filter((row) => row.uid === uid).map((row) => row.documentId))];
        for (const locale of LOCALIZED[uid] ? ['en', 'fr'] : [null]) {
          const expected: Record<string, any> = {};
          for (const row of rows.filter((r) => r.uid === uid && (!LOCALIZED[uid] || r.locale === locale))) {
            if (!keys.has(keyOf(row.documentId, locale))) continue;
            const entry = (expected[row.documentId] ??= { draft: null, published: null, changedFields: [] });
            const stored = row.trust ?? defaultTrust();
            if (isDraft(row)) {
              entry.draft = stored.status;
              entry.changedFields = stored.status === 'stale' ? (stored.changedFields ?? []) : [];
            }
            if (!DRAFT_AND_PUBLISH[uid] || row.publishedAt) entry.published = stored.status;
          }
          const res = await t.http.get(`/trust-labels/statuses/${uid}`, {
            token: session.token,
            query: { documentIds: documentIds.join(','), ...(locale ? { locale } : {}) },
          });
          expect(res.status).toBe(200);
          expect(res.body.data).toEqual(expected);
        }
      }
    });
  });
});
