import { hashOfVersion, loadVersions, type Version } from '../../server/src/database/versions';
import fc from 'fast-check';

import { ARTICLE_UID, bootTestApp, createArticle, trustPath, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * docs/editors.md#human-verification-that-never-lies as properties: after any sequence of edits (Content Manager, code,
 * trust labels), verifications, withdrawals, publishes and discards, every version's status is `verified` if and only
 * if its current content hash equals the hash recorded at its last verification; `unverified` has no recorded hash;
 * `stale` has one that differs. A model of what the last verification of each version was (verify records the draft's
 * hash, and the published one's when equal; publish and discard copy a version's verification with its content;
 * unverify clears both) pins the recorded hashes down too.
 */

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const S1 = { title: 'Source one', url: 'https://example.com/one' };
const S2 = { title: 'Source two', url: 'https://example.com/two' };
const S3 = { title: 'Source three', url: 'https://example.org/three', publisher: 'Three' };
// Small value sets, so that sequences often return to content that was verified before.
const TITLES = ['Alpha', 'Beta', 'Gamma'];
const BODIES = ['one', 'two'];
const SOURCE_LISTS = [[S1], [S1, S2], [S2, S1], [S1, S2, S3]];
const AI = ['unknown', 'none', 'assisted', 'generated'];

type Command =
  | { kind: 'editTitle'; title: string }
  | { kind: 'editBody'; body: string }
  | { kind: 'setSources'; sources: number }
  | { kind: 'aiInvolvement'; value: string }
  | { kind: 'verify' }
  | { kind: 'unverify' }
  | { kind: 'publish' }
  | { kind: 'discard' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('editTitle' as const), title: fc.constantFrom(...TITLES) }),
  fc.record({ kind: fc.constant('editBody' as const), body: fc.constantFrom(...BODIES) }),
  fc.record({
    kind: fc.constant('setSources' as const),
    sources: fc.integer({ min: 0, max: SOURCE_LISTS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('aiInvolvement' as const), value: fc.constantFrom(...AI) }),
  fc.constant({ kind: 'verify' as const }),
  fc.constant({ kind: 'unverify' as const }),
  fc.constant({ kind: 'publish' as const }),
  fc.constant({ kind: 'discard' as const })
);

interface VersionCheck {
  version: 'draft' | 'published';
  status: string;
  hash: string;
  verifiedHash: string | null;
  /** The declared AI involvement is the one the verification recorded. */
  involvementReviewed: boolean;
  aiInvolvement: string;
}

describe('property: the status is verified iff the content hash equals the verified hash (and the AI involvement the reviewed one)', () => {
  let t: TestContext;
  let admin: AdminSession;
  let editor: AdminSession;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'root');
    editor = await t.admin('editor', 'editor');
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** Current hash, recorded hash and status of the draft and the published version of `en`, from the database. */
  const versions = async (documentId: string): Promise<{ draft: VersionCheck; published: VersionCheck | null }> => {
    const rows = await loadVersions(t.strapi, ARTICLE_UID, documentId, { locale: 'en', withContent: true });
    const check = (row: Version, version: 'draft' | 'published'): VersionCheck => ({
      version,
      status: row.trust.status,
      hash: hashOfVersion(t.strapi, ARTICLE_UID, row).hash,
      verifiedHash: row.trust.verifiedHash,
      // A verification covers the declared AI involvement too (one recorded before 0.3 covers the current one).
      involvementReviewed: row.trust.aiInvolvement === (row.trust.verifiedAiInvolvement ?? row.trust.aiInvolvement),
      aiInvolvement: row.trust.aiInvolvement,
    });
    const draft = rows.find((row) => !row.published);
    const published = rows.find((row) => row.published);
    expect(draft).toBeDefined();
    expect(rows.length).toBeLessThanOrEqual(2);
    return { draft: check(draft!, 'draft'), published: published ? check(published, 'published') : null };
  };

  const expectInvariant = (v: VersionCheck, context: string) => {
    const label = `${context}: ${v.version} is ${v.status}, hash ${v.hash.slice(0, 8)}, verified hash ${v.verifiedHash?.slice(0, 8) ?? null}, involvement reviewed ${v.involvementReviewed}`;
    expect({ label, verified: v.status === 'verified' }).toEqual({
      label,
      verified: v.verifiedHash !== null && v.hash === v.verifiedHash && v.involvementReviewed,
    });
    expect({ label, status: ['verified', 'stale', 'unverified'].includes(v.status) }).toEqual({ label, status: true });
    if (v.status === 'unverified')
      expect({ label, verifiedHash: v.verifiedHash }).toEqual({ label, verifiedHash: null });
    if (v.status === 'stale') {
      expect({
        label,
        recorded: v.verifiedHash !== null,
        differs: v.hash !== v.verifiedHash || !v.involvementReviewed,
      }).toEqual({ label, recorded: true, differs: true });
    }
  };

  /** The admin API must say what the database says. */
  const expectApiAgrees = async (
    documentId: string,
    db: { draft: VersionCheck; published: VersionCheck | null },
    context: string
  ) => {
    const res = await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token });
    expect(res.status).toBe(200);
    expect({ context, draft: res.body.data.draft.status, published: res.body.data.published?.status ?? null }).toEqual({
      context,
      draft: db.draft.status,
      published: db.published?.status ?? null,
    });
  };

  const run = async (documentId: string, command: Command) => {
    switch (command.kind) {
      case 'editTitle':
        return t.http.put(`${CM}/${documentId}?locale=en`, { title: command.title }, { token: admin.token });
      case 'editBody':
        await t.strapi.documents(ARTICLE_UID).update({ documentId, locale: 'en', data: { body: command.body } as any });
        return { status: 200 };
      case 'setSources':
        return t.http.put(
          trustPath(documentId, '?locale=en'),
          { sources: SOURCE_LISTS[command.sources] },
          { token: admin.token }
        );
      case 'aiInvolvement':
        return t.http.put(
          trustPath(documentId, '?locale=en'),
          { aiInvolvement: command.value },
          { token: admin.token }
        );
      case 'verify':
        return t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: editor.token });
      case 'unverify':
        return t.http.post(trustPath(documentId, '/unverify?locale=en'), {}, { token: editor.token });
      case 'publish':
        return t.http.post(`${CM}/${documentId}/actions/publish?locale=en`, {}, { token: admin.token });
      case 'discard':
        return t.http.post(`${CM}/${documentId}/actions/discard?locale=en`, {}, { token: admin.token });
    }
  };

  it('holds after every step of random command sequences', async () => {
    let runNumber = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 15 }), async (commands) => {
        runNumber += 1;
        const documentId = await createArticle(t.strapi, { title: TITLES[0], body: BODIES[0] });
        const setup = await t.http.put(
          trustPath(documentId, '?locale=en'),
          { sources: SOURCE_LISTS[0] },
          { token: admin.token }
        );
        expect(setup.status).toBe(200);

        // model: the hash recorded by each version's last verification (null: none)
        const model: { draft: string | null; published: string | null; hasPublished: boolean } = {
          draft: null,
          published: null,
          hasPublished: false,
        };
        let state = await versions(documentId);
        expectInvariant(state.draft, `run ${runNumber} setup`);

        for (const [index, command] of commands.entries()) {
          const context = `run ${runNumber} step ${index + 1} ${JSON.stringify(command)} of ${JSON.stringify(commands)}`;
          const before = state;
          const res: any = await run(documentId, command);

          if (command.kind === 'discard' && !model.hasPublished) {
            // nothing to discard to: any 4xx, never a 5xx, and nothing changes
            expect({ context, status: res.status >= 400 && res.status < 500 }).toEqual({ context, status: true });
          } else {
            expect({ context, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
              context,
              status: 200,
              body: null,
            });
          }

          state = await versions(documentId);
          switch (command.kind) {
            case 'verify':
              model.draft = before.draft.hash;
              // The published version shares the verification when its content and its declared AI involvement are
              // the draft's.
              if (
                before.published &&
                before.published.hash === before.draft.hash &&
                before.published.aiInvolvement === before.draft.aiInvolvement
              ) {
                model.published = before.draft.hash;
              }
              expect({ context, draft: state.draft.status }).toEqual({ context, draft: 'verified' });
              break;
            case 'unverify':
              model.draft = null;
              model.published = null;
              break;
            case 'publish':
              model.published = model.draft;
              model.hasPublished = true;
              // the published version now has the draft's content
              expect({ context, hash: state.published?.hash }).toEqual({ context, hash: state.draft.hash });
              break;
            case 'discard':
              if (model.hasPublished) {
                model.draft = model.published;
                expect({ context, hash: state.draft.hash }).toEqual({ context, hash: state.published?.hash });
              }
              break;
            default:
              // edits touch the draft only
              if (before.published)
                expect({ context, hash: state.published?.hash }).toEqual({ context, hash: before.published.hash });
          }

          expect({ context, hasPublished: state.published !== null }).toEqual({
            context,
            hasPublished: model.hasPublished,
          });
          expectInvariant(state.draft, context);
          expect({ context, recorded: state.draft.verifiedHash }).toEqual({ context, recorded: model.draft });
          if (state.published) {
            expectInvariant(state.published, context);
            expect({ context, recorded: state.published.verifiedHash }).toEqual({ context, recorded: model.published });
          }
          await expectApiAgrees(documentId, state, context);
        }
      }),
      {
        numRuns: 15,
        // Hand-written sequences through the interesting transitions, run before the random ones.
        examples: [
          [
            [
              { kind: 'verify' },
              { kind: 'editTitle', title: 'Beta' },
              { kind: 'publish' },
              { kind: 'editTitle', title: 'Alpha' },
              { kind: 'publish' },
            ],
          ],
          [
            [
              { kind: 'publish' },
              { kind: 'verify' },
              { kind: 'editBody', body: 'two' },
              { kind: 'discard' },
              { kind: 'setSources', sources: 1 },
              { kind: 'setSources', sources: 0 },
            ],
          ],
          [
            [
              { kind: 'verify' },
              { kind: 'aiInvolvement', value: 'generated' },
              { kind: 'publish' },
              { kind: 'setSources', sources: 2 },
              { kind: 'unverify' },
              { kind: 'discard' },
            ],
          ],
          [
            [
              { kind: 'discard' },
              { kind: 'verify' },
              { kind: 'publish' },
              { kind: 'editTitle', title: 'Gamma' },
              { kind: 'verify' },
              { kind: 'discard' },
              { kind: 'editTitle', title: 'Gamma' },
            ],
          ],
        ],
      }
    );
  });

  it('holds after 50 concurrent verifications, Content Manager edits and label edits on one article', async () => {
    const documentId = await createArticle(t.strapi, { title: TITLES[0], body: BODIES[0] }, { publish: true });
    expect(
      (await t.http.put(trustPath(documentId, '?locale=en'), { sources: SOURCE_LISTS[0] }, { token: admin.token }))
        .status
    ).toBe(200);
    expect(
      (await t.http.post(`${CM}/${documentId}/actions/publish?locale=en`, {}, { token: admin.token })).status
    ).toBe(200);
    const eventsBefore = await t.strapi.db
      .query('plugin::trust-labels.audit-event' as any)
      .count({ where: { entryDocumentId: documentId } });

    const kinds: string[] = [];
    const requests = Array.from({ length: 50 }, (_, i) => {
      switch (i % 5) {
        case 0:
        case 3:
          kinds.push('verify');
          return t.http.post(
            trustPath(documentId, '/verify?locale=en'),
            { note: `concurrent ${i}`, checks: ALL_CHECKS },
            { token: editor.token }
          );
        case 1:
          kinds.push('cm');
          return t.http.put(
            `${CM}/${documentId}?locale=en`,
            { title: TITLES[i % TITLES.length] },
            { token: admin.token }
          );
        case 2:
          kinds.push('sources');
          return t.http.put(
            trustPath(documentId, '?locale=en'),
            { sources: SOURCE_LISTS[i % SOURCE_LISTS.length] },
            { token: admin.token }
          );
        default:
          kinds.push('ai');
          return t.http.put(
            trustPath(documentId, '?locale=en'),
            { aiInvolvement: AI[i % AI.length] },
            { token: admin.token }
          );
      }
    });
    const responses = await Promise.all(requests);

    const failures = responses
      .map((res, i) => ({ i, kind: kinds[i], status: res.status, body: res.status >= 500 ? res.text : undefined }))
      .filter((entry) => entry.status >= 500);
    expect(failures).toEqual([]);
    // every request was valid, so every one should have succeeded
    expect(responses.map((res, i) => `${kinds[i]}:${res.status}`).filter((entry) => !entry.endsWith(':200'))).toEqual(
      []
    );

    const state = await versions(documentId);
    expectInvariant(state.draft, 'after the concurrent batch');
    expect(state.published).not.toBeNull();
    expectInvariant(state.published!, 'after the concurrent batch');
    await expectApiAgrees(documentId, state, 'after the concurrent batch');

    // one verify event per successful verification, none lost or doubled under concurrency
    const verifies = await t.strapi.db
      .query('plugin::trust-labels.audit-event' as any)
      .count({ where: { entryDocumentId: documentId, action: 'verify' } });
    expect(verifies).toBe(kinds.filter((kind) => kind === 'verify').length);
    expect(
      await t.strapi.db
        .query('plugin::trust-labels.audit-event' as any)
        .count({ where: { entryDocumentId: documentId } })
    ).toBeGreaterThan(eventsBefore);

    // and a verification after the dust settled verifies the current content
    const last = await t.http.post(
      trustPath(documentId, '/verify?locale=en'),
      { checks: ALL_CHECKS },
      { token: editor.token }
    );
    expect(last.status).toBe(200);
    const settled = await versions(documentId);
    expect(settled.draft).toMatchObject({ status: 'verified', verifiedHash: settled.draft.hash });
    expectInvariant(settled.published!, 'after the final verification');
  });
});
