import { AI_INVOLVEMENT, DISCLAIMER_MODES, LIMITS, VERIFICATION_STATUSES } from '../../../shared/trust';

/**
 * Trust data lives in a component attached to every enabled content type. A component gives each version
 * (draft, published, every locale) its own row, and lets the content API filter on it natively
 * (`filters[trust][status][$eq]=verified`). Fields marked private never leave through the content API.
 */
export const TRUST_COMPONENT_UID = 'trust-labels.trust';
export const SOURCE_COMPONENT_UID = 'trust-labels.source';

const sourceSchema = {
  collectionName: 'components_trust_labels_sources',
  info: { displayName: 'Trust source', icon: 'link', description: 'A source an entry relies on' },
  options: {},
  attributes: {
    // text, not string: a string column is varchar(255) on PostgreSQL and MySQL, and titles may be 300 long.
    title: { type: 'text', maxLength: LIMITS.sourceTitle },
    url: { type: 'text', maxLength: LIMITS.sourceUrl },
    publisher: { type: 'string', maxLength: LIMITS.sourcePublisher },
    accessedAt: { type: 'date' },
  },
};

const trustSchema = {
  collectionName: 'components_trust_labels_trusts',
  info: { displayName: 'Trust labels', icon: 'shield', description: 'Disclaimer, sources and verification status' },
  options: {},
  attributes: {
    status: { type: 'enumeration', enum: [...VERIFICATION_STATUSES], default: 'unverified' },
    verifiedAt: { type: 'datetime' },
    aiInvolvement: { type: 'enumeration', enum: [...AI_INVOLVEMENT], default: 'unknown' },
    disclaimerMode: { type: 'enumeration', enum: [...DISCLAIMER_MODES], default: 'default' },
    disclaimerText: { type: 'text', maxLength: LIMITS.disclaimerText },
    sources: { type: 'component', component: SOURCE_COMPONENT_UID, repeatable: true },
    // Internal: a copy of `sources` as one JSON array of [title, url, publisher, accessedAt], written with
    // them (`toWritableTrust`) and copied with the row by Strapi on publish, discard and clone. The content API
    // reads it on SQLite instead of joining the source rows; a row without it (written by an older version)
    // is read from the source rows. The source components stay the data that editing, GraphQL and filters use.
    sourcesJson: { type: 'json', private: true },
    // Internal: never in the content API.
    verifiedHash: { type: 'string', private: true },
    fieldHashes: { type: 'json', private: true },
    changedFields: { type: 'json', private: true },
    verifiedById: { type: 'integer', private: true },
    verifiedByName: { type: 'string', private: true },
  },
};

const toRegistryEntry = (uid: string, schema: typeof trustSchema | typeof sourceSchema) => {
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
  [SOURCE_COMPONENT_UID]: toRegistryEntry(SOURCE_COMPONENT_UID, sourceSchema),
  [TRUST_COMPONENT_UID]: toRegistryEntry(TRUST_COMPONENT_UID, trustSchema),
});
