import type { Core } from '@strapi/strapi';

import { ERROR_CODES, trustEditSchema } from '../../../shared/schemas';
import { LIMITS, type TrustSuggestion } from '../../../shared/trust';
import { inDocumentTransaction } from '../database/document-transaction';
import { createTrustRow, updateTrustRow, updateTrustRows } from '../database/trust-rows';
import { draftAndPublished, loadVersions, type Version } from '../database/versions';
import { editFromSuggestion, mergeSuggestion, type SuggestionInput } from '../domain/suggestion';
import { invalid, notFound } from '../errors';
import { getPluginConfig } from '../utils';
import { getService } from './registry';
import { parseInput } from '../validation/input';
import { adminDisplayName } from './actors';
import type { AdminUser, Target } from '../types';

export interface SuggestResult {
  /** The pending suggestion after this call (null when there is none). */
  suggestion: TrustSuggestion | null;
  /** Whether this call added anything to it. */
  recorded: boolean;
  /** Why parts of the input were dropped. */
  notes: string[];
}

/**
 * AI agents' suggestions on a draft's labels (the MCP tool trust_labels_suggest), kept on the draft's trust row
 * (`suggestion`, not hashed, never public) until an editor accepts or dismisses them. Recording one changes no label,
 * no status and no content hash; accepting one is a label edit by the editor (services/labels.ts: its rules, its
 * transaction, its audit event).
 */
const createSuggestionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const draftOf = async (target: Target): Promise<{ draft: Version; versions: Version[] }> => {
    const versions = await loadVersions(strapi, target.uid, target.documentId, { locale: target.locale });
    const { draft } = draftAndPublished(strapi, target.uid, versions);
    if (!draft) throw notFound('Document not found');
    return { draft, versions };
  };

  /** Clears the suggestion on every version of the locale: publish copies the draft's trust row, suggestion included. */
  const clear = async (target: Target) => {
    const { versions } = await draftOf(target);
    const ids = versions
      .filter((version) => version.trustId !== null && version.trust.suggestion !== null)
      .map((version) => version.trustId as number);
    await updateTrustRows(strapi, ids, { suggestion: null });
  };

  return {
    /** Records an agent's suggestion (input already checked with the shared schemas), merged with the pending one. */
    async suggest(target: Target, input: SuggestionInput, user?: AdminUser | null): Promise<SuggestResult> {
      return inDocumentTransaction(strapi, target.uid, target.documentId, async () => {
        const { draft } = await draftOf(target);
        const merged = mergeSuggestion(draft.trust, draft.trust.suggestion, input);
        if (merged.problem) throw invalid(['sources'], merged.problem, ERROR_CODES.tooMany, { max: LIMITS.sources });
        if (!merged.changed) return { suggestion: draft.trust.suggestion, recorded: false, notes: merged.notes };
        const suggestion: TrustSuggestion = {
          aiInvolvement: merged.aiInvolvement,
          sources: merged.sources,
          suggestedAt: new Date().toISOString(),
          suggestedBy: user ? { id: user.id ?? null, name: adminDisplayName(user) } : null,
        };
        // Only the suggestion column: no label, no status, no updatedAt (the draft's content did not change).
        if (draft.trustId === null)
          await createTrustRow(strapi, target.uid, getPluginConfig(strapi).attributeName, draft.id, { suggestion });
        else await updateTrustRow(strapi, draft.trustId, { suggestion });
        return { suggestion, recorded: true, notes: merged.notes };
      });
    },

    /**
     * Applies the pending suggestion as the editor's label edit, measured against the labels as they are now (so it
     * still never lowers them), and clears it. 404 when there is none.
     */
    async accept(target: Target, user?: AdminUser): Promise<void> {
      await inDocumentTransaction(strapi, target.uid, target.documentId, async () => {
        const { draft } = await draftOf(target);
        if (!draft.trust.suggestion) throw notFound('No pending suggestion on this draft');
        const edit = editFromSuggestion(draft.trust, draft.trust.suggestion);
        // Nested: runs in this transaction. The edit is checked like the PUT route's body (at most 50 sources).
        if (Object.keys(edit).length > 0)
          await getService(strapi, 'labels').editDraft(target, parseInput(trustEditSchema, edit), user);
        await clear(target);
      });
    },

    /** Drops the pending suggestion, if any. */
    async dismiss(target: Target): Promise<void> {
      await inDocumentTransaction(strapi, target.uid, target.documentId, async () => clear(target));
    },
  };
};

export default createSuggestionsService;
