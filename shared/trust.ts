import type { Disclosure } from './disclosure-values';
import { DEFAULT_DISCLAIMERS, READER_WORDS } from './reader-words';
// Values and defaults of the trust data (docs/editors.md#what-editors-set and docs/install-and-configure.md#settings).

export const AI_INVOLVEMENT = ['unknown', 'none', 'assisted', 'generated'] as const;
export type AiInvolvement = (typeof AI_INVOLVEMENT)[number];

export const DISCLAIMER_MODES = ['default', 'custom', 'off'] as const;
export type DisclaimerMode = (typeof DISCLAIMER_MODES)[number];

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'stale'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * What a verifier checked (the EU Commission's Art. 50 guidelines: "a deliberate examination of the content for
 * accuracy, plausibility and sources").
 */
export const REVIEW_CHECKS = ['accuracy', 'plausibility', 'sources'] as const;
export type ReviewCheck = (typeof REVIEW_CHECKS)[number];

/** Who holds editorial responsibility: a person or organisation, and optionally a page about them. */
export interface EditorialResponsibility {
  name: string;
  url?: string | null;
  /** schema.org type in JSON-LD; Organization when not given. */
  type?: 'Organization' | 'Person';
}

export const LIMITS = {
  sources: 50,
  sourceTitle: 300,
  sourceUrl: 2048,
  sourcePublisher: 200,
  disclaimerText: 2000,
  siteName: 200,
  badgeLabel: 60,
  responsibleName: 200,
  note: 2000,
  requiredSources: 50,
  /** Locales one per-locale setting (disclaimers, badge labels) may hold. */
  settingsLocales: 100,
} as const;

export interface Source {
  title: string;
  url: string;
  publisher?: string | null;
  accessedAt?: string | null;
}

type DisclaimerTexts = Record<AiInvolvement, string | null>;

export interface Settings {
  siteName: string;
  disclaimers: Record<string, DisclaimerTexts>;
  badgeLabel: Record<string, string>;
  /** The badge's text when the published version is not verified, per locale (fallback like badgeLabel). */
  notVerifiedLabel: Record<string, string>;
  requiredSources: number;
  /** The checks a verifier must confirm. */
  requiredChecks: ReviewCheck[];
  /** Who holds editorial responsibility for the site's entries (an entry may name another). */
  editorialResponsibility: EditorialResponsibility | null;
  fourEyes: boolean;
  showVerifierName: boolean;
  requireDisclosure: boolean;
  publishingPrinciplesUrl: string | null;
  /**
   * Whether each type's texts are published to inform the public on matters of public interest (AI Act Art. 50(4)):
   * `{ [uid]: boolean }`; a type not listed is (true). An entry may answer for itself (its `publicInterest` label).
   */
  publicInterest: Record<string, boolean>;
}

/**
 * The settings' defaults. Disclaimers, badge labels: the English words of the reader words table
 * (shared/reader-words.ts). Other languages are not listed here (the Settings page shows one tab per listed
 * locale): an entry whose locale has no configured text gets its language's built-in words (shared/disclaimer.ts).
 */
export const DEFAULT_SETTINGS: Settings = {
  siteName: READER_WORDS.en.thisSite,
  disclaimers: { en: { ...DEFAULT_DISCLAIMERS.en } },
  badgeLabel: { en: READER_WORDS.en.humanVerified },
  notVerifiedLabel: { en: READER_WORDS.en.notVerified, fr: READER_WORDS.fr.notVerified },
  requiredSources: 1,
  requiredChecks: [...REVIEW_CHECKS],
  editorialResponsibility: null,
  fourEyes: false,
  showVerifierName: false,
  requireDisclosure: true,
  publishingPrinciplesUrl: null,
  publicInterest: {},
};

/** The trust object every content API response carries for an entry of an enabled type. */
export interface PublicTrust {
  status: VerificationStatus;
  verifiedAt: string | null;
  verifiedBy: string | null;
  aiInvolvement: AiInvolvement;
  disclaimer: string | null;
  sources: Source[];
  /** The AI disclosure of this version (shared/disclosure.ts): the W3C value and whether a label is required. */
  disclosure: Disclosure;
}

/**
 * An AI agent's pending suggestion on a draft's labels (MCP tool trust_labels_suggest), never applied until an editor
 * accepts it. It only ever raises the AI disclosure and adds sources; it is not hashed and never public.
 */
export interface TrustSuggestion {
  /** A higher AI involvement than the editor's, or null when the agent suggested none. */
  aiInvolvement: AiInvolvement | null;
  /** Sources to add (none of them already on the draft). */
  sources: Source[];
  suggestedAt: string;
  /** The owner of the agent's admin token. */
  suggestedBy: { id: number | null; name: string } | null;
}

/** The admin API's view of one version: the public trust object plus editor fields. */
export interface TrustState extends Omit<PublicTrust, 'verifiedBy'> {
  disclaimerMode: DisclaimerMode;
  disclaimerText: string | null;
  changedFields: string[];
  verifiedBy: { id: number; name: string } | null;
  /** SHA-256 content hash of the version now: a verify that sends it answers 409 if the content changed since. */
  contentHash: string;
  /** What the verifier confirmed at the last verification (null when unverified). */
  checks: ReviewCheck[] | null;
  /** The entry's own editorial responsibility, when it names one (labels). */
  editorialResponsibility: EditorialResponsibility | null;
  /** Who holds editorial responsibility for this version: the entry's own, else the site's (settings), else null. */
  responsibleParty: EditorialResponsibility | null;
  /** The entry's own answer to "published to inform the public on matters of public interest?"; null: the type's. */
  publicInterest: boolean | null;
  /** What applies to this version: its own answer, else its type's setting (default true). */
  publicInterestApplied: boolean;
  /** An AI agent's pending suggestion (draft only; null on the published version and when there is none). */
  suggestion: TrustSuggestion | null;
}
