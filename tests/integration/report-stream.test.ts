import { spawn } from 'child_process';

import { ARTICLE_UID, bootTestApp, createArticle, trustPath, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { TRUST_COMPONENT_UID } from '../../shared/constants';

/**
 * SPEC.md "Scale": the CSV export streams with bounded memory, whatever the number of entries. 20,000 versions
 * (10,000 documents, draft and published), copied in SQL from one made through the plugin: the first bytes of the
 * CSV reach a client before the last rows are read (the rows are read in keyset pages, as the client takes them),
 * and the whole file has one line per version.
 */
describe('the CSV report streams', () => {
  let t: TestContext;
  let admin: AdminSession;
  const DOCUMENTS = 10_000;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'stream');
    const template = await createArticle(t.strapi, { title: 'Template' });
    expect(
      (
        await t.http.put(
          trustPath(template, '?locale=en'),
          { aiInvolvement: 'assisted', sources: [{ title: 'S', url: 'https://example.com/s' }] },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect(
      (await t.http.post(trustPath(template, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
        .status
    ).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId: template, locale: 'en' });

    // Copies of the template's two versions and their trust rows, with ids of our own, in batches.
    const knex: any = t.strapi.db.connection;
    const meta = (t.strapi.db as any).metadata;
    const articles = meta.get(ARTICLE_UID);
    const joinTable = articles.attributes.trust.joinTable;
    const trustTable = meta.get(TRUST_COMPONENT_UID).tableName;
    const versions: any[] = await knex(articles.tableName).where(articles.attributes.documentId.columnName, template);
    const links: any[] = await knex(joinTable.name).whereIn(
      joinTable.joinColumn.name,
      versions.map((row) => row.id)
    );
    const trustRows: any[] = await knex(trustTable).whereIn(
      'id',
      links.map((link) => link[joinTable.inverseJoinColumn.name])
    );
    const maxOf = async (table: string) => Number((await knex(table).max({ m: 'id' }))[0].m ?? 0);
    let nextArticle = (await maxOf(articles.tableName)) + 1;
    let nextTrust = (await maxOf(trustTable)) + 1;
    let nextLink = (await maxOf(joinTable.name)) + 1;
    // A row as read, to write back: JSON columns come back parsed on MariaDB (mysql2), and go back as JSON text.
    const writable = (row: any) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)
            ? JSON.stringify(value)
            : value,
        ])
      );
    const batch = 250;
    for (let start = 0; start < DOCUMENTS; start += batch) {
      const newVersions: any[] = [];
      const newTrust: any[] = [];
      const newLinks: any[] = [];
      for (let i = start; i < Math.min(DOCUMENTS, start + batch); i += 1) {
        const documentId = `stream${String(i).padStart(18, '0')}`;
        for (const version of versions) {
          const link = links.find((row) => row[joinTable.joinColumn.name] === version.id);
          const trust = trustRows.find((row) => row.id === link[joinTable.inverseJoinColumn.name]);
          const articleId = nextArticle++;
          const trustId = nextTrust++;
          newVersions.push({
            ...writable(version),
            id: articleId,
            [articles.attributes.documentId.columnName]: documentId,
          });
          newTrust.push({ ...writable(trust), id: trustId });
          newLinks.push({
            ...writable(link),
            id: nextLink++,
            [joinTable.joinColumn.name]: articleId,
            [joinTable.inverseJoinColumn.name]: trustId,
          });
        }
      }
      await knex(articles.tableName).insert(newVersions);
      await knex(trustTable).insert(newTrust);
      await knex(joinTable.name).insert(newLinks);
    }
    if (t.database.client === 'postgres') {
      for (const table of [articles.tableName, trustTable, joinTable.name])
        await knex.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
  }, 600_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('sends its first bytes before the last row is read, and one line per version', async () => {
    // The export reads its versions in pages (ordered by documentId, then id): when each page was read.
    const pagesReadAt: number[] = [];
    const onQuery = (query: { sql: string }) => {
      if (/order by .*document_id.* limit/i.test(query.sql)) pagesReadAt.push(Date.now());
    };
    const knex: any = t.strapi.db.connection;
    knex.on('query', onQuery);
    try {
      // The client is another process: in this one, the server would fill the socket's buffers before the client's
      // turn came. It notes when the first bytes arrived.
      const client = spawn(
        process.execPath,
        [
          '-e',
          `const http = require('http');
           http.get(process.argv[1], { headers: { authorization: 'Bearer ' + process.argv[2] } }, (res) => {
             let first = null; let bytes = 0;
             res.on('data', (chunk) => { if (first === null) first = Date.now(); bytes += chunk.length; });
             res.on('end', () => process.stdout.write(JSON.stringify({ status: res.statusCode, first, bytes })));
           });`,
          new URL('/trust-labels/report?format=csv', t.baseUrl).toString(),
          admin.token,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] }
      );
      let out = '';
      client.stdout.on('data', (chunk) => (out += chunk));
      await new Promise((resolve) => client.on('close', resolve));
      const { status, first, bytes } = JSON.parse(out);
      expect(status).toBe(200);
      // Read in pages (20,002 versions: 101 of 200), and the first bytes had arrived before the last of them was read.
      expect(pagesReadAt.length).toBeGreaterThanOrEqual(101);
      expect(first).toBeLessThan(pagesReadAt[pagesReadAt.length - 1]);
      expect(bytes).toBeGreaterThan(2 * DOCUMENTS * 100);
    } finally {
      knex.removeListener('query', onQuery);
    }

    const res = await t.http.get('/trust-labels/report', { token: admin.token, query: { format: 'csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    // The header, the template's two versions and the copies.
    expect(lines.length).toBe(1 + 2 * (DOCUMENTS + 1));
    expect(lines[0]).toContain('"labelRequired"');
    expect(lines.filter((line) => line.includes('"stream')).length).toBe(2 * DOCUMENTS);
    expect(lines.filter((line) => line.includes('"published","verified","assisted"')).length).toBe(DOCUMENTS + 1);
  });

  it('the JSON report answers one page of entries, with the counts of the whole site', async () => {
    const res = await t.http.get('/trust-labels/report', {
      token: admin.token,
      query: { page: '3', pageSize: '1000' },
    });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 3, pageSize: 1000, total: 2 * (DOCUMENTS + 1), pageCount: 21 });
    const [group] = res.body.data;
    expect(group.entries).toHaveLength(1000);
    expect(group.counts.status.verified).toBe(DOCUMENTS + 1);
    expect(group.counts.needsReview).toBe(0);
    const last = await t.http.get('/trust-labels/report', {
      token: admin.token,
      query: { page: '21', pageSize: '1000' },
    });
    expect(last.body.data[0].entries).toHaveLength(2);
    for (const [query, code] of [
      [{ page: '0' }, 'trust.outOfRange'],
      [{ pageSize: '1001' }, 'trust.outOfRange'],
      [{ page: 'x' }, 'trust.outOfRange'],
    ] as const) {
      const bad = await t.http.get('/trust-labels/report', { token: admin.token, query });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors[0].code).toBe(code);
    }
  });
});
