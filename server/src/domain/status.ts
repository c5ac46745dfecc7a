// What a version's status, disclosure and label are: the one place of these rules
// (docs/editors.md#human-verification-that-never-lies, docs/compliance.md#ai-disclosure). Every reader (content API,
// GraphQL, badge, JSON-LD, receipt, admin state, queue, report, integrity check) and every writer (verify, recompute
// after a write, label edits) asks here. Pure: no Strapi.
import type { Disclosure } from '../../../shared/disclosure';
import type { AiInvolvement, EditorialResponsibility, Settings, VerificationStatus } from '../../../shared/trust';
import { changedFieldNames } from './hash';

/** The name `changedFields` gives a change of the declared AI involvement (it is not a content attribute). */
export const AI_INVOLVEMENT_FIELD = 'aiInvolvement';

/** What the rules read of a stored trust row. */
interface StatusFacts {
  status: VerificationStatus;
  aiInvolvement: AiInvolvement;
  /** The content hash recorded by the last verification; null when never verified (or withdrawn). */
  verifiedHash: string | null;
  /** The per-field hashes recorded with it. */
  fieldHashes?: Record<string, string> | null;
  /**
   * The AI involvement declared when the version was verified. Null on a verification recorded before 0.3, which
   * recorded none: for those, the involvement declared now is the one reviewed (nothing is migrated silently), until
   * a label edit records it (services/labels.ts).
   */
  verifiedAiInvolvement?: AiInvolvement | null;
}

/** The content of a version now, as hashed (domain/hash.ts). */
interface CurrentContent {
  hash: string;
  fieldHashes?: Record<string, string>;
}

/** AI took part in the text: the involvements that the AI Act's Art. 50(4) concerns. */
const isAiDeclared = (aiInvolvement: AiInvolvement): boolean =>
  aiInvolvement === 'assisted' || aiInvolvement === 'generated';

/** The AI involvement a verification covers: the one recorded with it, else (a 0.2 verification) the current one. */
export const reviewedInvolvement = (
  trust: Pick<StatusFacts, 'aiInvolvement' | 'verifiedAiInvolvement'>
): AiInvolvement => trust.verifiedAiInvolvement ?? trust.aiInvolvement;

/**
 * The rule "verified ⇔ what was verified is what is there": verified exactly when the content hash equals the
 * recorded one and the declared AI involvement is the one the verifier saw; stale when either differs; unverified
 * without a recorded verification. `current` null: the content could not be hashed (no verification to compare).
 */
export const expectedStatus = (
  trust: Pick<StatusFacts, 'verifiedHash' | 'aiInvolvement' | 'verifiedAiInvolvement'>,
  current: Pick<CurrentContent, 'hash'> | null
): VerificationStatus => {
  if (!trust.verifiedHash || current === null) return 'unverified';
  if (current.hash !== trust.verifiedHash) return 'stale';
  return trust.aiInvolvement === reviewedInvolvement(trust) ? 'verified' : 'stale';
};

/** What changed since the verification: the hashed attributes (and sources) whose hash changed, then `aiInvolvement`. */
export const changedSinceVerification = (trust: StatusFacts, current: CurrentContent): string[] => {
  const fields =
    current.hash === trust.verifiedHash ? [] : changedFieldNames(trust.fieldHashes ?? null, current.fieldHashes ?? {});
  return trust.aiInvolvement === reviewedInvolvement(trust) ? fields : [...fields, AI_INVOLVEMENT_FIELD];
};

/**
 * The status a version may be shown with. A verification records the hash of what was verified, so a `verified` or
 * `stale` status without one (written around the plugin) is no verification at all. Given the content now (the
 * receipt hashes it), a `verified` status that the rule does not confirm is `stale`; without it, the stored status, which every write keeps
 * by the rule, is shown, and whether the stored hash is the content's is the integrity check's job.
 */
export const shownStatus = (trust: StatusFacts, current?: Pick<CurrentContent, 'hash'>): VerificationStatus => {
  if (trust.status !== 'unverified' && !trust.verifiedHash) return 'unverified';
  if (current !== undefined && trust.status === 'verified' && expectedStatus(trust, current) !== 'verified')
    return 'stale';
  return trust.status;
};

/** A version that needs a person: stale, or AI text that is not verified (the review queue, the report). */
export const needsReview = ({
  status,
  aiInvolvement,
}: {
  status: VerificationStatus;
  aiInvolvement: AiInvolvement;
}): boolean => status === 'stale' || (status === 'unverified' && isAiDeclared(aiInvolvement));

/** Whether a type's texts inform the public on matters of public interest: the entry's own answer, else the type's. */
export const publicInterestOf = (
  own: boolean | null | undefined,
  settings: Pick<Settings, 'publicInterest'>,
  uid: string | null | undefined
): boolean => {
  if (typeof own === 'boolean') return own;
  const byType = uid ? settings.publicInterest?.[uid] : undefined;
  return typeof byType === 'boolean' ? byType : true;
};

/** Who holds editorial responsibility for a version: the entry's own, else the site's, else nobody named. */
export const responsiblePartyOf = (
  trust: { editorialResponsibility?: EditorialResponsibility | null },
  settings: Pick<Settings, 'editorialResponsibility'>
): EditorialResponsibility | null => trust.editorialResponsibility ?? settings.editorialResponsibility ?? null;

interface DisclosureFacts {
  status: VerificationStatus;
  aiInvolvement: AiInvolvement;
  /** publicInterestOf(…) for this version. */
  publicInterest: boolean;
  /** responsiblePartyOf(…) for this version. */
  responsibleParty: EditorialResponsibility | null;
}

/**
 * One version's AI disclosure (shared/disclosure.ts says what the values mean).
 *
 * `value`, the W3C AI Content Disclosure value: `human-only` for `none`; for AI text, `ai-assisted` when a person
 * reviewed this exact version (`verified`; `stale` never counts: "review of an earlier version does not establish
 * review of subsequent changes"), else `ai-autonomous`; `null` when nothing is declared (`unknown`).
 *
 * `labelRequired`, as the Commission's guidelines on Art. 50(4) (C(2026) 5054) read it: AI-generated or AI-assisted
 * text published to inform the public on matters of public interest carries a visible label unless it underwent
 * human review **and** a natural or legal person holds editorial responsibility for it. Both: a verified version with
 * nobody named as responsible still needs the label.
 */
export const resolveDisclosure = ({
  status,
  aiInvolvement,
  publicInterest,
  responsibleParty,
}: DisclosureFacts): Disclosure => {
  if (aiInvolvement === 'none') return { value: 'human-only', labelRequired: false };
  if (aiInvolvement === 'unknown') return { value: null, labelRequired: false };
  const reviewed = status === 'verified';
  return {
    value: reviewed ? 'ai-assisted' : 'ai-autonomous',
    labelRequired: publicInterest && !(reviewed && responsibleParty !== null),
  };
};
