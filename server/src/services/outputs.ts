import type { Core } from '@strapi/strapi';

import { renderBadge, type Badge } from '../../../shared/badge';
import { pickLocalized, pickLocalizedWord } from '../../../shared/disclaimer';
import { readerWords } from '../../../shared/reader-words';
import { disclosureWords } from '../../../shared/disclosure';
import { buildJsonLd, DEFAULT_SCHEMA_ORG_TYPE, publicationDates, type SchemaOrgType } from '../../../shared/json-ld';
import type { EditorialResponsibility, PublicTrust, Settings } from '../../../shared/trust';
import type { AuditEvent, Receipt } from '../../../shared/contracts';
import { loadTrustRows } from '../database/trust-rows';
import { hashOfVersion, hashSetup, loadVersions } from '../database/versions';
import { responsiblePartyOf, shownStatus } from '../domain/status';
import { defaultTrust, presentTrust } from '../domain/trust';
import { notFound as notFoundError } from '../errors';
import { getPluginConfig, hasDraftAndPublish } from '../utils';
import { getService } from './registry';
import type { Target } from '../types';

const HEADLINE_TYPES = new Set(['string', 'text']);

const notFound = () => notFoundError('Not Found');

/**
 * What readers are told about a review comes from the chained verify event, not from the trust row (which an SQL
 * edit can change without breaking the chain): when, by whom (a name shown only with showVerifierName), the checks,
 * and who held editorial responsibility.
 */
const reviewOf = (event: AuditEvent, settings: Pick<Settings, 'showVerifierName'>) => ({
  verifiedAt: event.at,
  verifiedBy: settings.showVerifierName ? (event.actor?.name ?? null) : null,
  checks: event.checks ?? [],
  editorialResponsibility: event.responsibility ?? null,
});

/** Like @strapi/utils' isPrivateAttribute: private in the schema, or listed in the model's private attributes. */
const isPrivate = (model: any, name: string) =>
  model?.attributes?.[name]?.private === true ||
  (Array.isArray(model?.privateAttributes) && model.privateAttributes.includes(name));

/** `populate` as content API query parameters: populate[a]=true, populate[b][populate][c]=true. */
const populateQuery = (populate: Record<string, unknown>, prefix = 'populate'): string[] =>
  Object.entries(populate).flatMap(([name, value]) =>
    value && typeof value === 'object' && (value as any).populate
      ? populateQuery((value as any).populate, `${prefix}[${name}][populate]`)
      : [`${prefix}[${name}]=true`]
  );

export interface PublishedVersion {
  uid: string;
  documentId: string;
  locale: string | null;
  headline: string | null;
  trust: PublicTrust;
  badgeLabel: string | undefined;
  notVerifiedLabel: string | undefined;
  /** The disclosure in words, in the version's locale (shared/disclosure.ts). */
  disclosureText: string;
  publishingPrinciplesUrl: string | null;
  responsibility: EditorialResponsibility | null;
  /** ISO 8601; see shared/json-ld.ts `publicationDates`. */
  datePublished: string | null;
  dateModified: string | null;
}

/**
 * What API consumers get besides the `trust` field: an SVG badge and schema.org JSON-LD, both computed from the
 * published version only. Access control is the controller's job (see content-api-access.ts).
 */
const createOutputsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const headlineOf = (uid: string, row: Record<string, unknown>): string | null => {
    const model: any = strapi.contentType(uid as any);
    const attribute = model?.attributes?.title;
    if (!attribute || !HEADLINE_TYPES.has(attribute.type) || isPrivate(model, 'title')) return null;
    return typeof row.title === 'string' && row.title.trim() !== '' ? row.title : null;
  };

  /**
   * The published version of one document in one locale, presented as the content API presents it. `withReview`: a
   * verified version's review record (verifiedAt, verifiedBy, editorial responsibility) is its verify event's, and
   * none when no event records it.
   */
  const loadPublished = async (
    { uid, documentId, locale }: Target,
    { withReview = false } = {}
  ): Promise<PublishedVersion> => {
    const where: Record<string, unknown> = { documentId };
    if (locale) where.locale = locale;
    // Only the published row: drafts never reach this output. (Without draft & publish, the one row is live.)
    const draftAndPublish = hasDraftAndPublish(strapi, uid);
    if (draftAndPublish) where.publishedAt = { $notNull: true };
    // In turn, not with Promise.all: inside a transaction both would go to its one connection at once.
    const row = await strapi.db.query(uid as any).findOne({ where });
    if (!row) throw notFound();
    const context = await getService(strapi, 'settings').presentationContext();
    const id = Number(row.id);
    // One read of the trust row: the public object and the editorial responsibility both come from it.
    const stored =
      (await loadTrustRows(strapi, uid, getPluginConfig(strapi).attributeName, [id])).get(id)?.trust ?? defaultTrust();
    let trust = presentTrust(stored, { uid, locale }, context);
    let responsibility = responsiblePartyOf(stored, context.settings);
    if (withReview && trust.status === 'verified' && stored.verifiedHash) {
      const event = await getService(strapi, 'audit').verifyEventOf(
        uid,
        documentId,
        row.locale ?? null,
        stored.verifiedHash
      );
      const review = event ? reviewOf(event, context.settings) : null;
      trust = { ...trust, verifiedAt: review?.verifiedAt ?? null, verifiedBy: review?.verifiedBy ?? null };
      if (review) responsibility = review.editorialResponsibility;
    }
    return {
      uid,
      documentId,
      locale,
      headline: headlineOf(uid, row),
      trust,
      badgeLabel: pickLocalized(context.settings.badgeLabel, locale, context.defaultLocale),
      notVerifiedLabel: pickLocalized(context.settings.notVerifiedLabel, locale, context.defaultLocale),
      publishingPrinciplesUrl: context.settings.publishingPrinciplesUrl,
      disclosureText: disclosureWords(trust.disclosure.value, locale ?? context.defaultLocale),
      responsibility,
      ...publicationDates(row, draftAndPublish),
    };
  };

  /** The content API path that returns one entry with what its content hash covers (components populated). */
  const contentPathOf = (
    uid: string,
    documentId: string,
    locale: string | null,
    populate: Record<string, unknown>
  ): string => {
    const model: any = strapi.contentType(uid as any);
    const query = [...(locale ? [`locale=${encodeURIComponent(locale)}`] : []), ...populateQuery(populate)];
    const base =
      model.kind === 'singleType' ? `/api/${model.info.singularName}` : `/api/${model.info.pluralName}/${documentId}`;
    return query.length > 0 ? `${base}?${query.join('&')}` : base;
  };

  return {
    loadPublished,

    /**
     * The verification receipt of the published version (docs/compliance.md#verification-receipts): its content hash
     * now, what the hash covers and where to read it, and, when verified, the review record and the audit event. The
     * flat keys repeat the hash and the review record (null unless verified) and add the audit chain's head now.
     */
    async receipt({ uid, documentId, locale }: Target): Promise<Receipt> {
      const draftAndPublish = hasDraftAndPublish(strapi, uid);
      const versions = await loadVersions(strapi, uid, documentId, { locale, withContent: true });
      const version = versions.find((candidate) => !draftAndPublish || candidate.published);
      if (!version) throw notFound();
      const context = await getService(strapi, 'settings').presentationContext();
      const { hash } = hashOfVersion(strapi, uid, version);
      // The version's trust row came with it: presented as every channel presents it, without a second query. A
      // receipt certifies content, so its status is judged against the hash of this content (shownStatus).
      const trust = presentTrust(
        { ...version.trust, status: shownStatus(version.trust, { hash }) },
        { uid, locale: version.locale },
        context
      );
      const { names, populate } = hashSetup(strapi, uid);
      const model: any = strapi.contentType(uid as any);
      const audit = getService(strapi, 'audit');
      // The head row as it is now: a plain read, no lock (a public GET never locks or writes the chain). One after the
      // other: two queries at once on one connection is what pg 9 will refuse.
      const { head: chainHead } = await audit.chainHead();
      const event =
        trust.status === 'verified' ? await audit.verifyEventOf(uid, documentId, version.locale, hash) : null;
      // Only what the chain records is certified: a verified row that no verify event records has no verification.
      const verification: Receipt['verification'] = event?.hash
        ? {
            ...reviewOf(event, context.settings),
            auditEvent: { id: event.id, at: event.at, hash: event.hash, prevHash: event.prevHash },
          }
        : null;
      return {
        uid,
        documentId,
        locale: version.locale,
        status: trust.status,
        // The receipt's flat keys (docs/compliance.md#verification-receipts); `content` and `verification` give the
        // detail.
        contentHash: hash,
        verifiedAt: verification?.verifiedAt ?? null,
        checks: verification?.checks ?? null,
        editorialResponsibility: verification?.editorialResponsibility ?? null,
        chainHead,
        disclosure: trust.disclosure,
        content: {
          algorithm: 'sha256',
          hash,
          fields: names,
          path: contentPathOf(uid, documentId, version.locale, populate),
          recomputable: names.every((name) => model.attributes[name] && !isPrivate(model, name)),
        },
        verification,
      };
    },

    /**
     * The badge: the settings label for the locale when the published version is verified, else "Not verified"; then
     * the AI mark when AI was involved, and the disclosure in words, in the same locale.
     */
    async badge(target: Target): Promise<Badge> {
      const [version, context] = await Promise.all([
        loadPublished(target),
        getService(strapi, 'settings').presentationContext(),
      ]);
      // A locale without a configured label gets its language's reader words (shared/reader-words.ts), not English.
      const { settings, defaultLocale } = context;
      const locale = version.locale ?? defaultLocale;
      const words = readerWords(locale);
      const { aiInvolvement } = version.trust;
      return renderBadge({
        verified: version.trust.status === 'verified',
        label: pickLocalizedWord(settings.badgeLabel, version.locale, defaultLocale, (own) => own.humanVerified),
        notVerifiedLabel: pickLocalizedWord(
          settings.notVerifiedLabel,
          version.locale,
          defaultLocale,
          (own) => own.notVerified
        ),
        disclosure: version.disclosureText,
        ai:
          aiInvolvement === 'generated' || aiInvolvement === 'assisted'
            ? { acronym: words.ai, layer: aiInvolvement === 'generated' ? words.aiGenerated : words.aiModified }
            : null,
      });
    },

    /** schema.org JSON-LD of the published version. */
    async jsonLd(target: Target): Promise<Record<string, unknown>> {
      const version = await loadPublished(target, { withReview: true });
      const types = (getPluginConfig(strapi).jsonLdTypes ?? {}) as Record<string, SchemaOrgType>;
      return buildJsonLd({
        type: types[version.uid] ?? DEFAULT_SCHEMA_ORG_TYPE,
        headline: version.headline,
        locale: version.locale,
        trust: version.trust,
        publishingPrinciplesUrl: version.publishingPrinciplesUrl,
        responsibility: version.responsibility,
        datePublished: version.datePublished,
        dateModified: version.dateModified,
      });
    },
  };
};

export default createOutputsService;
