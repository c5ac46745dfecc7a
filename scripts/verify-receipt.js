#!/usr/bin/env node
// Recomputes the content hash of a published entry from the public content API, and compares it with the plugin's
// verification receipt. Plain Node 18+, no dependencies: an archive or a reader can run it without this repository.
//
//   node scripts/verify-receipt.js https://cms.example.com api::article.article <documentId> [locale]
//
// Prints the receipt's hash and the recomputed one; exits 0 when they are equal, 1 when they differ, 2 on an error.
// The canonical serialization (docs/compliance.md#verification-receipts) is the plugin's server/src/domain/hash.ts:
//   1. canonical(value): null and undefined → null; arrays element by element; objects with their keys sorted
//      (by UTF-16 code units, as Array.prototype.sort) and without the keys `id` and `__temp_key__`; other values
//      as they are. Serialized with JSON.stringify (no spaces).
//   2. For each field the receipt lists: sha256hex(JSON(canonical(entry[field]))).
//   3. For `sources`: sha256hex(JSON(canonical(sources))), each source as { title, url, publisher, accessedAt }
//      (missing values null), in their order.
//   4. The content hash: sha256hex(JSON(canonical({ <field>: <hash>, …, sources: <hash> }))).
const { createHash } = require('crypto');

const canonical = (value) => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      if (key === 'id' || key === '__temp_key__') continue;
      out[key] = canonical(value[key]);
    }
    return out;
  }
  return value;
};

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const hashOf = (value) => sha256(JSON.stringify(canonical(value)));

/** The content hash of one entry of a content API response (`data`), over `fields` and its `trust.sources`. */
const contentHashOf = (entry, fields, { trustAttribute = 'trust' } = {}) => {
  const fieldHashes = {};
  for (const field of fields) fieldHashes[field] = hashOf(entry[field]);
  const sources = (entry[trustAttribute]?.sources ?? []).map((source) => ({
    title: source.title,
    url: source.url,
    publisher: source.publisher ?? null,
    accessedAt: source.accessedAt ?? null,
  }));
  fieldHashes.sources = hashOf(sources);
  return hashOf(fieldHashes);
};

async function main([baseUrl, uid, documentId, locale]) {
  if (!baseUrl || !uid || !documentId) {
    console.error('usage: node scripts/verify-receipt.js <base URL> <content type uid> <documentId> [locale]');
    return 2;
  }
  const base = baseUrl.replace(/\/+$/, '');
  const get = async (path) => {
    const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return res.json();
  };
  const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';
  const { data: receipt } = await get(
    `/api/trust-labels/receipt/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}${query}`
  );
  if (!receipt.content.recomputable) {
    console.error(
      'The receipt says a hashed field is private: the content API does not return it, so the hash cannot be recomputed.'
    );
    return 2;
  }
  const { data: entry } = await get(receipt.content.path);
  const recomputed = contentHashOf(entry, receipt.content.fields);
  console.log(`receipt:    ${receipt.content.hash}`);
  console.log(`recomputed: ${recomputed} (from ${receipt.content.path})`);
  console.log(`status: ${receipt.status}; disclosure: ${receipt.disclosure.value ?? 'none declared'}`);
  if (receipt.verification?.auditEvent)
    console.log(
      `audit event ${receipt.verification.auditEvent.id}, chain head ${receipt.verification.auditEvent.hash}`
    );
  const equal = recomputed === receipt.content.hash;
  if (!equal) {
    console.log('MISMATCH');
    return 1;
  }
  // A status of verified that no verify event of the audit log records (a row written around the plugin) certifies
  // nothing: the receipt then has no verification.
  if (receipt.status === 'verified' && !receipt.verification?.auditEvent) {
    console.log(
      'NOT CERTIFIED: the status says verified, but no verify event of the audit log records this verification'
    );
    return 3;
  }
  console.log('MATCH: the published content is the content the receipt describes');
  return 0;
}

module.exports = { contentHashOf, canonical };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error.message);
      process.exit(2);
    }
  );
}
