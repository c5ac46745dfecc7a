// schema.org JSON-LD for a published entry (docs/front-end.md#json-ld). Pure: no Strapi, no Node APIs.

import type { AiInvolvement, PublicTrust } from './trust';

const SCHEMA_ORG = 'https://schema.org/';

/**
 * `aiInvolvement` → `digitalSourceType`: a member of schema.org's IPTCDigitalSourceEnumeration (the property's
 * range), each the schema.org twin of an IPTC Digital Source Type term (http://cv.iptc.org/newscodes/digitalsourcetype/):
 * - `generated`: TrainedAlgorithmicMediaDigitalSource (IPTC trainedAlgorithmicMedia, "Created using Generative AI");
 * - `assisted`: CompositeWithTrainedAlgorithmicMediaDigitalSource (IPTC compositeWithTrainedAlgorithmicMedia,
 *   "Edited using Generative AI": augmentation, correction or enhancement using a generative AI model);
 * - `none`: DigitalArtDigitalSource. schema.org has no member for IPTC's digitalCreation ("Media created by a human
 *   using non-generative tools"); this one is coded as IPTC's digitalArt, the retired term that digitalCreation took over. (The
 *   human-edit members are about editing media that came from elsewhere, which says nothing about who wrote a text.)
 * - `unknown`: no claim at all.
 */
export const DIGITAL_SOURCE_TYPES: Record<AiInvolvement, string | null> = {
  generated: `${SCHEMA_ORG}TrainedAlgorithmicMediaDigitalSource`,
  assisted: `${SCHEMA_ORG}CompositeWithTrainedAlgorithmicMediaDigitalSource`,
  none: `${SCHEMA_ORG}DigitalArtDigitalSource`,
  unknown: null,
};

/** schema.org types that are Article or one of its subtypes: they take every property the plugin emits. */
const SCHEMA_ORG_ARTICLE_TYPES = [
  'Article',
  'AdvertiserContentArticle',
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'Report',
  'SatiricalArticle',
  'ScholarlyArticle',
  'MedicalScholarlyArticle',
  'SocialMediaPosting',
  'BlogPosting',
  'LiveBlogPosting',
  'DiscussionForumPosting',
  'TechArticle',
  'APIReference',
] as const;

/** What the `jsonLdTypes` config option accepts: the Article family, or the generic CreativeWork. */
export const SCHEMA_ORG_TYPES = [...SCHEMA_ORG_ARTICLE_TYPES, 'CreativeWork'] as const;
export type SchemaOrgType = (typeof SCHEMA_ORG_TYPES)[number];

export const DEFAULT_SCHEMA_ORG_TYPE: SchemaOrgType = 'Article';

interface JsonLdInput {
  type?: SchemaOrgType | null;
  /** The entry's title, if it has one. */
  headline?: string | null;
  /** The entry's locale (BCP 47), for localized types. */
  locale?: string | null;
  /** The public trust object of the published version (as in the content API). */
  trust: PublicTrust;
  /** When the version was published and last modified (ISO 8601); see `publicationDates`. */
  datePublished?: string | null;
  dateModified?: string | null;
  publishingPrinciplesUrl?: string | null;
  /** Who holds editorial responsibility (settings, or the entry's own): publisher or editor, and the reviewer. */
  responsibility?: { name: string; url?: string | null; type?: 'Organization' | 'Person' } | null;
}

const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/**
 * ISO 8601 of a date as a database driver gives it (a Date, an ISO string, milliseconds: SQLite's, sometimes as a
 * numeric string), or null.
 */
export const isoDateTime = (value: unknown): string | null => {
  let date: Date | null = null;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string' && value.trim() !== '')
    date = new Date(/^\d+$/.test(value) ? Number(value) : value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
};

/**
 * `datePublished` and `dateModified` of the row a reader sees. With draft & publish, that row is re-created at
 * every publish, so its `publishedAt` is the last publication; `firstPublishedAt` (Strapi's
 * `experimental_firstPublishedAt` future flag) is the first, when the app has it. Without draft & publish, Strapi
 * sets `publishedAt` at every save, so the entry was published when it was created. `dateModified` is the row's
 * `updatedAt`, never before `datePublished` (a published row keeps the `updatedAt` of the draft it was made from).
 */
export const publicationDates = (
  row: Record<string, unknown>,
  draftAndPublish: boolean
): { datePublished: string | null; dateModified: string | null } => {
  const datePublished = draftAndPublish
    ? (isoDateTime(row.firstPublishedAt) ?? isoDateTime(row.publishedAt))
    : (isoDateTime(row.createdAt) ?? isoDateTime(row.publishedAt));
  const updatedAt = isoDateTime(row.updatedAt);
  const dateModified =
    updatedAt && datePublished && updatedAt < datePublished ? datePublished : (updatedAt ?? datePublished);
  return { datePublished, dateModified };
};

/**
 * The JSON-LD object: `datePublished` and `dateModified`, `citation` from the sources, `publishingPrinciples`,
 * `digitalSourceType` (a schema.org IPTCDigitalSourceEnumeration member), the
 * disclaimer as `backstory` (schema.org's Article property for "why and how an article was created"), and, only
 * when the version is verified, a `mainEntityOfPage` WebPage with `lastReviewed` and, when the verifier's name
 * is public, `reviewedBy`. Values are plain data; `serializeJsonLd` makes the text safe to inline in HTML.
 */
export const buildJsonLd = (input: JsonLdInput): Record<string, unknown> => {
  const type =
    input.type && (SCHEMA_ORG_TYPES as readonly string[]).includes(input.type) ? input.type : DEFAULT_SCHEMA_ORG_TYPE;
  const { trust } = input;
  const doc: Record<string, unknown> = { '@context': 'https://schema.org', '@type': type };

  if (nonEmpty(input.headline)) doc.headline = input.headline;
  if (nonEmpty(input.locale)) doc.inLanguage = input.locale;
  const datePublished = isoDateTime(input.datePublished);
  const dateModified = isoDateTime(input.dateModified);
  if (datePublished) doc.datePublished = datePublished;
  if (dateModified) doc.dateModified = dateModified;

  const citations = trust.sources
    .filter((source) => nonEmpty(source.title) && isHttpUrl(source.url))
    .map((source) => ({
      '@type': 'CreativeWork',
      name: source.title,
      url: source.url,
      ...(nonEmpty(source.publisher) ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    }));
  if (citations.length > 0) doc.citation = citations;

  if (isHttpUrl(input.publishingPrinciplesUrl)) doc.publishingPrinciples = input.publishingPrinciplesUrl;

  const digitalSourceType = DIGITAL_SOURCE_TYPES[trust.aiInvolvement] ?? null;
  // A node reference, so that the value is an IRI whatever context a consumer applies (schema.org's context does
  // not make this property's strings IRIs).
  if (digitalSourceType) doc.digitalSourceType = { '@id': digitalSourceType };

  if (nonEmpty(trust.disclaimer) && (SCHEMA_ORG_ARTICLE_TYPES as readonly string[]).includes(type)) {
    doc.backstory = trust.disclaimer;
  }

  const responsible = input.responsibility && nonEmpty(input.responsibility.name) ? input.responsibility : null;
  const party = responsible
    ? {
        '@type': responsible.type === 'Person' ? 'Person' : 'Organization',
        name: responsible.name,
        ...(isHttpUrl(responsible.url) ? { url: responsible.url } : {}),
      }
    : null;
  // schema.org: an Organization publishes; a Person holding editorial responsibility is the editor.
  if (party) doc[party['@type'] === 'Person' ? 'editor' : 'publisher'] = party;

  if (trust.status === 'verified' && trust.verifiedAt) {
    // Reviewed by the verifier when their name is public, else by whoever holds editorial responsibility.
    const reviewer = nonEmpty(trust.verifiedBy) ? { '@type': 'Person', name: trust.verifiedBy } : party;
    doc.mainEntityOfPage = {
      '@type': 'WebPage',
      lastReviewed: trust.verifiedAt,
      ...(reviewer ? { reviewedBy: reviewer } : {}),
    };
  }
  return doc;
};

/**
 * JSON text of a JSON-LD object that is safe to put inside `<script type="application/ld+json">`: `<`, `>` and
 * `&` are written as \u escapes (so no `</script>` or `<!--` can appear), as are U+2028 and U+2029. It parses
 * back to exactly the same values.
 */
export const serializeJsonLd = (doc: unknown): string =>
  JSON.stringify(doc).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
