import type { Core } from '@strapi/strapi';

import { ERROR_CODES, type TrustEdit } from '../../../shared/schemas';
import { inDocumentTransaction } from '../database/document-transaction';
import { createTrustRow, updateTrustRow } from '../database/trust-rows';
import { draftAndPublished, loadVersions } from '../database/versions';
import { toStoredSources, type StoredTrust } from '../domain/trust';
import { invalid, notFound } from '../errors';
import { getPluginConfig } from '../utils';
import { getService } from './registry';
import { adminDisplayName } from './actors';
import type { AdminUser, Target } from '../types';

const LABEL_FIELDS = [
  'aiInvolvement',
  'disclaimerMode',
  'disclaimerText',
  'sources',
  'editorialResponsibility',
  'publicInterest',
] as const;
/** The labels a verification covers: a change of one makes a verified draft stale (domain/status.ts). */
const REVIEWED_FIELDS: readonly LabelField[] = ['sources', 'aiInvolvement'];
type LabelField = (typeof LABEL_FIELDS)[number];

/** The trust row columns of a label field (sources are stored as sourcesJson). */
const toPatch = (field: LabelField, next: StoredTrust): Record<string, unknown> =>
  field === 'sources' ? { sourcesJson: toStoredSources(next.sources) } : { [field]: next[field] };

/**
 * Editors' labels on the draft of one locale: AI involvement, disclaimer, sources, editorial responsibility, public
 * interest. An edit writes only the fields it changes, in the document's transaction: a verification that runs at the
 * same time is never overwritten, and a change of what a verification covers (the sources, which are hashed, and the
 * declared AI involvement) makes a verified draft stale in the same transaction.
 */
const createLabelsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Applies a validated edit (shared/schemas.ts trustEditSchema) to the draft and logs it. `user` is the admin making
   * it, recorded as the draft's last updater; code may omit it.
   */
  async editDraft(target: Target, edit: TrustEdit, user?: AdminUser): Promise<void> {
    const { attributeName } = getPluginConfig(strapi);
    await inDocumentTransaction(strapi, target.uid, target.documentId, async (transaction) => {
      const { draft } = draftAndPublished(
        strapi,
        target.uid,
        await loadVersions(strapi, target.uid, target.documentId, { locale: target.locale })
      );
      if (!draft) throw notFound('Document not found');
      const current = draft.trust;
      const next: StoredTrust = { ...current, ...edit } as StoredTrust;
      if (next.disclaimerMode === 'custom' && !next.disclaimerText) {
        throw invalid(
          ['disclaimerText'],
          'disclaimerText is required when disclaimerMode is custom',
          ERROR_CODES.disclaimerTextRequired
        );
      }
      const changed = LABEL_FIELDS.filter(
        (field) => field in edit && JSON.stringify(current[field]) !== JSON.stringify(next[field])
      );
      if (changed.length === 0) return;

      const patch = Object.assign({}, ...changed.map((field) => toPatch(field, next)));
      // A verification recorded before 0.3 has no AI involvement of its own: the one declared until now is the one it
      // covers (domain/status.ts reviewedInvolvement). Recorded before it changes, so the change makes it stale.
      if (changed.includes('aiInvolvement') && current.verifiedHash && current.verifiedAiInvolvement === null) {
        patch.verifiedAiInvolvement = current.aiInvolvement;
      }
      if (draft.trustId === null) await createTrustRow(strapi, target.uid, attributeName, draft.id, patch);
      else await updateTrustRow(strapi, draft.trustId, patch);
      // The draft now differs from the published version: the Content Manager shows it as modified. Who changed
      // hashed content (the sources) becomes its last updater, for the four-eyes rule; a change of labels that are
      // not hashed (aiInvolvement, the disclaimer) leaves the content's author as the last updater, or anyone could
      // make the author eligible to verify their own text by touching a label.
      const hashedChange = changed.includes('sources');
      await strapi.db.query(target.uid as any).update({
        where: { id: draft.id },
        data: { updatedAt: new Date(), ...(user && hashedChange ? { updatedBy: user.id } : {}) },
      });
      await getService(strapi, 'audit').append({
        action: 'edit',
        uid: target.uid,
        documentId: target.documentId,
        locale: target.locale,
        actor: user ? { id: user.id, name: adminDisplayName(user), type: 'admin' } : null,
        contentHash: null,
        changedFields: [...changed],
        note: null,
      });
      if (changed.some((field) => REVIEWED_FIELDS.includes(field))) {
        await getService(strapi, 'verification').recompute(
          transaction,
          target.uid,
          target.documentId,
          user ? { id: user.id, name: adminDisplayName(user), type: 'admin' } : null
        );
      }
    });
  },
});

export default createLabelsService;
