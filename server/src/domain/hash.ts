import { createHash } from 'crypto';

/**
 * The content hash that binds a verification to the exact content a person verified. Pure functions, no
 * Strapi: the schema is passed in. docs/editors.md#human-verification-that-never-lies ("Content hash"): SHA-256 over a
 * canonical serialization of the hashed attributes plus the sources.
 */

const SYSTEM_ATTRIBUTES = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

const SKIPPED_TYPES = new Set(['relation', 'media']);

interface AttributeLike {
  type?: string;
  component?: string;
  components?: string[];
}

export interface SchemaLike {
  attributes: Record<string, AttributeLike>;
}

/** Attributes whose content is hashed: the override when given, else all but trust, system fields, relations, media. */
export const hashedAttributeNames = (schema: SchemaLike, trustAttribute: string, override?: string[]): string[] => {
  if (override && override.length > 0) return override.filter((name) => name !== trustAttribute);
  return Object.entries(schema.attributes)
    .filter(
      ([name, attribute]) =>
        name !== trustAttribute && !SYSTEM_ATTRIBUTES.has(name) && !SKIPPED_TYPES.has(attribute?.type ?? '')
    )
    .map(([name]) => name);
};

/**
 * A populate object that loads the hashed components and dynamic zones (their own relations and media are
 * not hashed, so not loaded). `getComponent` looks a component schema up by uid.
 */
export const hashPopulate = (
  schema: SchemaLike,
  names: string[],
  getComponent: (uid: string) => SchemaLike | undefined,
  depth = 0
): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  if (depth > 5) return populate;
  for (const name of names) {
    const attribute = schema.attributes[name];
    if (attribute?.type === 'component' && attribute.component) {
      const component = getComponent(attribute.component);
      const nested = component
        ? hashPopulate(component, hashedAttributeNames(component, ''), getComponent, depth + 1)
        : {};
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute?.type === 'dynamiczone') {
      populate[name] = true;
    }
  }
  return populate;
};

/** A JSON-compatible value with sorted keys and without storage details (ids, dates as ISO strings). */
const canonicalValue = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (typeof value === 'object') {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function' && !(value instanceof Date)) {
      return canonicalValue((value as { toJSON: () => unknown }).toJSON());
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      if (key === 'id' || key === '__temp_key__') continue;
      out[key] = canonicalValue((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
};

/** JSON with object keys sorted at every depth. */
export const canonicalJson = (value: unknown): string => JSON.stringify(canonicalValue(value));

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const SOURCES_FIELD = 'sources';

export interface ContentHash {
  hash: string;
  fieldHashes: Record<string, string>;
}

/** Sources as the hash covers them. */
const hashedSources = (
  sources: Array<{ title: string; url: string; publisher?: string | null; accessedAt?: string | null }>
) =>
  sources.map((source) => ({
    title: source.title,
    url: source.url,
    publisher: source.publisher ?? null,
    accessedAt: source.accessedAt ?? null,
  }));

/**
 * The content of one version exactly as the hash covers it: each hashed attribute's canonical value, and the
 * sources under `sources`. Kept with a verification, so that a stale version can show what changed since.
 */
export const hashedContent = (
  entry: Record<string, unknown>,
  attributeNames: string[],
  sources: Array<{ title: string; url: string; publisher?: string | null; accessedAt?: string | null }>
): Record<string, unknown> => {
  const content: Record<string, unknown> = {};
  for (const name of attributeNames) content[name] = canonicalValue(entry[name]);
  content[SOURCES_FIELD] = canonicalValue(hashedSources(sources));
  return content;
};

/**
 * Hashes one version: a hash per hashed attribute and one for the sources, and the content hash over those
 * (so that the changed fields can be named later). Sources keep their order: reordering them changes the hash.
 */
export const computeContentHash = (
  entry: Record<string, unknown>,
  attributeNames: string[],
  sources: Array<{ title: string; url: string; publisher?: string | null; accessedAt?: string | null }>
): ContentHash => {
  const fieldHashes: Record<string, string> = {};
  for (const name of attributeNames) fieldHashes[name] = sha256(canonicalJson(entry[name]));
  fieldHashes[SOURCES_FIELD] = sha256(canonicalJson(hashedSources(sources)));
  return { hash: sha256(canonicalJson(fieldHashes)), fieldHashes };
};

/** Names whose hash differs between the verified and the current version, in the current order. */
export const changedFieldNames = (
  verified: Record<string, string> | null,
  current: Record<string, string>
): string[] => {
  if (!verified) return Object.keys(current);
  const names = [...Object.keys(current), ...Object.keys(verified).filter((name) => !(name in current))];
  return names.filter((name) => verified[name] !== current[name]);
};
