import fs from 'fs';
import path from 'path';

import { structuredDataTest } from 'structured-data-testing-tool';
import { Google } from 'structured-data-testing-tool/presets';
import ts from 'typescript';

import { ARTICLE_UID, bootTestApp, createArticle, trustPath, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';

/**
 * docs/front-end.md "JSON-LD" → "What your page adds before embedding it": the JSON-LD route's real response, merged with the
 * README's own code (`withSiteFields`, `exampleSite`), passes structured-data-testing-tool's Google preset (from
 * tests/node_modules) with no failure and no warning; the response alone fails on exactly the fields the README
 * says the site adds. The README's two JSON examples are the route's shape and that merge of it.
 */

// The front-end developers' page, where the JSON-LD section lives.
const README = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'front-end.md'), 'utf8');
const SITE = { name: 'Bytevyte', url: 'https://bytevyte.example' };
const SOURCE = {
  title: 'Anthropic expands partnership with Google and Broadcom',
  url: 'https://www.anthropic.com/news/google-broadcom-partnership-compute',
  publisher: 'Anthropic',
  accessedAt: '2026-04-06',
};

/** The fenced block of `lang` that follows the README's `<!-- marker…` comment. */
const readmeBlock = (marker: string, lang: 'ts' | 'json'): string => {
  const at = README.indexOf(`<!-- ${marker}`);
  if (at < 0) throw new Error(`README has no <!-- ${marker} --> block`);
  const match = README.slice(at).match(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```'));
  if (!match) throw new Error(`no \`\`\`${lang} block after <!-- ${marker} -->`);
  return match[1];
};

/** The README's TypeScript merge, compiled and run as a module. */
const readmeMerge = (): {
  withSiteFields: (jsonLd: Record<string, any>, site: unknown) => Record<string, any>;
  exampleSite: unknown;
} => {
  const { outputText } = ts.transpileModule(readmeBlock('json-ld-merge', 'ts'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true },
  });
  const module = { exports: {} as any };
  new Function('module', 'exports', outputText)(module, module.exports);
  return module.exports;
};

interface Outcome {
  passed: string[];
  failed: string[];
  warnings: string[];
  schemas: string[];
}

/** The Google preset on a JSON-LD document: names of the checks that passed, failed and warned. */
const googlePreset = async (doc: unknown): Promise<Outcome> => {
  const summary = (res: any): Outcome => ({
    passed: res.passed.map((test: any) => test.description ?? test.test),
    failed: res.failed.map((test: any) => test.test),
    warnings: res.warnings.map((test: any) => test.test),
    schemas: res.schemas,
  });
  try {
    return summary(await structuredDataTest(JSON.stringify(doc), { presets: [Google] }));
  } catch (error: any) {
    if (error?.type === 'VALIDATION_FAILED') return summary(error.res);
    throw error;
  }
};

/** What a check on `Article[0].publisher.logo.url` is about: `publisher.logo.url`. */
const field = (test: string) => test.replace(/^Article\[0\]\.?/, '').replace(/"/g, '');

describe('JSON-LD merged as the README shows passes the Google preset of structured-data-testing-tool', () => {
  let t: TestContext;
  let admin: AdminSession;
  const { publish } = contentManager(() => ({ http: t.http, token: admin.token }));
  const { withSiteFields, exampleSite } = readmeMerge();

  const jsonLdOf = async (documentId: string) => {
    const res = await t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } });
    expect(res.status).toBe(200);
    return JSON.parse(res.text);
  };

  /** An article published with these labels, verified first when asked. */
  const article = async (labels: Record<string, unknown>, verified: boolean) => {
    const documentId = await createArticle(t.strapi, { title: SOURCE.title, body: 'Body' }, { locale: 'en' });
    expect((await t.http.put(trustPath(documentId, '?locale=en'), labels, { token: admin.token })).status).toBe(200);
    if (verified)
      expect(
        (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
          .status
      ).toBe(200);
    await publish(documentId, 'en');
    return documentId;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin');
    await t.grantPublic(['api::article.article.find']);
    const settings = await t.http.put(
      '/trust-labels/settings',
      {
        siteName: SITE.name,
        publishingPrinciplesUrl: `${SITE.url}/principles`,
        editorialResponsibility: { type: 'Organization', name: SITE.name, url: SITE.url },
      },
      { token: admin.token }
    );
    expect(settings.status).toBe(200);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('the response alone fails only on what the README says the site adds', async () => {
    const doc = await jsonLdOf(await article({ aiInvolvement: 'assisted', sources: [SOURCE] }, true));
    const outcome = await googlePreset(doc);
    expect(outcome.schemas).toEqual(['Article']);
    expect(outcome.failed.map(field).sort()).toEqual(['author', 'image', 'publisher.logo', 'publisher.logo.url']);
    // The plugin's part passes: dates, headline, publisher, and (verified) the WebPage.
    expect(outcome.warnings).toEqual([]);
    expect(doc.datePublished).toEqual(expect.any(String));
    expect(doc.dateModified).toEqual(expect.any(String));
  });

  it.each([
    [
      'verified, the publisher from the editorialResponsibility setting',
      { aiInvolvement: 'assisted', sources: [SOURCE] },
      true,
    ],
    [
      'not verified (no WebPage from the plugin), AI-generated',
      { aiInvolvement: 'generated', sources: [SOURCE] },
      false,
    ],
    [
      'written by people, a Person responsible (the plugin names an editor, no publisher)',
      { aiInvolvement: 'none', sources: [SOURCE], editorialResponsibility: { type: 'Person', name: 'Eddie Editor' } },
      true,
    ],
  ])('merged with the README code: no failure, no warning (%s)', async (_name, labels, verified) => {
    const doc = await jsonLdOf(await article(labels, verified as boolean));
    // What the plugin leaves to the merge in each case.
    expect('publisher' in doc).toBe(!('editorialResponsibility' in labels));
    expect('editor' in doc).toBe('editorialResponsibility' in labels);
    expect('mainEntityOfPage' in doc).toBe(verified);
    const merged = withSiteFields(doc, exampleSite);
    const outcome = await googlePreset(merged);
    expect(outcome.failed).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.passed.length).toBeGreaterThanOrEqual(12);
    // The merge adds; it never drops or changes what the plugin said.
    for (const [key, value] of Object.entries(doc)) {
      if (key === 'publisher' || key === 'mainEntityOfPage') expect(merged[key]).toMatchObject(value as object);
      else expect(merged[key]).toEqual(value);
    }
  });

  it("the README's JSON examples are the route's shape and the README merge of it", async () => {
    const response = JSON.parse(readmeBlock('json-ld-response', 'json'));
    const merged = JSON.parse(readmeBlock('json-ld-merged', 'json'));
    const real = await jsonLdOf(await article({ aiInvolvement: 'assisted', sources: [SOURCE] }, true));
    expect(Object.keys(response).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(response.mainEntityOfPage).sort()).toEqual(Object.keys(real.mainEntityOfPage).sort());
    expect(response.digitalSourceType).toEqual(real.digitalSourceType);
    expect(withSiteFields(response, exampleSite)).toEqual(merged);
    const outcome = await googlePreset(merged);
    expect(outcome.failed).toEqual([]);
    expect(outcome.warnings).toEqual([]);
  });
});
