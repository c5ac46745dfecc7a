// A large site, quickly (PostgreSQL): the articles seeded through the plugin are the base, copied in SQL until the
// site has `articles` articles. Each copy of a document gets a new documentId and new row ids, and copies of its
// rows: its versions (draft and published), their trust rows and the link rows between them, and its audit events.
// A copy's content is its original's, so its recorded content hashes hold: the integrity check finds the copies as
// sound as the base. The copies' events are inserted unchained (prev_hash and hash null) and the whole log's too:
// the caller chains it again with the plugin's own migration (services/audit.ts chainUnchainedEvents).
const ARTICLES = 'articles';
const LINKS = 'articles_cmps';
const TRUSTS = 'components_trust_labels_trusts';
const EVENTS = 'trust_labels_audit_events';
const TRUST_COMPONENT = 'trust-labels.trust';

const columnsOf = async (knex, table) =>
  (
    await knex('information_schema.columns')
      .where({ table_schema: knex.raw('current_schema()'), table_name: table })
      .select('column_name')
  ).map((row) => row.column_name);

const quoted = (names, prefix = '') => names.map((name) => `${prefix}"${name}"`).join(', ');

/** Copies the base until there are `articles` documents; returns what it added. */
async function copySite(knex, { articles }) {
  const started = Date.now();
  const baseDocuments = Number((await knex(ARTICLES).countDistinct({ n: 'document_id' }).first()).n);
  const wanted = Math.max(0, articles - baseDocuments);
  if (wanted === 0 || baseDocuments === 0) return { documents: 0, seconds: 0 };
  const copies = Math.ceil(wanted / baseDocuments);
  const articleColumns = (await columnsOf(knex, ARTICLES)).filter((name) => name !== 'id' && name !== 'document_id');
  const trustColumns = (await columnsOf(knex, TRUSTS)).filter((name) => name !== 'id');
  const eventColumns = (await columnsOf(knex, EVENTS)).filter(
    (name) => !['id', 'document_id', 'entry_document_id', 'prev_hash', 'hash'].includes(name)
  );
  await knex.transaction(async (trx) => {
    // Which document becomes which: copy n of document d is md5(d:n), cut to a documentId's 24 characters.
    await trx.raw(
      `CREATE TEMP TABLE doc_map ON COMMIT DROP AS
         SELECT d.document_id AS old_doc, c.n, substr(md5(d.document_id || ':' || c.n), 1, 24) AS new_doc
         FROM (SELECT DISTINCT document_id FROM ${ARTICLES}) d CROSS JOIN generate_series(1, ?) AS c(n)
         ORDER BY c.n, d.document_id LIMIT ?`,
      [copies, wanted]
    );
    await trx.raw(
      `CREATE TEMP TABLE row_map ON COMMIT DROP AS
         SELECT a.id AS old_id, m.new_doc, nextval(pg_get_serial_sequence('${ARTICLES}', 'id')) AS new_id
         FROM ${ARTICLES} a JOIN doc_map m ON m.old_doc = a.document_id ORDER BY m.n, a.id`
    );
    await trx.raw(
      `INSERT INTO ${ARTICLES} (id, document_id, ${quoted(articleColumns)})
         SELECT r.new_id, r.new_doc, ${quoted(articleColumns, 'a.')} FROM row_map r JOIN ${ARTICLES} a ON a.id = r.old_id`
    );
    await trx.raw(
      `CREATE TEMP TABLE trust_map ON COMMIT DROP AS
         SELECT l.cmp_id AS old_cmp, r.new_id AS entity_id, l.field, l."order",
                nextval(pg_get_serial_sequence('${TRUSTS}', 'id')) AS new_cmp
         FROM ${LINKS} l JOIN row_map r ON r.old_id = l.entity_id WHERE l.component_type = ?`,
      [TRUST_COMPONENT]
    );
    await trx.raw(
      `INSERT INTO ${TRUSTS} (id, ${quoted(trustColumns)})
         SELECT t.new_cmp, ${quoted(trustColumns, 'c.')} FROM trust_map t JOIN ${TRUSTS} c ON c.id = t.old_cmp`
    );
    await trx.raw(
      `INSERT INTO ${LINKS} (entity_id, cmp_id, component_type, field, "order")
         SELECT entity_id, new_cmp, ?, field, "order" FROM trust_map ORDER BY entity_id`,
      [TRUST_COMPONENT]
    );
    await trx.raw(
      `INSERT INTO ${EVENTS} (document_id, entry_document_id, ${quoted(eventColumns)})
         SELECT substr(md5(e.document_id || ':' || m.n), 1, 24), m.new_doc, ${quoted(eventColumns, 'e.')}
         FROM ${EVENTS} e JOIN doc_map m ON m.old_doc = e.entry_document_id ORDER BY m.n, e.id`
    );
    await trx.raw(`UPDATE ${EVENTS} SET prev_hash = NULL, hash = NULL`);
  });
  const count = async (table) => Number((await knex(table).count({ n: '*' }).first()).n);
  return {
    documents: wanted,
    versions: await count(ARTICLES),
    events: await count(EVENTS),
    seconds: (Date.now() - started) / 1000,
  };
}

module.exports = { copySite };
