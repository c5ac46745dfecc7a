import * as React from 'react';

import { Checkbox, Flex, Typography } from '@strapi/design-system';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useNotification,
  useRBAC,
} from '@strapi/strapi/admin';

import { ACTIONS } from '../../../shared/constants';
import type { Bulk } from '../../../shared/contracts';
import { REVIEW_CHECKS, type ReviewCheck } from '../../../shared/trust';
import { announceTrustChange } from '../hooks/useTrustEvents';
import { hasTrustLabels } from '../utils/enabled';
import { useTrustApi } from '../hooks/useTrustApi';
import { errorMessage, problemMessage, type Problem } from '../utils/errors';
import { type Translate, useTranslate } from '../hooks/useTranslate';
import { currentCmLocale } from '../utils/locale';

const VERIFY_PERMISSION = [{ action: ACTIONS.verify, subject: null }];

/** The review record's checks; the single Verify dialog of the Trust panel uses the same labels. */
export const CHECK_LABELS: Record<ReviewCheck, string> = {
  accuracy: 'Accuracy: the facts are right',
  plausibility: 'Plausibility: the claims make sense',
  sources: 'Sources: the sources support the text',
};

interface BulkProps {
  documents: Array<{ documentId: string; [field: string]: unknown }>;
  model: string;
}

/**
 * The checks of the bulk Verify dialog. Strapi's bulk-action dialog has no way to disable its confirm button, so the
 * ticked checks go to `store` and the confirm handler refuses to verify until all of them are ticked. The dialog
 * mounts this anew each time it opens, so every bulk verification starts with nothing ticked.
 */
const ReviewChecks = ({ store, t }: { store: React.MutableRefObject<ReviewCheck[]>; t: Translate }) => {
  const [checked, setChecked] = React.useState<ReviewCheck[]>([]);
  React.useEffect(() => {
    store.current = [];
  }, [store]);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="trust-bulk-checks">
      <Typography variant="pi" fontWeight="bold" textColor="neutral800">
        {t('bulk.checksTitle', 'Confirm what you checked in each entry (all three are required):')}
      </Typography>
      {REVIEW_CHECKS.map((check) => (
        <Checkbox
          key={check}
          name={`checks.${check}`}
          checked={checked.includes(check)}
          onCheckedChange={(value: boolean | 'indeterminate') => {
            const next =
              value === true ? [...checked.filter((c) => c !== check), check] : checked.filter((c) => c !== check);
            // Keep the order of REVIEW_CHECKS, as the single Verify dialog sends them.
            const ordered = REVIEW_CHECKS.filter((c) => next.includes(c));
            store.current = ordered;
            setChecked(ordered);
          }}
        >
          {t(`checks.${check}`, CHECK_LABELS[check])}
        </Checkbox>
      ))}
    </Flex>
  );
};

/** What a document of the list is called: its main field (usually the title), else its documentId. */
const nameOf = (
  document: BulkProps['documents'][number] | undefined,
  mainField: string | undefined,
  documentId: string
) => {
  for (const field of [mainField, 'title', 'name']) {
    const value = field ? document?.[field] : undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return documentId;
};

/**
 * The failed entries, each named once, grouped by reason so that the same reason is not repeated:
 * `“Title A”, “Title B” (reason); “Title C” (other reason)`.
 */
const describeFailures = (
  failed: Bulk.Result[],
  nameFor: (documentId: string) => string,
  unknownReason: string,
  reasonOf: (result: Bulk.Result) => string | undefined = (result) => result.error
) => {
  const byReason = new Map<string, string[]>();
  for (const result of failed) {
    const reason = reasonOf(result)?.trim() || unknownReason;
    const names = byReason.get(reason) ?? [];
    names.push(`“${nameFor(result.documentId)}”`);
    byReason.set(reason, names);
  }
  return [...byReason.entries()].map(([reason, names]) => `${names.join(', ')} (${reason})`).join('; ');
};

const createBulkAction = (action: 'verify' | 'unverify') => {
  const BulkAction = ({ documents, model }: BulkProps) => {
    const t = useTranslate();
    const api = useTrustApi();
    const { toggleNotification } = useNotification();
    const { allowedActions } = useRBAC(VERIFY_PERMISSION);
    const { contentType, layout } = useContentManagerContext();
    const checksRef = React.useRef<ReviewCheck[]>([]);
    // The latest selection, read when the action runs: the description below stays the same object while the
    // selection's ids do not change.
    const documentsRef = React.useRef(documents);
    documentsRef.current = documents;
    const enabled = hasTrustLabels(contentType) && Boolean(allowedActions.canVerify);
    const count = documents.length;
    const selection = documents.map((document) => document.documentId).join(',');
    const mainField: string | undefined =
      (layout as any)?.list?.settings?.mainField ?? (layout as any)?.edit?.settings?.mainField;

    // Strapi's bulk action bar compares each description with the previous one (deeply) on every render and, when it
    // differs, schedules an update of the whole bar for an idle moment. A description rebuilt on every render (new
    // dialog content, new handlers) keeps postponing that update on a busy page, and the bar can take tens of
    // seconds to show its actions: so it is built once per selection.
    return React.useMemo(() => {
      if (!enabled) return null;
      const verify = action === 'verify';
      const checkLabel = (check: ReviewCheck) => t(`checks.${check}`, CHECK_LABELS[check]);
      return {
        label: verify ? t('bulk.verify', 'Verify') : t('bulk.unverify', 'Unverify'),
        variant: verify ? 'success-light' : 'danger-light',
        dialog: {
          type: 'dialog' as const,
          title: verify
            ? t('bulk.verifyTitle', 'Verify {count} entries?', { count })
            : t('bulk.unverifyTitle', 'Unverify {count} entries?', { count }),
          content: (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textAlign="center">
                {verify
                  ? t(
                      'bulk.verifyBody',
                      'You confirm that you reviewed the current draft of each selected entry in this locale.'
                    )
                  : t('bulk.unverifyBody', 'The selected entries will show as not verified in this locale.')}
              </Typography>
              {verify ? <ReviewChecks store={checksRef} t={t} /> : null}
            </Flex>
          ),
          confirmLabel: verify ? t('bulk.verify', 'Verify') : t('bulk.unverify', 'Unverify'),
          onConfirm: async () => {
            const checks = [...checksRef.current];
            checksRef.current = [];
            if (verify) {
              const missing = REVIEW_CHECKS.filter((check) => !checks.includes(check));
              if (missing.length > 0) {
                toggleNotification({
                  type: 'danger',
                  title: t('bulk.notVerifiedTitle', 'Nothing was verified'),
                  message: t('bulk.checksMissing', 'Confirm every check of your review first. Not ticked: {missing}.', {
                    missing: missing.map(checkLabel).join('; '),
                  }),
                });
                return;
              }
            }
            const selected = documentsRef.current;
            try {
              const locale = currentCmLocale();
              const results = await api.bulk(action, {
                uid: model,
                documentIds: selected.map((document) => document.documentId),
                ...(locale ? { locale } : {}),
                ...(verify ? { checks } : {}),
              });
              const byId = new Map(selected.map((document) => [document.documentId, document]));
              const failed = results.filter((result) => !result.ok);
              const succeeded = results.length - failed.length;
              // A result that names its problem's code is shown in the admin's language; else the server's English reason.
              const reasonOf = (result: Bulk.Result) => {
                const coded = result as Bulk.Result & Problem;
                return coded.code
                  ? problemMessage(t, { code: coded.code, values: coded.values, message: result.error })
                  : result.error;
              };
              const list = () =>
                describeFailures(
                  failed,
                  (id) => nameOf(byId.get(id), mainField, id),
                  t('bulk.unknownReason', 'unknown reason'),
                  reasonOf
                );
              const failures =
                failed.length === 0
                  ? ''
                  : ` ${verify ? t('bulk.notVerifiedList', 'Not verified: {list}.', { list: list() }) : t('bulk.notUnverifiedList', 'Not withdrawn: {list}.', { list: list() })}`;
              toggleNotification({
                type: failed.length === 0 ? 'success' : succeeded === 0 ? 'danger' : 'warning',
                title: verify
                  ? t('bulk.verifiedTitle', 'Verification')
                  : t('bulk.unverifiedTitle', 'Verification withdrawn'),
                message: t('bulk.result', '{ok} of {total} done.', { ok: succeeded, total: results.length }) + failures,
                // A list of reasons takes longer to read than the default few seconds.
                ...(failed.length > 0 ? { timeout: 15_000 } : {}),
              });
            } catch (error) {
              toggleNotification({ type: 'danger', message: errorMessage(t, error) });
            } finally {
              announceTrustChange();
            }
          },
          onCancel: () => {
            checksRef.current = [];
          },
        },
      };
      // `selection` stands for `documents` (read through documentsRef when the action runs).
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [enabled, count, selection, model, mainField, t, api, toggleNotification]);
  };
  return BulkAction;
};

export const BulkVerifyAction = createBulkAction('verify');
export const BulkUnverifyAction = createBulkAction('unverify');
