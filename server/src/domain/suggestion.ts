// An AI agent's suggestion on a draft's labels (MCP trust_labels_suggest), and what accepting it changes. Pure: no
// Strapi. An agent may only make the disclosure stronger and add sources; it never lowers what an editor set.
import { LIMITS, type AiInvolvement, type Source, type TrustSuggestion } from '../../../shared/trust';

/**
 * How strongly each value discloses AI to readers. `none` is the weakest: it claims the text is human-only and
 * drops the default disclaimer. `unknown` claims nothing and keeps the default disclaimer. `assisted`, then
 * `generated`, declare AI. So suggesting `none` where the editor left `unknown` or set `assisted` would weaken what
 * readers see, and is refused.
 */
export const DISCLOSURE_RANK: Record<AiInvolvement, number> = { none: 0, unknown: 1, assisted: 2, generated: 3 };

/** Whether `suggested` discloses more than `current`. `unknown` is never a suggestion: it says nothing. */
export const raisesDisclosure = (current: AiInvolvement, suggested: AiInvolvement) =>
  suggested !== 'unknown' && DISCLOSURE_RANK[suggested] > DISCLOSURE_RANK[current];

export interface SuggestionInput {
  aiInvolvement?: AiInvolvement;
  sources?: Source[];
}

/** The draft's labels a suggestion is measured against. */
interface DraftLabels {
  aiInvolvement: AiInvolvement;
  sources: Source[];
}

interface MergedSuggestion {
  aiInvolvement: AiInvolvement | null;
  sources: Source[];
  /** Whether the input added anything to the pending suggestion. */
  changed: boolean;
  /** Why parts of the input were dropped, for the agent. */
  notes: string[];
  /** Set when the result cannot be recorded (too many sources). */
  problem: string | null;
}

/**
 * The pending suggestion after an agent's input: the AI involvement kept only when it raises the editor's (and the
 * pending one's), sources kept only when neither the draft nor the pending suggestion has their URL.
 */
export const mergeSuggestion = (
  labels: DraftLabels,
  pending: TrustSuggestion | null,
  input: SuggestionInput
): MergedSuggestion => {
  const notes: string[] = [];
  let changed = false;
  let aiInvolvement = pending?.aiInvolvement ?? null;
  if (input.aiInvolvement !== undefined) {
    const suggested = input.aiInvolvement;
    if (!raisesDisclosure(labels.aiInvolvement, suggested)) {
      notes.push(
        suggested === labels.aiInvolvement
          ? `aiInvolvement "${suggested}" dropped: the draft already says so.`
          : `aiInvolvement "${suggested}" dropped: it would not raise the disclosure the editor set ("${labels.aiInvolvement}"). An agent may only suggest a stronger disclosure.`
      );
    } else if (aiInvolvement !== null && DISCLOSURE_RANK[aiInvolvement] >= DISCLOSURE_RANK[suggested]) {
      notes.push(`aiInvolvement "${suggested}" dropped: a pending suggestion already says "${aiInvolvement}".`);
    } else {
      aiInvolvement = suggested;
      changed = true;
    }
  }

  const onDraft = new Set(labels.sources.map((source) => source.url));
  // A pending source the editor has added since is no longer a suggestion.
  const sources = (pending?.sources ?? []).filter((source) => !onDraft.has(source.url));
  const suggested = new Set(sources.map((source) => source.url));
  for (const source of input.sources ?? []) {
    if (onDraft.has(source.url)) notes.push(`source ${source.url} dropped: the draft already has it.`);
    else if (suggested.has(source.url)) notes.push(`source ${source.url} dropped: it is already suggested.`);
    else {
      sources.push(source);
      suggested.add(source.url);
      changed = true;
    }
  }
  const total = labels.sources.length + sources.length;
  const problem =
    total > LIMITS.sources
      ? `the draft would have ${total} sources once the suggestion is accepted; at most ${LIMITS.sources} are allowed`
      : null;
  return { aiInvolvement, sources, changed, notes, problem };
};

/**
 * What accepting a suggestion changes on the draft, measured against the labels as they are now (an editor may have
 * changed them since the agent suggested): the AI involvement only if it still raises the disclosure, the sources
 * not on the draft appended after the editor's.
 */
export const editFromSuggestion = (
  labels: DraftLabels,
  suggestion: TrustSuggestion
): { aiInvolvement?: AiInvolvement; sources?: Source[] } => {
  const edit: { aiInvolvement?: AiInvolvement; sources?: Source[] } = {};
  if (suggestion.aiInvolvement && raisesDisclosure(labels.aiInvolvement, suggestion.aiInvolvement))
    edit.aiInvolvement = suggestion.aiInvolvement;
  const onDraft = new Set(labels.sources.map((source) => source.url));
  const added = suggestion.sources.filter((source) => !onDraft.has(source.url));
  if (added.length > 0) edit.sources = [...labels.sources, ...added];
  return edit;
};
