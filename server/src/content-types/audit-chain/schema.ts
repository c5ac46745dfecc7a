import { hiddenCollectionType } from '../hidden';

// The head of the audit log's hash chain: one row (id 1) with the newest event's hash and the number of events.
// Every append locks it (SELECT … FOR UPDATE) in the transaction that writes the event, so the chain is one line
// whatever the number of Strapi processes. Hidden, no routes, like the log.
export default hiddenCollectionType({
  collectionName: 'trust_labels_audit_chain',
  info: {
    singularName: 'audit-chain',
    pluralName: 'audit-chains',
    displayName: 'Trust labels audit chain head',
    description: 'The newest hash of the audit log chain',
  },
  attributes: {
    head: { type: 'string' },
    length: { type: 'integer' },
  },
});
