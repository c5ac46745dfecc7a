import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The documentation stays true to the repository: every relative link and #anchor of README.md and docs/*.md
 * resolves (the file exists; the anchor is a heading of that file, slugged as GitHub slugs it, or an explicit
 * `<a id>`), and every repository path ARCHITECTURE.md names exists. Pure Node fs: no network, no Strapi.
 */
const ROOT = resolve(__dirname, '../..');

/** The lines of a Markdown file outside fenced code blocks (links and headings there are not links or headings). */
const proseLines = (text: string): { line: string; number: number }[] => {
  const out: { line: string; number: number }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((line, index) => {
    const marker = /^\s*(```+|~~~+)/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = null;
      return;
    }
    if (fence === null) out.push({ line, number: index + 1 });
  });
  return out;
};

/** Inline code spans removed, so that `[x](y)` written as code is not taken for a link. */
const withoutCode = (line: string) => line.replace(/(`+)[^`]*?\1/g, '');

/** GitHub's heading anchor: the rendered text, lowercased, punctuation removed, spaces → hyphens. */
export const githubSlug = (heading: string): string =>
  heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*]/g, '') // code and emphasis marks
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

/** Every anchor a Markdown file defines: its headings (duplicates get -1, -2, … as on GitHub) and `<a id>`/`<a name>`. */
const anchorsOf = (file: string): Set<string> => {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { line } of proseLines(readFileSync(file, 'utf8'))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = githubSlug(heading[1]);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  }
  return anchors;
};

interface Link {
  file: string;
  line: number;
  target: string;
}

/** Inline links and images of a Markdown file (`[text](target)`, `![alt](target "title")`) and HTML href/src. */
const linksOf = (file: string): Link[] => {
  const links: Link[] = [];
  for (const { line, number } of proseLines(readFileSync(file, 'utf8'))) {
    const prose = withoutCode(line);
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ file, line: number, target: match[1] });
    for (const match of prose.matchAll(/\b(?:href|src)="([^"]+)"/g))
      links.push({ file, line: number, target: match[1] });
  }
  return links;
};

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** What is wrong with one link, or null. */
const problemOf = ({ file, target }: Link): string | null => {
  if (isExternal(target)) return null;
  const [pathPart, anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart);
  const destination = path === '' ? file : resolve(dirname(file), path);
  if (!destination.startsWith(ROOT)) return `points outside the repository (${relative(ROOT, destination)})`;
  if (!existsSync(destination)) return `no such file: ${relative(ROOT, destination)}`;
  if (anchor === undefined || anchor === '') return null;
  if (!destination.endsWith('.md')) return `an anchor into a file that is not Markdown: ${relative(ROOT, destination)}`;
  return anchorsOf(destination).has(anchor)
    ? null
    : `no heading or <a id> "${anchor}" in ${relative(ROOT, destination)}`;
};

const DOCS = join(ROOT, 'docs');
const markdownFiles = [
  join(ROOT, 'README.md'),
  ...(existsSync(DOCS)
    ? readdirSync(DOCS)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(DOCS, name))
    : []),
];

describe('GitHub heading slugs', () => {
  it.each([
    ['Quick start', 'quick-start'],
    ['`npm run bench`', 'npm-run-bench'],
    ['Several Strapi processes, crashes and database faults', 'several-strapi-processes-crashes-and-database-faults'],
    ['MCP tools (AI agents)', 'mcp-tools-ai-agents'],
    ['Settings → Trust Labels', 'settings--trust-labels'],
    ['Where each rule lives: `domain/status.ts`', 'where-each-rule-lives-domainstatusts'],
    ['Show it to readers', 'show-it-to-readers'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });
});

describe('links in README.md and docs/*.md', () => {
  it('finds the documentation and its links', () => {
    expect(markdownFiles.length).toBeGreaterThan(1);
    expect(markdownFiles.flatMap(linksOf).length).toBeGreaterThan(10);
  });

  it('a missing file and a missing anchor are problems', () => {
    const readme = join(ROOT, 'README.md');
    expect(problemOf({ file: readme, line: 1, target: 'docs/no-such-page.md' })).toMatch(/no such file/);
    expect(problemOf({ file: readme, line: 1, target: '#no-such-heading' })).toMatch(/no heading/);
    expect(problemOf({ file: readme, line: 1, target: 'https://example.com/#anything' })).toBeNull();
  });

  it.each(markdownFiles.map((file) => [relative(ROOT, file), file]))(
    'every relative link and anchor of %s resolves',
    (_name, file) => {
      const problems = linksOf(file)
        .map((link) => ({ link, problem: problemOf(link) }))
        .filter(({ problem }) => problem !== null)
        .map(({ link, problem }) => `${relative(ROOT, link.file)}:${link.line} (${link.target}): ${problem}`);
      expect(problems).toEqual([]);
    }
  );
});

/** Comments in the code point to a docs/ page and its section as `docs/<page>.md#<anchor>`: each must resolve. */
describe('docs/ sections named in the code', () => {
  const SKIP = new Set(['node_modules', 'dist', '.app', '.tmp', '.cache', 'build']);
  const sourceFiles = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      if (SKIP.has(entry.name) || entry.name.startsWith('.')) return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx|js)$/.test(entry.name) ? [path] : [];
    });
  const references = ['server', 'shared', 'admin', 'tests', 'bench', 'scripts']
    .filter((folder) => existsSync(join(ROOT, folder)))
    .flatMap((folder) => sourceFiles(join(ROOT, folder)))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          [...line.matchAll(/\bdocs\/[\w-]+\.md(?:#[\w-]+)?/g)].map((match) => ({
            file,
            line: index + 1,
            target: match[0],
          }))
        )
    );

  it('finds them', () => {
    expect(references.length).toBeGreaterThan(10);
  });

  it('each names an existing page and heading', () => {
    const problems = references
      .filter((reference) => !reference.file.endsWith('docs-links.test.ts'))
      .map((reference) => ({
        reference,
        problem: problemOf({ file: join(ROOT, 'README.md'), line: reference.line, target: reference.target }),
      }))
      .filter(({ problem }) => problem !== null)
      .map(
        ({ reference, problem }) =>
          `${relative(ROOT, reference.file)}:${reference.line} (${reference.target}): ${problem}`
      );
    expect(problems).toEqual([]);
  });
});

/**
 * ARCHITECTURE.md names paths relative to the repository root, or, after "The house", relative to server/src/ unless
 * they start with a top-level folder of the repository (its first paragraph says so).
 */
describe('paths named in ARCHITECTURE.md', () => {
  const ROOT_FOLDERS = [
    'shared/',
    'server/',
    'admin/',
    'tests/',
    'bench/',
    'scripts/',
    'playground/',
    'client/',
    'docs/',
    '.ci/',
  ];
  /** Made by a run, not kept in the repository (git-ignored). */
  const GENERATED = new Set(['bench/.app']);
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

  const looksLikePath = (token: string) =>
    !/\s/.test(token) &&
    !token.startsWith('@') && // a package (@strapi/utils)
    !token.startsWith('/') && // a route (/trust-labels/…)
    !token.includes('::') &&
    !token.includes('=') &&
    (/\.(ts|tsx|js|json|md)$/.test(token) || /^[\w.-]+(\/[\w.*-]+)+\/?$/.test(token) || /^[\w.-]+\/$/.test(token));

  const resolvePath = (token: string) => {
    const path = token.replace(/\/\*$/, '/'); // `middlewares/document-service/*`: the folder
    return ROOT_FOLDERS.some((folder) => path.startsWith(folder)) || path === 'strapi-server.ts'
      ? join(ROOT, path)
      : join(ROOT, 'server/src', path);
  };

  /** Backticked paths in the prose and tables. */
  const inBackticks = proseLines(text).flatMap(({ line, number }) =>
    [...line.matchAll(/`([^`]+)`/g)]
      .map((match) => ({ token: match[1], number }))
      .filter(({ token }) => looksLikePath(token))
  );

  /**
   * The map under "The house": an unindented name is a folder of the root; an indented one (the first column, names
   * separated by commas) is in the last folder named above it with less indentation.
   */
  const inHouseMap = (() => {
    const start = text.indexOf('## The house');
    const open = text.indexOf('```', start);
    const close = text.indexOf('```', open + 3);
    const lines = text.slice(text.indexOf('\n', open) + 1, close).split('\n');
    const folders: { indent: number; path: string }[] = [];
    const names: { token: string; number: number }[] = [];
    const firstLine = text.slice(0, open).split('\n').length + 1;
    lines.forEach((line, index) => {
      const column = /^(\s*)(\S.*?)(?:\s{2,}|$)/.exec(line);
      if (!column || column[2] === '') return;
      const indent = column[1].length;
      while (folders.length > 0 && folders[folders.length - 1].indent >= indent) folders.pop();
      // A continuation of the previous line's description is indented past the first column: no name in it.
      if (indent > 0 && folders.length === 0) return;
      const parent = folders.length > 0 ? folders[folders.length - 1].path : '';
      if (indent > (folders.length > 0 ? folders[folders.length - 1].indent + 2 : 0) + 8) return;
      for (const name of column[2].split(/,\s*/)) {
        const path = `${parent}${name.trim()}`;
        names.push({ token: path, number: firstLine + index });
        if (name.trim().endsWith('/')) folders.push({ indent, path });
      }
    });
    return names;
  })();

  it('finds the paths', () => {
    expect(inBackticks.length).toBeGreaterThan(50);
    expect(inHouseMap.map(({ token }) => token)).toEqual(
      expect.arrayContaining(['shared/', 'shared/constants.ts', 'server/src/domain/'])
    );
  });

  it('every path named exists', () => {
    const missing = [
      ...inBackticks.map((entry) => ({ ...entry, path: resolvePath(entry.token) })),
      ...inHouseMap.map((entry) => ({ ...entry, path: join(ROOT, entry.token) })),
    ]
      .filter(({ token }) => !GENERATED.has(token))
      .filter(({ path }) => !existsSync(path))
      .map(({ token, number, path }) => `ARCHITECTURE.md:${number} \`${token}\` → ${relative(ROOT, path)}`);
    expect(missing).toEqual([]);
  });

  it('names no file outside the repository', () => {
    expect(text.match(/\.\.\/[\w./-]+/g) ?? []).toEqual([]);
  });
});
