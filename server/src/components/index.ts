import { TRUST_COMPONENT_UID } from '../../../shared/constants';
import { AI_INVOLVEMENT, DISCLAIMER_MODES, VERIFICATION_STATUSES } from '../../../shared/trust';

/**
 * Trust data lives in a component attached to every enabled content type. A component gives each version
 * (draft, published, every locale) its own row, which Strapi copies on publish, discard and clone, and lets the
 * content API filter on it natively (`filters[trust][status][$eq]=verified`).
 *
 * Only `status`, `verifiedAt` and `aiInvolvement` are public: the content API and GraphQL may filter on them. Every
 * other field is private, so Strapi refuses filters on it (no oracle on a hidden disclaimer text, no probing of
 * hashes). The public trust object is never Strapi's serialization of this row: the plugin builds it (domain/trust.ts).
 */
const trustSchema = {
  collectionName: 'components_trust_labels_trusts',
  info: { displayName: 'Trust labels', icon: 'shield', description: 'Disclaimer, sources and verification status' },
  options: {},
  // The columns the content API and GraphQL may filter on (the only public ones), so that a filtered list finds its
  // trust rows by index, not by reading every row (Strapi's schema sync creates and owns these). With the row id, a
  // filter's join (and Strapi's count of a filtered list) reads the index alone, not the wide trust rows: at 100,000
  // articles that took PostgreSQL's count from a 45 ms scan of the table to 5 ms. The link tables' side of the join is
  // indexed at bootstrap (database/indexes.ts).
  indexes: [
    { name: 'components_trust_labels_trusts_status_index', columns: ['status', 'id'] },
    { name: 'components_trust_labels_trusts_ai_involvement_index', columns: ['ai_involvement', 'id'] },
    { name: 'components_trust_labels_trusts_verified_at_index', columns: ['verified_at', 'id'] },
  ],
  attributes: {
    status: { type: 'enumeration', enum: [...VERIFICATION_STATUSES], default: 'unverified' },
    verifiedAt: { type: 'datetime' },
    aiInvolvement: { type: 'enumeration', enum: [...AI_INVOLVEMENT], default: 'unknown' },
    disclaimerMode: { type: 'enumeration', enum: [...DISCLAIMER_MODES], default: 'default', private: true },
    // No maxLength here: the plugin checks the length on every write (shared/schemas.ts), and the Content Manager of
    // Strapi 5.30 to 5.3x asks the document service for every private field that has a length rule, which that
    // document service refuses ("Invalid key disclaimerText", a 400 on every create of an entry with trust labels).
    disclaimerText: { type: 'text', private: true },
    // The sources, in order: a JSON list of { title, url, publisher, accessedAt }, validated by the plugin on every
    // write (shared/schemas.ts). One column of the trust row, so a page of trust is one query, and a label edit
    // changes one column. (0.1 kept them as component rows too; register.ts migrates those.)
    sourcesJson: { type: 'json', private: true },
    verifiedHash: { type: 'string', private: true },
    fieldHashes: { type: 'json', private: true },
    changedFields: { type: 'json', private: true },
    verifiedById: { type: 'integer', private: true },
    verifiedByName: { type: 'string', private: true },
    // The review record of the last verification, and the entry's own editorial responsibility (a label).
    checks: { type: 'json', private: true },
    editorialResponsibility: { type: 'json', private: true },
    // The AI involvement declared when the version was verified: a verification covers it (changing aiInvolvement
    // makes the version stale). Null on verifications recorded before 0.3 (domain/status.ts reviewedInvolvement).
    verifiedAiInvolvement: { type: 'enumeration', enum: [...AI_INVOLVEMENT], private: true },
    // The entry's own answer to "published to inform the public on matters of public interest?" (a label); null: the
    // type's setting (settings.publicInterest).
    publicInterest: { type: 'boolean', private: true },
    // The content as hashed at the last verification (the latest only), for the diff of a stale version.
    verifiedContent: { type: 'json', private: true },
    // An AI agent's pending suggestion (MCP trust_labels_suggest): not hashed, never in the public trust object.
    suggestion: { type: 'json', private: true },
  },
};

const toRegistryEntry = (uid: string, schema: typeof trustSchema) => {
  const [category, modelName] = uid.split('.');
  return {
    ...schema,
    __schema__: JSON.parse(JSON.stringify(schema)),
    uid,
    category,
    modelType: 'component',
    modelName,
    globalId: `ComponentTrustLabels${modelName.charAt(0).toUpperCase()}${modelName.slice(1)}`,
  };
};

export const componentRegistryEntries = () => ({
  [TRUST_COMPONENT_UID]: toRegistryEntry(TRUST_COMPONENT_UID, trustSchema),
});

export { TRUST_COMPONENT_UID };
