import { READER_WORDS, readerWords } from './reader-words';
import type { Disclosure, DisclosureValue } from './disclosure-values';
import type { AiInvolvement } from './trust';

/**
 * One version's AI disclosure, computed once from its trust (the rule is server/src/domain/status.ts
 * `resolveDisclosure`) and emitted the same way everywhere: the content API, GraphQL, the admin state, the optional
 * `AI-Disclosure` header and the receipt.
 *
 * `value` is the W3C AI Content Disclosure Community Group's value (final report of 9 October 2026,
 * w3c-cg/ai-content-disclosure; a Community Group report, not a W3C Standard), for
 * `<meta name="ai-disclosure" content="…">` (at most one per page) and the `ai-disclosure` attribute:
 * - `human-only`: no generative AI was involved (aiInvolvement `none`);
 * - `ai-assisted`: AI was involved and a person reviewed this exact version before publication (`verified`);
 * - `ai-autonomous`: AI was involved and this version was not reviewed: `unverified`, and `stale` too, since
 *   "review of an earlier version does not establish review of subsequent changes";
 * - `null`: aiInvolvement `unknown`. No declaration: readers and crawlers treat it as "unknown", which the report
 *   distinguishes from `human-only`. Emit no meta tag and no attribute.
 *
 * `labelRequired` follows the EU Commission's guidelines on Art. 50(4) AI Act (C(2026) 5054): AI-generated or
 * AI-assisted text published to inform the public on matters of public interest needs a visible label unless a person
 * reviewed it **and** a natural or legal person holds editorial responsibility for it.
 *
 * The optional `AI-Disclosure` header is **experimental**: it follows the IETF individual draft draft-abaris-aicdh
 * (-01, expired in August 2026, no successor), and always says what the HTML value says, never more: human-only →
 * `mode=none`; ai-assisted → `mode=ai-modified` (AI assisted a person's text) or `mode=ai-originated` (AI drafted
 * it); ai-autonomous → `mode=machine-generated`.
 */
export { DISCLOSURE_VALUES, type Disclosure, type DisclosureValue } from './disclosure-values';

/** The `AI-Disclosure` response header's value for a version, or null when nothing is declared. */
export const disclosureHeaderValue = ({
  aiInvolvement,
  disclosure,
}: {
  aiInvolvement: AiInvolvement;
  disclosure: Pick<Disclosure, 'value'>;
}): string | null => {
  const { value } = disclosure;
  if (value === 'human-only') return 'mode=none';
  if (value === 'ai-assisted') return aiInvolvement === 'generated' ? 'mode=ai-originated' : 'mode=ai-modified';
  if (value === 'ai-autonomous') return 'mode=machine-generated';
  return null;
};

/**
 * The disclosure in words, per locale: the SVG badge's second segment (in the content's locale) and the Trust panel
 * (in the editor's language) say exactly this. `undeclared` is the `null` value (aiInvolvement unknown). The words
 * live in the reader words table (shared/reader-words.ts), in the 24 official EU languages.
 */
export const DISCLOSURE_WORDS: Record<string, Record<DisclosureValue | 'undeclared', string>> = Object.fromEntries(
  Object.entries(READER_WORDS).map(([language, words]) => [language, words.disclosure])
);

/** The words for a disclosure value in a locale (`fr-CA` uses `fr`; a language without words uses English). */
export const disclosureWords = (value: DisclosureValue | null, locale: string | null | undefined): string =>
  readerWords(locale).disclosure[value ?? 'undeclared'];
