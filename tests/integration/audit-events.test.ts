import http from 'http';
import type { AddressInfo } from 'net';

import {
  ARTICLE_UID,
  bootTestApp,
  contentManagerOn,
  createArticle,
  ensureFrenchLocale,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';

/**
 * docs/compliance.md#audit-log: the audit log (one event per verify, unverify, automatic stale and label
 * edit; no route to edit or delete events), the events on Strapi's event hub registered as webhook events,
 * and "Admin API" GET /trust-labels/report (JSON and CSV).
 */

const AUDIT_UID = 'plugin::trust-labels.audit-event';
const SOURCE = { title: 'A source', url: 'https://example.com/source' };
const EVENT_KEYS = [
  'action',
  'actor',
  'aiInvolvement',
  'at',
  'changedFields',
  'checks',
  'contentHash',
  'documentId',
  'hash',
  'locale',
  'note',
  'prevHash',
  'responsibility',
  'uid',
];

let counter = 0;
const unique = (label: string) => `${label} ${++counter}`;

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

describe('audit log, webhook events and report', () => {
  let t: TestContext;
  let admin: AdminSession;
  let editor: AdminSession;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          /* keep the raw text */
        }
        received.push({ url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin', 'root');
    editor = await t.admin('editor', 'editor');
  });

  afterAll(async () => {
    await t?.stop();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  // ---- helpers ---------------------------------------------------------------------------------

  const history = async (documentId: string, locale = 'en', session = editor) => {
    const res = await t.http.get(trustPath(documentId, `/history?locale=${locale}`), { token: session.token });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.data)).toBe(true);
    return res.body.data as any[];
  };

  const storedEvents = (documentId: string) =>
    t.strapi.db
      .query(AUDIT_UID as any)
      .findMany({ where: { entryDocumentId: documentId }, orderBy: [{ id: 'asc' }] }) as Promise<any[]>;

  /** Runs `action` and returns the audit events it appended (read from the database, oldest first). */
  const newEvents = async (documentId: string, action: () => Promise<unknown>) => {
    const before = (await storedEvents(documentId)).map((event) => event.id);
    await action();
    return (await storedEvents(documentId)).filter((event) => !before.includes(event.id));
  };

  const putTrust = async (documentId: string, body: unknown, session = admin, locale = 'en') => {
    const res = await t.http.put(trustPath(documentId, `?locale=${locale}`), body, { token: session.token });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const verify = async (documentId: string, note?: string, session = editor, locale = 'en') => {
    const res = await t.http.post(
      trustPath(documentId, `/verify?locale=${locale}`),
      note === undefined ? { checks: ALL_CHECKS } : { note, checks: ALL_CHECKS },
      { token: session.token }
    );
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const unverify = async (documentId: string, note?: string, session = editor, locale = 'en') => {
    const res = await t.http.post(
      trustPath(documentId, `/unverify?locale=${locale}`),
      note === undefined ? {} : { note },
      { token: session.token }
    );
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const { edit: cmEdit, publish: cmPublish } = contentManager(() => ({ http: t.http, token: admin.token }));

  const sourcedArticle = async ({ publish = false } = {}) => {
    const documentId = await createArticle(t.strapi, { title: unique('Audited'), body: 'Body' });
    await putTrust(documentId, { sources: [SOURCE] });
    if (publish) await cmPublish(documentId);
    return documentId;
  };

  const storedDraftTrust = async (documentId: string, locale = 'en') => {
    const row: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, locale, publishedAt: null }, populate: ['trust'] });
    return row.trust;
  };

  // ---- one event per action --------------------------------------------------------------------

  describe('one event per action', () => {
    it('verify appends exactly one verify event with the verifier, the note and the verified hash', async () => {
      const documentId = await sourcedArticle({ publish: true });
      const events = await newEvents(documentId, () => verify(documentId, 'Checked against the sources'));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'verify',
        uid: ARTICLE_UID,
        entryDocumentId: documentId,
        entryLocale: 'en',
        note: 'Checked against the sources',
      });

      const [latest] = await history(documentId);
      expect(
        Object.keys(latest)
          .filter((key) => key !== 'id')
          .sort()
      ).toEqual(EVENT_KEYS);
      expect(latest).toMatchObject({
        action: 'verify',
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        actor: { id: editor.id, name: 'editor Tester' },
        changedFields: [],
        note: 'Checked against the sources',
      });
      expect(latest.contentHash).toBe((await storedDraftTrust(documentId)).verifiedHash);
      // The chain: this event's hash links it to the one before.
      expect(latest.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(latest.prevHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Number.isNaN(new Date(latest.at).getTime())).toBe(false);
    });

    it('unverify appends exactly one unverify event', async () => {
      const documentId = await sourcedArticle({ publish: true });
      await verify(documentId);
      const events = await newEvents(documentId, () => unverify(documentId, 'Source retracted'));
      expect(events).toHaveLength(1);
      const [latest] = await history(documentId);
      expect(latest).toMatchObject({
        action: 'unverify',
        documentId,
        locale: 'en',
        actor: { id: editor.id },
        note: 'Source retracted',
        contentHash: null,
      });
    });

    it('a Content Manager title edit of a verified article appends exactly one stale event naming title', async () => {
      const documentId = await sourcedArticle({ publish: true });
      await verify(documentId);
      const events = await newEvents(documentId, () => cmEdit(documentId, { title: unique('Edited') }));
      expect(events).toHaveLength(1);
      expect(events[0].action).toBe('stale');

      const [latest] = await history(documentId);
      expect(latest).toMatchObject({ action: 'stale', documentId, locale: 'en', changedFields: ['title'], note: null });
      // the admin whose edit made it stale is the actor
      expect(latest.actor).toMatchObject({ id: admin.id, name: 'root Tester' });
      expect(latest.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(latest.contentHash).not.toBe((await storedDraftTrust(documentId)).verifiedHash);
    });

    it('a second edit of an already stale article appends no further stale event', async () => {
      const documentId = await sourcedArticle();
      await verify(documentId);
      await cmEdit(documentId, { title: unique('First edit') });
      const events = await newEvents(documentId, () => cmEdit(documentId, { title: unique('Second edit') }));
      expect(events.filter((event) => event.action === 'stale')).toHaveLength(0);
    });

    it('an edit of an unverified article appends no stale event', async () => {
      const documentId = await sourcedArticle();
      const events = await newEvents(documentId, () => cmEdit(documentId, { title: unique('Unverified edit') }));
      expect(events).toHaveLength(0);
    });

    it('a label edit appends exactly one edit event naming the changed labels', async () => {
      const documentId = await sourcedArticle();
      const events = await newEvents(documentId, () =>
        putTrust(documentId, { aiInvolvement: 'assisted', disclaimerMode: 'off' }, editor)
      );
      expect(events).toHaveLength(1);
      const [latest] = await history(documentId);
      expect(latest).toMatchObject({
        action: 'edit',
        documentId,
        locale: 'en',
        actor: { id: editor.id, name: 'editor Tester' },
      });
      expect([...latest.changedFields].sort()).toEqual(['aiInvolvement', 'disclaimerMode']);
    });

    it('a label edit that changes nothing appends no event', async () => {
      const documentId = await sourcedArticle();
      const events = await newEvents(documentId, () => putTrust(documentId, { sources: [SOURCE] }));
      expect(events).toHaveLength(0);
    });

    it('adding a source to a verified article appends one edit and one stale event', async () => {
      const documentId = await sourcedArticle();
      await verify(documentId);
      const events = await newEvents(documentId, () =>
        putTrust(documentId, { sources: [SOURCE, { title: 'Second', url: 'https://example.org/2' }] })
      );
      expect(events.map((event) => event.action).sort()).toEqual(['edit', 'stale']);
      const stale = (await history(documentId)).find((event) => event.action === 'stale');
      expect(stale.changedFields).toEqual(['sources']);
    });

    it('reverting stale content appends exactly one restore event', async () => {
      const original = unique('Original');
      const documentId = await createArticle(t.strapi, { title: original, body: 'Body' });
      await putTrust(documentId, { sources: [SOURCE] });
      await verify(documentId);
      await cmEdit(documentId, { title: unique('Temporary') });
      const events = await newEvents(documentId, () => cmEdit(documentId, { title: original }));
      expect(events).toHaveLength(1);
      expect(events[0].action).toBe('restore');
      expect((await history(documentId))[0]).toMatchObject({ action: 'restore', changedFields: [] });
    });

    it('events of one locale do not show in the history of another', async () => {
      const documentId = await sourcedArticle();
      await t.strapi
        .documents(ARTICLE_UID)
        .update({ documentId, locale: 'fr', data: { title: unique('Français') } as any });
      await putTrust(documentId, { sources: [SOURCE] }, admin, 'fr');
      await verify(documentId, 'fr note', editor, 'fr');
      expect((await history(documentId, 'en')).some((event) => event.note === 'fr note')).toBe(false);
      const fr = await history(documentId, 'fr');
      expect(fr[0]).toMatchObject({ action: 'verify', locale: 'fr', note: 'fr note' });
      expect(fr.every((event) => event.locale === 'fr')).toBe(true);
    });
  });

  // ---- history ---------------------------------------------------------------------------------

  describe('history', () => {
    it('lists the events newest first, with notes, actors without e-mail addresses', async () => {
      const documentId = await sourcedArticle({ publish: true });
      await verify(documentId, 'first verification');
      await cmEdit(documentId, { title: unique('Makes it stale') });
      await unverify(documentId, 'withdrawn');
      await verify(documentId, 'second verification', admin);

      const res = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token });
      expect(res.status).toBe(200);
      const events = res.body.data as any[];
      // the first event is the label edit that added the source in sourcedArticle()
      expect(events.map((event) => event.action)).toEqual(['verify', 'unverify', 'stale', 'verify', 'edit']);
      expect(events.map((event) => event.note)).toEqual([
        'second verification',
        'withdrawn',
        null,
        'first verification',
        null,
      ]);
      for (let i = 1; i < events.length; i++) {
        expect(new Date(events[i - 1].at).getTime()).toBeGreaterThanOrEqual(new Date(events[i].at).getTime());
      }
      for (const event of events) {
        expect(event.uid).toBe(ARTICLE_UID);
        expect(event.documentId).toBe(documentId);
        expect(event.actor).toEqual({ id: expect.any(Number), name: expect.any(String), type: expect.any(String) });
        expect(event.actor.name.length).toBeGreaterThan(0);
      }
      expect(events[0].actor).toMatchObject({ id: admin.id, name: 'root Tester' });
      // no e-mail anywhere, neither of the verifiers nor of the editor
      expect(res.text).not.toContain(admin.email);
      expect(res.text).not.toContain(editor.email);
      expect(res.text).not.toContain('@');
      expect(res.text).not.toMatch(/e-?mail/i);
    });

    it('is paged (page, pageSize up to 200, meta.pagination), so that no event is out of reach', async () => {
      const documentId = await sourcedArticle();
      await verify(documentId, 'the verification');
      for (const aiInvolvement of ['assisted', 'none', 'generated', 'none', 'assisted'])
        await putTrust(documentId, { aiInvolvement });
      const page = async (query: string) => {
        const res = await t.http.get(trustPath(documentId, `/history?locale=en${query}`), { token: editor.token });
        expect(res.status).toBe(200);
        return res.body as { data: any[]; meta: { pagination: any } };
      };
      const all = await page('');
      // The sources edit, the verify, five label edits, and the stale the first change of aiInvolvement caused.
      expect(all.data).toHaveLength(8);
      expect(all.meta.pagination).toEqual({ page: 1, pageSize: 200, pageCount: 1, total: 8 });
      const pages = [await page('&pageSize=3'), await page('&pageSize=3&page=2'), await page('&pageSize=3&page=3')];
      expect(pages.map((p) => p.meta.pagination)).toEqual(
        [1, 2, 3].map((n) => ({ page: n, pageSize: 3, pageCount: 3, total: 8 }))
      );
      expect(pages.flatMap((p) => p.data.map((event) => event.id))).toEqual(all.data.map((event) => event.id));
      expect(pages[2].data.map((event) => event.action)).toEqual(['verify', 'edit']);
      expect((await page('&pageSize=3&page=9')).data).toEqual([]);
      for (const bad of ['&page=0', '&pageSize=201', '&pageSize=x', '&page=1&page=2']) {
        const res = await t.http.get(trustPath(documentId, `/history?locale=en${bad}`), { token: editor.token });
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors[0].code).toEqual(expect.stringMatching(/^trust\./));
      }
    });

    it('a Author (read) may read the history', async () => {
      const author = await t.admin(
        [
          await t.role('Trust and articles readers', [
            'plugin::trust-labels.read',
            ...contentManagerOn(ARTICLE_UID, ['read']),
          ]),
        ],
        'reader'
      );
      const documentId = await sourcedArticle();
      const res = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: author.token });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
    });
  });

  // ---- append-only ------------------------------------------------------------------------------

  describe('the audit log is append-only', () => {
    let documentId: string;
    let event: any;

    beforeAll(async () => {
      documentId = await sourcedArticle();
      await verify(documentId, 'keep me');
      event = (await storedEvents(documentId)).find((row) => row.action === 'verify');
      expect(event).toBeDefined();
    });

    const expectUnchanged = async () => {
      const stored: any = await t.strapi.db.query(AUDIT_UID as any).findOne({ where: { id: event.id } });
      expect(stored).not.toBeNull();
      expect(stored.note).toBe('keep me');
      expect(stored.action).toBe('verify');
      expect(stored.hash).toBe(event.hash);
    };

    it('has no admin route to edit or delete events', async () => {
      const paths = [
        trustPath(documentId, '/history?locale=en'),
        trustPath(documentId, `/history/${event.id}?locale=en`),
        '/trust-labels/audit-events',
        `/trust-labels/audit-events/${event.id}`,
        `/trust-labels/audit-events/${event.documentId}`,
        '/trust-labels/audit-event',
        `/trust-labels/history/${event.id}`,
      ];
      for (const path of paths) {
        for (const method of ['PUT', 'DELETE', 'PATCH']) {
          const res = await t.http.request(method, path, {
            token: admin.token,
            body: method === 'DELETE' ? undefined : { note: 'tampered' },
          });
          expect([404, 405]).toContain(res.status);
        }
      }
      for (const path of [
        '/trust-labels/audit-events',
        '/trust-labels/audit-events/delete',
        '/trust-labels/history/clear',
      ]) {
        const res = await t.http.post(path, { note: 'tampered' }, { token: admin.token });
        expect([404, 405]).toContain(res.status);
      }
      await expectUnchanged();
    });

    it('has no content API route for events, whatever the token', async () => {
      const token = await t.apiToken('full-access');
      for (const path of [
        '/api/audit-events',
        `/api/audit-events/${event.documentId}`,
        '/api/trust-labels/audit-events',
        '/api/trust-labels/history',
      ]) {
        expect((await t.http.get(path)).status).toBe(404);
        expect((await t.http.get(path, { token })).status).toBe(404);
        expect([404, 405]).toContain((await t.http.request('DELETE', path, { token })).status);
        expect([404, 405]).toContain((await t.http.put(path, { data: { note: 'tampered' } }, { token })).status);
        expect([404, 405]).toContain(
          (await t.http.post(path, { data: { note: 'forged', action: 'verify' } }, { token })).status
        );
      }
      await expectUnchanged();
    });

    it('the Content Manager cannot change or delete events either', async () => {
      const base = `/content-manager/collection-types/${AUDIT_UID}`;
      const update = await t.http.put(`${base}/${event.documentId}`, { note: 'tampered' }, { token: admin.token });
      expect(update.status).toBeGreaterThanOrEqual(400);
      expect(update.status).toBeLessThan(500);
      const remove = await t.http.delete(`${base}/${event.documentId}`, { token: admin.token });
      expect(remove.status).toBeGreaterThanOrEqual(400);
      expect(remove.status).toBeLessThan(500);
      const bulkDelete = await t.http.post(
        `${base}/actions/bulkDelete`,
        { documentIds: [event.documentId] },
        { token: admin.token }
      );
      expect(bulkDelete.status).toBeGreaterThanOrEqual(400);
      expect(bulkDelete.status).toBeLessThan(500);
      await expectUnchanged();
    });

    it('the document service refuses to update or delete events in code', async () => {
      const events = t.strapi.documents(AUDIT_UID as any);
      await expect(
        events.update({ documentId: event.documentId, data: { note: 'tampered' } as any })
      ).rejects.toThrow();
      await expect(events.delete({ documentId: event.documentId })).rejects.toThrow();
      await expectUnchanged();
      // creating is how the plugin appends: still possible, so the log keeps working
      expect((await storedEvents(documentId)).length).toBeGreaterThan(0);
    });
  });

  // ---- webhooks ---------------------------------------------------------------------------------

  describe('webhook events', () => {
    beforeAll(async () => {
      const store = t.strapi.get('webhookStore');
      const webhook = await store.createWebhook({
        name: 'trust labels test receiver',
        url: receiverUrl,
        headers: {},
        events: ['trust-labels.verified', 'trust-labels.stale', 'trust-labels.unverified'],
        isEnabled: true,
      });
      t.strapi.get('webhookRunner').add(webhook);
    });

    const waitFor = async (predicate: (entry: Received) => boolean, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `no matching webhook call within ${timeoutMs} ms; received: ${JSON.stringify(received.map((entry) => entry.body))}`
      );
    };

    it('registers the three events as webhook events', () => {
      const allowed = t.strapi.get('webhookStore').listAllowedEvents();
      expect(allowed).toEqual(
        expect.arrayContaining(['TRUST_LABELS_VERIFIED', 'TRUST_LABELS_UNVERIFIED', 'TRUST_LABELS_STALE'])
      );
      const store = t.strapi.get('webhookStore');
      expect(
        ['trust-labels.verified', 'trust-labels.unverified', 'trust-labels.stale'].every((event) =>
          allowed.some((key: string) => store.getAllowedEvent(key) === event)
        )
      ).toBe(true);
    });

    it('calls the webhook with trust-labels.verified, trust-labels.stale and trust-labels.unverified', async () => {
      const documentId = await sourcedArticle({ publish: true });
      const matches = (event: string, status: string) => (entry: Received) =>
        entry.url === '/hook' &&
        entry.body?.event === event &&
        entry.body?.documentId === documentId &&
        entry.body?.status === status;

      await verify(documentId);
      const verified = await waitFor(matches('trust-labels.verified', 'verified'));
      expect(verified.body).toMatchObject({
        event: 'trust-labels.verified',
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        status: 'verified',
      });
      expect(verified.headers['x-strapi-event']).toBe('trust-labels.verified');

      await cmEdit(documentId, { title: unique('Webhook stale') });
      const stale = await waitFor(matches('trust-labels.stale', 'stale'));
      expect(stale.body).toMatchObject({
        event: 'trust-labels.stale',
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        status: 'stale',
      });
      expect(stale.headers['x-strapi-event']).toBe('trust-labels.stale');

      await unverify(documentId);
      const unverified = await waitFor(matches('trust-labels.unverified', 'unverified'));
      expect(unverified.body).toMatchObject({
        event: 'trust-labels.unverified',
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        status: 'unverified',
      });
      expect(unverified.headers['x-strapi-event']).toBe('trust-labels.unverified');

      // exactly one call per transition
      await new Promise((resolve) => setTimeout(resolve, 300));
      const forDoc = received
        .filter((entry) => entry.url === '/hook' && entry.body?.documentId === documentId)
        .map((entry) => entry.body.event);
      expect(forDoc.sort()).toEqual(['trust-labels.stale', 'trust-labels.unverified', 'trust-labels.verified']);
      // payloads carry no internal data
      for (const entry of received) expect(JSON.stringify(entry.body)).not.toContain('@trust-labels.test');
    });

    it('an unverify that changes no status (nothing was verified) calls no webhook, and is still in the history', async () => {
      const documentId = await sourcedArticle({ publish: true });
      await unverify(documentId, 'nothing to withdraw');
      await unverify(documentId);
      // A real change after it is delivered: everything before it has been sent by then.
      await verify(documentId);
      await waitFor((entry) => entry.body?.documentId === documentId && entry.body?.event === 'trust-labels.verified');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const forDoc = received
        .filter((entry) => entry.url === '/hook' && entry.body?.documentId === documentId)
        .map((entry) => entry.body.event);
      expect(forDoc).toEqual(['trust-labels.verified']);
      expect((await history(documentId)).map((event) => event.action).slice(0, 3)).toEqual([
        'verify',
        'unverify',
        'unverify',
      ]);
    });

    it('Settings → Webhooks (the admin API) accepts the events and calls the hook', async () => {
      const created = await t.http.post(
        '/admin/webhooks',
        {
          name: 'site rebuild',
          url: receiverUrl.replace('/hook', '/admin-hook'),
          headers: {},
          events: ['trust-labels.verified', 'trust-labels.unverified', 'trust-labels.stale'],
        },
        { token: admin.token }
      );
      expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({
        status: 201,
        body: null,
      });
      // Strapi's create route takes no isEnabled; enable it the way the Settings page's toggle does
      const enabled = await t.http.put(
        `/admin/webhooks/${created.body.data.id}`,
        { ...created.body.data, isEnabled: true, id: undefined },
        { token: admin.token }
      );
      expect(enabled.status).toBe(200);
      const documentId = await sourcedArticle();
      await verify(documentId);
      const call = await waitFor((entry) => entry.url === '/admin-hook' && entry.body?.documentId === documentId);
      expect(call.body).toMatchObject({
        event: 'trust-labels.verified',
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        status: 'verified',
      });
    });

    it('emits the events on the event hub', async () => {
      const documentId = await sourcedArticle();
      const seen: Array<[string, any]> = [];
      const listeners = ['trust-labels.verified', 'trust-labels.stale', 'trust-labels.unverified'].map((name) => {
        const listener = (payload: any) => {
          if (payload?.documentId === documentId) seen.push([name, payload]);
        };
        t.strapi.eventHub.on(name, listener as any);
        return [name, listener] as const;
      });
      try {
        await verify(documentId);
        await t.strapi
          .documents(ARTICLE_UID)
          .update({ documentId, locale: 'en', data: { body: 'Changed in code' } as any });
        await unverify(documentId);
        expect(seen.map(([name]) => name)).toEqual([
          'trust-labels.verified',
          'trust-labels.stale',
          'trust-labels.unverified',
        ]);
        expect(seen[1][1]).toMatchObject({
          uid: ARTICLE_UID,
          documentId,
          locale: 'en',
          status: 'stale',
          changedFields: ['body'],
        });
      } finally {
        for (const [name, listener] of listeners) t.strapi.eventHub.off(name, listener as any);
      }
    });
  });

  // ---- report -----------------------------------------------------------------------------------

  describe('report', () => {
    let ids: { verified: string; stale: string; unverified: string; generated: string; fr: string };

    beforeAll(async () => {
      const verified = await sourcedArticle({ publish: true });
      await putTrust(verified, { aiInvolvement: 'none' });
      await cmPublish(verified);
      await verify(verified);

      const stale = await sourcedArticle();
      await verify(stale);
      await cmEdit(stale, { title: unique('Stale for the report') });

      const unverified = await createArticle(t.strapi, { title: unique('Unverified for the report') });
      const generated = await createArticle(t.strapi, { title: unique('Generated for the report') });
      await putTrust(generated, { aiInvolvement: 'generated' });

      const fr = await createArticle(t.strapi, { title: unique('Rapport') }, { locale: 'fr' });
      await putTrust(fr, { aiInvolvement: 'assisted', sources: [SOURCE] }, admin, 'fr');
      await verify(fr, undefined, editor, 'fr');

      ids = { verified, stale, unverified, generated, fr };
    });

    /** What the report should say, computed from the database: per locale, counts over the drafts. */
    const expectedFromDb = async () => {
      const rows: any[] = await t.strapi.db.query(ARTICLE_UID).findMany({ populate: ['trust'] });
      const byLocale: Record<
        string,
        { status: Record<string, number>; aiInvolvement: Record<string, number>; versions: number }
      > = {};
      for (const row of rows) {
        const group = (byLocale[row.locale] ??= {
          status: { unverified: 0, verified: 0, stale: 0 },
          aiInvolvement: { unknown: 0, none: 0, assisted: 0, generated: 0 },
          versions: 0,
        });
        group.versions += 1;
        if (!row.publishedAt) {
          group.status[row.trust?.status ?? 'unverified'] += 1;
          group.aiInvolvement[row.trust?.aiInvolvement ?? 'unknown'] += 1;
        }
      }
      return { rows, byLocale };
    };

    it('JSON: counts by status and by aiInvolvement per content type and locale, and each entry', async () => {
      const res = await t.http.get('/trust-labels/report?format=json', { token: editor.token });
      expect(res.status).toBe(200);
      const groups = res.body.data as any[];
      const { byLocale } = await expectedFromDb();

      expect(groups.map((group) => `${group.uid}|${group.locale}`).sort()).toEqual([
        'api::article.article|en',
        'api::article.article|fr',
      ]);
      for (const group of groups) {
        expect(group.counts.status).toEqual({
          unverified: byLocale[group.locale].status.unverified,
          verified: byLocale[group.locale].status.verified,
          stale: byLocale[group.locale].status.stale,
        });
        expect(group.counts.aiInvolvement).toEqual(byLocale[group.locale].aiInvolvement);
        expect(group.entries).toHaveLength(byLocale[group.locale].versions);
      }

      const en = groups.find((group) => group.locale === 'en');
      const fr = groups.find((group) => group.locale === 'fr');
      expect(en.counts.status.verified).toBeGreaterThanOrEqual(1);
      expect(en.counts.status.stale).toBeGreaterThanOrEqual(1);
      expect(en.counts.aiInvolvement.generated).toBeGreaterThanOrEqual(1);
      expect(fr.counts.status.verified).toBeGreaterThanOrEqual(1);
      expect(fr.counts.aiInvolvement.assisted).toBeGreaterThanOrEqual(1);

      const entry = (group: any, documentId: string, version: string) =>
        group.entries.find((candidate: any) => candidate.documentId === documentId && candidate.version === version);
      expect(entry(en, ids.verified, 'draft')).toMatchObject({ status: 'verified', aiInvolvement: 'none' });
      expect(entry(en, ids.verified, 'published')).toMatchObject({ status: 'verified', aiInvolvement: 'none' });
      expect(entry(en, ids.stale, 'draft')).toMatchObject({ status: 'stale' });
      expect(entry(en, ids.unverified, 'draft')).toMatchObject({ status: 'unverified', aiInvolvement: 'unknown' });
      expect(entry(en, ids.generated, 'draft')).toMatchObject({ status: 'unverified', aiInvolvement: 'generated' });
      expect(entry(fr, ids.fr, 'draft')).toMatchObject({ status: 'verified', aiInvolvement: 'assisted' });
      expect(entry(en, ids.fr, 'draft')).toBeUndefined();
      expect(res.text).not.toContain('@trust-labels.test');
      expect(res.text).not.toContain('verifiedHash');
    });

    it('the default format is JSON, an unknown format is a 400', async () => {
      const res = await t.http.get('/trust-labels/report', { token: editor.token });
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.data)).toBe(true);
      const bad = await t.http.get('/trust-labels/report?format=xml', { token: editor.token });
      expect(bad.status).toBe(400);
      expect(bad.body.error.name).toBe('ValidationError');
      expect(bad.body.error.details.errors[0].path).toEqual(['format']);
    });

    it('needs the read permission', async () => {
      const noAccess = await t.admin([await t.role('Nothing', [])], 'nothing');
      expect((await t.http.get('/trust-labels/report', { token: noAccess.token })).status).toBe(403);
      expect((await t.http.get('/trust-labels/report')).status).toBe(401);
    });

    /** Parses the report's CSV (every cell quoted). */
    const parseCsv = (text: string) =>
      text
        .split(/\r?\n/)
        .filter((line) => line.length > 0)
        .map((line) => {
          const cells: string[] = [];
          const re = /"((?:[^"]|"")*)"(,|$)/g;
          let match: RegExpExecArray | null;
          while ((match = re.exec(line)) && match[0].length > 0) {
            cells.push(match[1].replace(/""/g, '"'));
            if (match[2] === '') break;
          }
          return cells;
        });

    it('CSV: a header row and one row per version, formula injection defused', async () => {
      // A row whose documentId starts with formula characters, written straight to the database: the only
      // free-text cells of the CSV come from stored data, so that is where a formula could hide.
      const hostile = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)'];
      for (const documentId of hostile) {
        await t.strapi.db
          .query(ARTICLE_UID)
          .create({ data: { documentId, title: 'Hostile', locale: 'en', publishedAt: null } });
      }

      const res = await t.http.get('/trust-labels/report?format=csv', { token: editor.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const rows = parseCsv(res.text);
      const [header, ...body] = rows;
      expect(header).toEqual(expect.arrayContaining(['uid', 'locale', 'documentId', 'status', 'aiInvolvement']));
      const { rows: dbRows } = await expectedFromDb();
      expect(body).toHaveLength(dbRows.length);
      for (const row of body) expect(row).toHaveLength(header.length);

      const col = (name: string) => header.indexOf(name);
      const cellsFor = (documentId: string) => body.filter((row) => row[col('documentId')] === documentId);
      expect(
        cellsFor(ids.verified)
          .map((row) => row[col('status')])
          .sort()
      ).toEqual(['verified', 'verified']);
      expect(cellsFor(ids.stale).map((row) => row[col('status')])).toEqual(['stale']);
      expect(cellsFor(ids.fr)[0][col('locale')]).toBe('fr');

      // no cell starts with a formula character once unquoted
      for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      for (const documentId of hostile) {
        const defused = body.find((row) => row[col('documentId')].includes(documentId));
        expect(defused).toBeDefined();
        expect(defused![col('documentId')]).not.toBe(documentId);
        expect(defused![col('documentId')].endsWith(documentId)).toBe(true);
      }
    });
  });
});
