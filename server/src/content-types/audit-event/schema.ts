import { AUDIT_ACTIONS } from '../../../../shared/constants';
import { hiddenCollectionType } from '../hidden';

// Append-only audit log. Hidden from the Content Manager and the Content-Type Builder, no content API routes,
// and no admin route edits or deletes events; the document-service middleware refuses updates and deletes.
export default hiddenCollectionType({
  collectionName: 'trust_labels_audit_events',
  info: {
    singularName: 'audit-event',
    pluralName: 'audit-events',
    displayName: 'Trust labels audit event',
    description: 'Append-only log of verifications, withdrawals, automatic stale marks and label edits',
  },
  // Declared here so that Strapi's schema sync creates them on every database and owns them (never drops them).
  // History, the receipt's and JSON-LD's verify event (services/audit.ts verifyEventOf) look events up by the entry
  // they are about, newest first: without this index each of them scanned the whole log. Three strings of 255
  // characters and an integer: within MySQL's and MariaDB's 3,072-byte key limit in utf8mb4.
  indexes: [
    { name: 'trust_labels_audit_events_entry_index', columns: ['uid', 'entry_document_id', 'entry_locale', 'id'] },
  ],
  attributes: {
    action: { type: 'enumeration', enum: [...AUDIT_ACTIONS], required: true },
    uid: { type: 'string', required: true },
    // `documentId` and `locale` are reserved attribute names in Strapi 5; the API returns them under those names.
    entryDocumentId: { type: 'string', required: true },
    entryLocale: { type: 'string' },
    actor: { type: 'json' },
    at: { type: 'datetime', required: true },
    // The content hash of the version the event is about (verify, stale, restore), else null.
    contentHash: { type: 'string' },
    // The hash chain (domain/audit-chain.ts): SHA-256 over this event's content and the previous event's hash.
    prevHash: { type: 'string' },
    hash: { type: 'string' },
    changedFields: { type: 'json' },
    note: { type: 'text' },
    // The review record of a verify: what the verifier checked, and who holds editorial responsibility.
    checks: { type: 'json' },
    responsibility: { type: 'json' },
    // The AI involvement declared on the version a verify reviewed (null on events written before 0.3).
    aiInvolvement: { type: 'string' },
  },
});
