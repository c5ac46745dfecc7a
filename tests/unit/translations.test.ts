import fs from 'fs';
import path from 'path';

const dir = path.join(__dirname, '..', '..', 'admin', 'src');
const read = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'translations', `${locale}.json`), 'utf8')) as Record<string, string>;

const sourceFiles = (folder: string): string[] =>
  fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });

describe('admin translations', () => {
  const en = read('en');
  const fr = read('fr');

  it('has the same keys in English and French, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries({ ...en, ...fr })) expect(`${key}: ${value.trim()}`).not.toMatch(/: $/);
  });

  it('has every literal key the admin code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/getTranslation\('([^']+)'\)/g)) used.add(match[1]);
    }
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect([key, placeholders(fr[key])]).toEqual([key, placeholders(en[key])]);
  });
});
