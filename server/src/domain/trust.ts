// The trust of one version as the database stores it, and what each reader is shown of it. Pure: no Strapi.
import { resolveDisclaimer } from '../../../shared/disclaimer';
import type {
  AiInvolvement,
  DisclaimerMode,
  EditorialResponsibility,
  PublicTrust,
  ReviewCheck,
  Settings,
  Source,
  TrustState,
  TrustSuggestion,
  VerificationStatus,
} from '../../../shared/trust';
import { AI_INVOLVEMENT, DISCLAIMER_MODES, VERIFICATION_STATUSES } from '../../../shared/trust';
import { publicInterestOf, resolveDisclosure, responsiblePartyOf, shownStatus } from './status';

export { responsiblePartyOf, shownStatus };

/** The trust component row of one version, internal fields included (see components/index.ts). */
export interface StoredTrust {
  status: VerificationStatus;
  verifiedAt: string | null;
  aiInvolvement: AiInvolvement;
  disclaimerMode: DisclaimerMode;
  disclaimerText: string | null;
  sources: Source[];
  verifiedHash: string | null;
  fieldHashes: Record<string, string> | null;
  changedFields: string[] | null;
  verifiedById: number | null;
  verifiedByName: string | null;
  /** The checks confirmed at the last verification. */
  checks: ReviewCheck[] | null;
  /** The entry's own editorial responsibility (a label), when it names one. */
  editorialResponsibility: EditorialResponsibility | null;
  /** The AI involvement declared at the last verification (null: recorded before 0.3, see domain/status.ts). */
  verifiedAiInvolvement: AiInvolvement | null;
  /** The entry's own answer to "of public interest?" (a label); null: the type's setting. */
  publicInterest: boolean | null;
  /**
   * The content as it was hashed at the last verification (the hashed attributes' canonical values and the sources),
   * for the diff of a stale version; loaded only when asked (it holds the whole text).
   */
  verifiedContent: Record<string, unknown> | null;
  /** An AI agent's pending suggestion (MCP), for an editor to accept or dismiss; not hashed, never public. */
  suggestion: TrustSuggestion | null;
}

/** What presenting trust needs besides the row: the settings and the i18n default locale. */
export interface PresentationContext {
  settings: Settings;
  defaultLocale: string;
}

export const defaultTrust = (): StoredTrust => ({
  status: 'unverified',
  verifiedAt: null,
  aiInvolvement: 'unknown',
  disclaimerMode: 'default',
  disclaimerText: null,
  sources: [],
  verifiedHash: null,
  fieldHashes: null,
  changedFields: null,
  verifiedById: null,
  verifiedByName: null,
  checks: null,
  editorialResponsibility: null,
  verifiedAiInvolvement: null,
  publicInterest: null,
  verifiedContent: null,
  suggestion: null,
});

/** The fields a verification records, all cleared by an unverify. */
export const CLEARED_VERIFICATION = {
  status: 'unverified',
  verifiedAt: null,
  verifiedHash: null,
  fieldHashes: null,
  changedFields: null,
  verifiedById: null,
  verifiedByName: null,
  checks: null,
  verifiedAiInvolvement: null,
  verifiedContent: null,
} as const satisfies Partial<StoredTrust>;

const toIsoOrNull = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  // SQLite returns datetimes as milliseconds, sometimes as a numeric string.
  const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const toDateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
  return /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
};

/**
 * A source URL is shown only if it is http(s), as every write requires (shared/schemas.ts `httpUrlProblem`): a value
 * written around the plugin (SQL, an import) such as `javascript:…` must never reach a front end's `href`. A prefix
 * test, not a full parse: it runs for every source of every entry a list returns.
 */
const SHOWN_URL = /^https?:\/\/[^\s]/i;

const VALID_STATUS = new Set<string>(VERIFICATION_STATUSES);
const VALID_AI_INVOLVEMENT = new Set<string>(AI_INVOLVEMENT);
const VALID_DISCLAIMER_MODE = new Set<string>(DISCLAIMER_MODES);
/** One of `valid`, else `fallback`: a value outside the documented set (written by SQL) is never shown. */
const oneOf = <T extends string>(valid: Set<string>, value: unknown, fallback: T): T =>
  typeof value === 'string' && valid.has(value) ? (value as T) : fallback;

const parseJson = <T>(value: unknown): T | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A boolean column: drivers return true/false, 1/0 (SQLite, MySQL) or null. */
const toBooleanOrNull = (value: unknown): boolean | null => {
  if (value === true || value === 1 || value === '1' || value === 't' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'f' || value === 'false') return false;
  return null;
};

/**
 * A stored source. The plugin writes `{ title, url, publisher, accessedAt }`; 0.1 wrote the same four values as an
 * array, which is still read. Anything else is dropped.
 */
const toSource = (raw: unknown): Source | null => {
  const [title, url, publisher, accessedAt] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object'
      ? [(raw as any).title, (raw as any).url, (raw as any).publisher, (raw as any).accessedAt]
      : [];
  if (typeof title !== 'string' || typeof url !== 'string' || !SHOWN_URL.test(url)) return null;
  return { title, url, publisher: text(publisher), accessedAt: toDateOnly(accessedAt) };
};

/** The sources stored on a trust row: the JSON column, parsed if the driver returns text. */
const readSources = (value: unknown): Source[] => {
  const list = parseJson<unknown[]>(value);
  if (!Array.isArray(list)) return [];
  return list.map(toSource).filter((source): source is Source => source !== null);
};

/** A trust row as the query engine or a raw query returns it (or none, for entries older than the plugin). */
export const normalizeTrust = (raw: any): StoredTrust => {
  if (!raw || typeof raw !== 'object') return defaultTrust();
  return {
    // Any other value (written around the plugin) is not a verification: shown as unverified.
    status: oneOf<VerificationStatus>(VALID_STATUS, raw.status, 'unverified'),
    verifiedAt: toIsoOrNull(raw.verifiedAt),
    aiInvolvement: oneOf<AiInvolvement>(VALID_AI_INVOLVEMENT, raw.aiInvolvement, 'unknown'),
    disclaimerMode: oneOf<DisclaimerMode>(VALID_DISCLAIMER_MODE, raw.disclaimerMode, 'default'),
    disclaimerText: text(raw.disclaimerText),
    sources: readSources(raw.sourcesJson),
    verifiedHash: text(raw.verifiedHash),
    fieldHashes: parseJson<Record<string, string>>(raw.fieldHashes),
    changedFields: parseJson<string[]>(raw.changedFields),
    verifiedById: raw.verifiedById === null || raw.verifiedById === undefined ? null : Number(raw.verifiedById),
    verifiedByName: text(raw.verifiedByName),
    checks: parseJson<ReviewCheck[]>(raw.checks),
    editorialResponsibility: parseJson<EditorialResponsibility>(raw.editorialResponsibility),
    verifiedAiInvolvement:
      raw.verifiedAiInvolvement === null || raw.verifiedAiInvolvement === undefined
        ? null
        : oneOf<AiInvolvement>(VALID_AI_INVOLVEMENT, raw.verifiedAiInvolvement, 'unknown'),
    publicInterest: toBooleanOrNull(raw.publicInterest),
    verifiedContent: parseJson<Record<string, unknown>>(raw.verifiedContent),
    suggestion: parseJson<TrustSuggestion>(raw.suggestion),
  };
};

/** Sources as they are written: every key present. */
export const toStoredSources = (sources: Source[]): Source[] =>
  sources.map((source) => ({
    title: source.title,
    url: source.url,
    publisher: source.publisher ?? null,
    accessedAt: source.accessedAt ?? null,
  }));

/** A whole trust row as the document service writes it (a new version, a clone): the stored shape, column names. */
export const toWritableTrust = (trust: StoredTrust) => {
  const { sources, ...rest } = trust;
  return { ...rest, sourcesJson: toStoredSources(sources) };
};

/**
 * Resolves disclaimers for many entries under one context: the default text for a locale and `aiInvolvement` is
 * computed once, not once per entry (content API lists present up to 100 per request).
 */
export const disclaimerResolver = (context: PresentationContext) => {
  const defaults = new Map<string, string | null>();
  return (
    trust: Pick<StoredTrust, 'disclaimerMode' | 'disclaimerText' | 'aiInvolvement'>,
    locale: string | null | undefined
  ) => {
    const input = { mode: trust.disclaimerMode, text: trust.disclaimerText, aiInvolvement: trust.aiInvolvement };
    if (input.mode !== 'default') return resolveDisclaimer(input, context.settings, locale, context.defaultLocale);
    const key = `${locale ?? ''}\u0000${input.aiInvolvement}`;
    let resolved = defaults.get(key);
    if (resolved === undefined) {
      resolved = resolveDisclaimer(input, context.settings, locale, context.defaultLocale);
      defaults.set(key, resolved);
    }
    return resolved;
  };
};

type DisclaimerResolver = ReturnType<typeof disclaimerResolver>;

/** The public trust object: what the content API, GraphQL, the badge and JSON-LD show of a version. */
export const presentTrust = (
  stored: StoredTrust,
  { uid, locale }: VersionRef,
  context: PresentationContext,
  resolve: DisclaimerResolver = disclaimerResolver(context)
): PublicTrust => {
  const status = shownStatus(stored);
  const trust = status === stored.status ? stored : { ...stored, status };
  return {
    status,
    verifiedAt: status === 'unverified' ? null : trust.verifiedAt,
    verifiedBy: context.settings.showVerifierName && status !== 'unverified' ? trust.verifiedByName : null,
    aiInvolvement: trust.aiInvolvement,
    disclaimer: resolve(trust, locale),
    sources: trust.sources,
    disclosure: resolveDisclosure({
      status,
      aiInvolvement: trust.aiInvolvement,
      publicInterest: publicInterestOf(trust.publicInterest, context.settings, uid),
      responsibleParty: responsiblePartyOf(trust, context.settings),
    }),
  };
};

/** Which version is presented: its type (whose settings apply) and its locale (whose texts apply). */
interface VersionRef {
  uid: string;
  locale: string | null | undefined;
}

/** The admin API's view of a version: the public object plus what editors set and see. */
export const presentTrustState = (
  trust: StoredTrust,
  version: VersionRef,
  context: PresentationContext,
  contentHash: string
): TrustState => ({
  ...presentTrust(trust, version, context),
  disclaimerMode: trust.disclaimerMode,
  disclaimerText: trust.disclaimerText,
  changedFields: trust.status === 'stale' ? (trust.changedFields ?? []) : [],
  verifiedBy:
    trust.status !== 'unverified' && trust.verifiedById !== null
      ? { id: trust.verifiedById, name: trust.verifiedByName ?? '' }
      : null,
  contentHash,
  checks: trust.status === 'unverified' ? null : trust.checks,
  editorialResponsibility: trust.editorialResponsibility,
  responsibleParty: responsiblePartyOf(trust, context.settings),
  publicInterest: trust.publicInterest,
  publicInterestApplied: publicInterestOf(trust.publicInterest, context.settings, version.uid),
  suggestion: trust.suggestion,
});
