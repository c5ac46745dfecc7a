// schema.org JSON-LD for a published entry (docs/front-end.md#json-ld). Pure: no Strapi, no Node APIs.

import type { AiInvolvement, PublicTrust } from './trust';

/** IPTC Digital Source Type NewsCodes, http://cv.iptc.org/newscodes/digitalsourcetype/ */
export const IPTC_DIGITAL_SOURCE_TYPE_SCHEME = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/**
 * `aiInvolvement` → IPTC digital source type (vocabulary as of 2024-10):
 * - `generated`: trainedAlgorithmicMedia, "Created using Generative AI";
 * - `assisted`: compositeWithTrainedAlgorithmicMedia, "Edited using Generative AI" (augmentation, correction or
 *   enhancement using a generative AI model);
 * - `none`: digitalCreation, "Media created by a human using non-generative tools" (humanEdits means a human
 *   edited media that came from elsewhere, which says nothing about how the text was written);
 * - `unknown`: no claim at all.
 */
export const DIGITAL_SOURCE_TYPES: Record<AiInvolvement, string | null> = {
  generated: `${IPTC_DIGITAL_SOURCE_TYPE_SCHEME}trainedAlgorithmicMedia`,
  assisted: `${IPTC_DIGITAL_SOURCE_TYPE_SCHEME}compositeWithTrainedAlgorithmicMedia`,
  none: `${IPTC_DIGITAL_SOURCE_TYPE_SCHEME}digitalCreation`,
  unknown: null,
};

/** schema.org types that are Article or one of its subtypes: they take every property the plugin emits. */
export const SCHEMA_ORG_ARTICLE_TYPES = [
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

export interface JsonLdInput {
  type?: SchemaOrgType | null;
  /** The entry's title, if it has one. */
  headline?: string | null;
  /** The entry's locale (BCP 47), for localized types. */
  locale?: string | null;
  /** The public trust object of the published version (as in the content API). */
  trust: PublicTrust;
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
 * The JSON-LD object: `citation` from the sources, `publishingPrinciples`, the IPTC `digitalSourceType`, the
 * disclaimer as `backstory` (schema.org's Article property for "why and how an article was created"), and, only
 * when the version is verified, a `mainEntityOfPage` WebPage with `lastReviewed` and, when the verifier's name
 * is public, `reviewedBy`. Values are plain data; `serializeJsonLd` makes the text safe to inline in HTML.
 */
export const buildJsonLd = (input: JsonLdInput): Record<string, unknown> => {
  const type = input.type && (SCHEMA_ORG_TYPES as readonly string[]).includes(input.type) ? input.type : DEFAULT_SCHEMA_ORG_TYPE;
  const { trust } = input;
  const doc: Record<string, unknown> = { '@context': 'https://schema.org', '@type': type };

  if (nonEmpty(input.headline)) doc.headline = input.headline;
  if (nonEmpty(input.locale)) doc.inLanguage = input.locale;

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
  // A node reference, so that the value is an IRI whatever context a consumer applies.
  if (digitalSourceType) doc.digitalSourceType = { '@id': digitalSourceType };

  if (nonEmpty(trust.disclaimer) && (SCHEMA_ORG_ARTICLE_TYPES as readonly string[]).includes(type)) {
    doc.backstory = trust.disclaimer;
  }

  const responsible = input.responsibility && nonEmpty(input.responsibility.name) ? input.responsibility : null;
  const party = responsible
    ? { '@type': responsible.type === 'Person' ? 'Person' : 'Organization', name: responsible.name, ...(isHttpUrl(responsible.url) ? { url: responsible.url } : {}) }
    : null;
  // schema.org: an Organization publishes; a Person holding editorial responsibility is the editor.
  if (party) doc[party['@type'] === 'Person' ? 'editor' : 'publisher'] = party;

  if (trust.status === 'verified' && trust.verifiedAt) {
    // Reviewed by the verifier when their name is public, else by whoever holds editorial responsibility.
    const reviewer = nonEmpty(trust.verifiedBy) ? { '@type': 'Person', name: trust.verifiedBy } : party;
    doc.mainEntityOfPage = { '@type': 'WebPage', lastReviewed: trust.verifiedAt, ...(reviewer ? { reviewedBy: reviewer } : {}) };
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
