// The admin panel's messages in every language it ships (English, French), checked without a browser: every problem
// code the server may answer (shared/schemas.ts ERROR_CODES) and every HTTP status the admin translates has a text in
// both, both files have the same keys with the same placeholders, and every key the admin's code names exists.
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { describe, it } = require('node:test');

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const en = JSON.parse(read('admin/src/translations/en.json'));
const fr = JSON.parse(read('admin/src/translations/fr.json'));

/** The values of ERROR_CODES, read from its source (the admin's messages are keyed by them). */
const errorCodes = () => {
  const source = read('shared/schemas.ts');
  const block = source.slice(
    source.indexOf('export const ERROR_CODES = {'),
    source.indexOf('} as const;', source.indexOf('export const ERROR_CODES = {'))
  );
  return [...block.matchAll(/:\s*'(trust\.[^']+)'/g)].map((match) => match[1]);
};

/** The HTTP statuses the admin translates (admin/src/utils/errors.ts STATUS_MESSAGES). */
const translatedStatuses = () => {
  const source = read('admin/src/utils/errors.ts');
  const block = source.slice(
    source.indexOf('export const STATUS_MESSAGES'),
    source.indexOf('};', source.indexOf('export const STATUS_MESSAGES'))
  );
  return [...block.matchAll(/^\s*(\d{3}):/gm)].map((match) => match[1]);
};

/** The variables of an ICU message ("{count, plural, …}", "{name}"), not the words of its plural branches. */
const variables = (message) =>
  [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();

const adminSources = () => {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(ROOT, 'admin', 'src'));
  return files;
};

describe('admin translations', () => {
  it('has an English and a French text for every problem code and translated HTTP status', () => {
    const codes = errorCodes();
    assert.ok(codes.length >= 30, `found only ${codes.length} codes in ERROR_CODES`);
    const keys = [
      ...codes.map((code) => `errors.${code}`),
      ...translatedStatuses().map((status) => `errors.http.${status}`),
    ];
    for (const key of keys) {
      assert.ok(typeof en[key] === 'string' && en[key].trim() !== '', `en.json has no ${key}`);
      assert.ok(typeof fr[key] === 'string' && fr[key].trim() !== '', `fr.json has no ${key}`);
    }
  });

  it('has the same keys in English and French, with the same placeholders', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en))
      assert.deepEqual(variables(fr[key]), variables(en[key]), `placeholders of ${key}`);
  });

  it('has every message the admin names, with the same English text as its default', () => {
    const missing = [];
    const different = [];
    for (const file of adminSources()) {
      const source = fs.readFileSync(file, 'utf8');
      // t('key', 'Default text' …): keys written out (template keys such as `ai.${value}` are checked through their values).
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)',\s*'((?:[^'\\]|\\.)*)'/g)) {
        const [, key, text] = match;
        if (!(key in en)) missing.push(`${path.relative(ROOT, file)}: ${key}`);
        else if (en[key] !== text.replace(/\\'/g, "'")) different.push(`${key}: code "${text}" ≠ en.json "${en[key]}"`);
      }
    }
    assert.deepEqual(missing, [], 'keys missing from en.json');
    assert.deepEqual(different, [], 'defaults that differ from en.json');
  });
});
