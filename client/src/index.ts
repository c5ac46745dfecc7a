// strapi-plugin-trust-labels/client: what readers see under an article (SPEC.md "What readers see"), as an HTML
// fragment, from the content API's `trust` object. No dependencies and no Node built-ins: it runs in browsers, Node and
// edge runtimes. The React component (client/src/react.ts) renders the same markup.

import { READER_WORDS, readerLanguageOf, type ReaderWords } from '../../shared/reader-words';

/** The content API's `trust` object (README "What API consumers get"). Every field is read defensively. */
export interface TrustLabelsTrust {
  status?: string | null;
  verifiedAt?: string | null;
  verifiedBy?: string | null;
  aiInvolvement?: string | null;
  disclaimer?: string | null;
  sources?: Array<{
    title?: string | null;
    url?: string | null;
    publisher?: string | null;
    accessedAt?: string | null;
  } | null> | null;
  disclosure?: { value?: string | null; labelRequired?: boolean | null } | null;
}

/** The parts of the labels, in the order they are shown; `omit` leaves any of them out. */
export type TrustLabelsPart = 'heading' | 'aiLabel' | 'disclaimer' | 'sources' | 'verified';

export type TrustLabelsWords = Omit<ReaderWords, 'thisSite'>;

export interface TrustLabelsOptions {
  /** The reader's locale (the entry's): the words and the dates' language. Default `en`. */
  locale?: string | null;
  /** The level of the section's heading (2 by default); "Sources" is one level below. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Words to use instead of the built-in ones (any of them; `disclosure` per value). */
  words?: Partial<Omit<TrustLabelsWords, 'disclosure'>> & { disclosure?: Partial<TrustLabelsWords['disclosure']> };
  /** Parts to leave out. */
  omit?: readonly TrustLabelsPart[];
  /** Show the verifier's name when the API gives one (true by default). */
  showVerifier?: boolean;
  /** Formats a date for readers (default: `Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })`). */
  formatDate?: (date: Date, locale: string) => string;
  /** More classes on the root element. */
  className?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** Escapes text for HTML content and attribute values, as React does (the two renderers' outputs are equal). */
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Only web links become links: a `javascript:` or `data:` URL in a source stays text. */
const safeUrl = (value: unknown): string | null => {
  const url = text(value)?.trim();
  return url && /^https?:\/\//i.test(url) ? url : null;
};

/** A date the API sent (`2026-12-07` or an ISO timestamp), or null when it is not one. */
const readDate = (value: unknown): { date: Date; datetime: string } | null => {
  const raw = text(value);
  if (!raw || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw.trim())) return null;
  const date = new Date(raw.trim());
  if (Number.isNaN(date.getTime())) return null;
  const dayOnly = raw.trim().length === 10;
  return { date, datetime: dayOnly ? date.toISOString().slice(0, 10) : date.toISOString() };
};

const defaultFormatDate = (date: Date, locale: string): string => {
  for (const candidate of [locale, 'en']) {
    try {
      return new Intl.DateTimeFormat(candidate, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(date);
    } catch {
      // An unknown or malformed locale: try English.
    }
  }
  return date.toISOString().slice(0, 10);
};

/** Fills `{name}` in an escaped template with HTML (already escaped). */
const fill = (template: string, name: string, html: string) => template.split(`{${name}}`).map(escapeHtml).join(html);

/** The AI acronym as a mark: a dark rounded square with white letters (contrast 15.8:1), readable at 16 px. */
export const aiMarkSvg = (acronym: string): string =>
  '<svg class="trust-labels__mark" width="1.75em" height="1.25em" viewBox="0 0 28 20" aria-hidden="true" focusable="false">' +
  '<rect width="28" height="20" rx="4" fill="#1f2328"></rect>' +
  '<text x="14" y="15" text-anchor="middle" font-family="Verdana,Arial,sans-serif" font-size="13.5" font-weight="700" fill="#ffffff">' +
  `${escapeHtml(acronym)}</text></svg>`;

/** The root element's attributes and its inner HTML, or null when there is nothing to show (shared with React). */
export interface TrustLabelsMarkup {
  className: string;
  lang: string | undefined;
  aiDisclosure: string | undefined;
  inner: string;
}

const wordsFor = (options: TrustLabelsOptions): TrustLabelsWords => {
  const base = READER_WORDS[readerLanguageOf(options.locale) ?? 'en'];
  const { disclosure, ...rest } = options.words ?? {};
  const own: Partial<TrustLabelsWords> = {};
  for (const [key, value] of Object.entries(rest))
    if (typeof value === 'string') (own as Record<string, string>)[key] = value;
  const disclosureOwn: Record<string, string> = {};
  for (const [key, value] of Object.entries(disclosure ?? {}))
    if (typeof value === 'string') disclosureOwn[key] = value;
  return { ...base, ...own, disclosure: { ...base.disclosure, ...disclosureOwn } };
};

export const trustLabelsMarkup = (
  trust: TrustLabelsTrust | null | undefined,
  options: TrustLabelsOptions = {}
): TrustLabelsMarkup | null => {
  if (!trust || typeof trust !== 'object') return null;
  const words = wordsFor(options);
  const language = readerLanguageOf(options.locale);
  const locale = language ? String(options.locale).replace(/_/g, '-') : 'en';
  const omit = new Set(options.omit ?? []);
  const level = Math.min(Math.max(Math.trunc(Number(options.headingLevel) || 2), 1), 6);
  const formatDate = options.formatDate ?? defaultFormatDate;
  const time = (value: unknown) => {
    const read = readDate(value);
    return read
      ? `<time datetime="${escapeHtml(read.datetime)}">${escapeHtml(formatDate(read.date, locale))}</time>`
      : null;
  };

  const parts: string[] = [];
  const disclosure = trust.disclosure && typeof trust.disclosure === 'object' ? trust.disclosure : null;
  const disclosureValue = text(disclosure?.value);
  const required = disclosure?.labelRequired === true;
  const involvement = trust.aiInvolvement;

  if (!omit.has('aiLabel') && (involvement === 'assisted' || involvement === 'generated' || required)) {
    const layer = involvement === 'generated' ? words.aiGenerated : words.aiModified;
    const detail =
      // A required label of a version nobody reviewed also says so; a reviewed one has the "Human Verified" line.
      required && disclosureValue === 'ai-autonomous'
        ? `<span class="trust-labels__ai-detail"> · ${escapeHtml(words.disclosure['ai-autonomous'])}</span>`
        : '';
    parts.push(
      `<p class="trust-labels__ai${required ? ' trust-labels__ai--required' : ''}">${aiMarkSvg(words.ai)} ` +
        `<strong class="trust-labels__ai-layer">${escapeHtml(layer)}</strong>${detail}</p>`
    );
  }

  const disclaimer = text(trust.disclaimer);
  if (!omit.has('disclaimer') && disclaimer)
    parts.push(`<p class="trust-labels__disclaimer">${escapeHtml(disclaimer)}</p>`);

  const sources = Array.isArray(trust.sources)
    ? trust.sources.filter(
        (source) => source && typeof source === 'object' && (text(source.title) || safeUrl(source.url))
      )
    : [];
  if (!omit.has('sources') && sources.length > 0) {
    const items = sources.map((source) => {
      const url = safeUrl(source!.url);
      const title = escapeHtml(text(source!.title) ?? url);
      const link = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${title}</a>` : title;
      const meta: string[] = [];
      const publisher = text(source!.publisher);
      if (publisher) meta.push(escapeHtml(publisher));
      const accessed = time(source!.accessedAt);
      if (accessed) meta.push(fill(words.accessed, 'date', accessed));
      return `<li>${link}${meta.length > 0 ? `<span class="trust-labels__source-meta">, ${meta.join(', ')}</span>` : ''}</li>`;
    });
    const sub = Math.min(level + 1, 6);
    parts.push(
      `<h${sub} class="trust-labels__sources-heading">${escapeHtml(words.sources)}</h${sub}><ol class="trust-labels__sources">${items.join('')}</ol>`
    );
  }

  if (!omit.has('verified') && trust.status === 'verified') {
    const at = time(trust.verifiedAt);
    const by = options.showVerifier === false ? null : text(trust.verifiedBy);
    parts.push(
      '<p class="trust-labels__verified"><span class="trust-labels__check" aria-hidden="true">✔</span> ' +
        `<strong>${escapeHtml(words.humanVerified)}</strong>` +
        (at ? ` · ${at}` : '') +
        (by ? ` · <span class="trust-labels__verifier">${fill(words.reviewer, 'name', escapeHtml(by))}</span>` : '') +
        '</p>'
    );
  }

  if (parts.length === 0) return null;
  const heading = omit.has('heading')
    ? ''
    : `<h${level} class="trust-labels__heading">${escapeHtml(words.heading)}</h${level}>`;
  const extra = text(options.className);
  return {
    className: extra ? `trust-labels ${extra.trim()}` : 'trust-labels',
    lang: language ? locale : undefined,
    aiDisclosure: disclosureValue ?? undefined,
    inner: heading + parts.join(''),
  };
};

/**
 * The labels as an HTML fragment: a `<section class="trust-labels">` with, in the bytevyte article's order, the AI
 * label (when AI was involved; prominent when `disclosure.labelRequired`), the disclaimer, the "Sources" list and
 * "✔ Human Verified" for a verified version. An empty string when there is nothing to show. Every value is escaped.
 */
export const renderTrustLabels = (
  trust: TrustLabelsTrust | null | undefined,
  options: TrustLabelsOptions = {}
): string => {
  const markup = trustLabelsMarkup(trust, options);
  if (!markup) return '';
  const attributes =
    `class="${escapeHtml(markup.className)}"` +
    (markup.lang ? ` lang="${escapeHtml(markup.lang)}"` : '') +
    (markup.aiDisclosure ? ` ai-disclosure="${escapeHtml(markup.aiDisclosure)}"` : '');
  return `<section ${attributes}>${markup.inner}</section>`;
};

/**
 * Optional styles (the markup reads well without them). Colours: the mark is white on #1f2328 (15.8:1); text
 * inherits the page's colours; the check mark is #1a7f37 (5.1:1 on white).
 */
export const TRUST_LABELS_CSS = `.trust-labels{margin:2em 0 0;padding:1em 0 0;border-top:1px solid #d0d7de;line-height:1.5}
.trust-labels__heading{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.trust-labels__ai{display:flex;flex-wrap:wrap;align-items:center;gap:.5em;margin:0 0 .75em}
.trust-labels__mark{flex:none;width:1.75em;height:1.25em}
.trust-labels__ai--required{padding:.5em .75em;border:2px solid #1f2328;border-radius:6px}
.trust-labels__ai-detail{font-weight:400}
.trust-labels__disclaimer{margin:0 0 .75em;font-style:italic}
.trust-labels__sources-heading{font-size:1em;margin:0 0 .25em}
.trust-labels__sources{margin:0 0 .75em;padding-left:1.5em}
.trust-labels__sources a{color:inherit;text-decoration:underline}
.trust-labels__verified{margin:0}
.trust-labels__check{color:#1a7f37;font-weight:700}`;

export { READER_WORDS, READER_LANGUAGES } from '../../shared/reader-words';
export type { ReaderWords, ReaderLanguage } from '../../shared/reader-words';
