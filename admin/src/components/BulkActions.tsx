import { Flex, Typography } from '@strapi/design-system';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useNotification,
  useRBAC,
} from '@strapi/strapi/admin';

import { ACTIONS } from '../../../shared/constants';
import { announceTrustChange } from '../hooks/useTrustEvents';
import { hasTrustLabels } from '../utils/enabled';
import { useTrustApi } from '../hooks/useTrustApi';
import { readError } from '../utils/api';
import { useTranslate } from '../hooks/useTranslate';
import { currentCmLocale } from '../utils/locale';

const VERIFY_PERMISSION = [{ action: ACTIONS.verify, subject: null }];

interface BulkProps {
  documents: Array<{ documentId: string }>;
  model: string;
}

const createBulkAction = (action: 'verify' | 'unverify') => {
  const BulkAction = ({ documents, model }: BulkProps) => {
    const t = useTranslate();
    const api = useTrustApi();
    const { toggleNotification } = useNotification();
    const { allowedActions } = useRBAC(VERIFY_PERMISSION);
    const { contentType } = useContentManagerContext();
    if (!hasTrustLabels(contentType) || !allowedActions.canVerify) return null;

    const verify = action === 'verify';
    const count = documents.length;
    return {
      label: verify ? t('bulk.verify', 'Verify') : t('bulk.unverify', 'Unverify'),
      variant: verify ? 'success-light' : 'danger-light',
      dialog: {
        type: 'dialog' as const,
        title: verify ? t('bulk.verifyTitle', 'Verify {count} entries?', { count }) : t('bulk.unverifyTitle', 'Unverify {count} entries?', { count }),
        content: (
          <Flex direction="column" gap={2}>
            <Typography textAlign="center">
              {verify
                ? t('bulk.verifyBody', 'You confirm that you reviewed the current draft of each selected entry in this locale.')
                : t('bulk.unverifyBody', 'The selected entries will show as not verified in this locale.')}
            </Typography>
          </Flex>
        ),
        confirmLabel: verify ? t('bulk.verify', 'Verify') : t('bulk.unverify', 'Unverify'),
        onConfirm: async () => {
          try {
            const locale = currentCmLocale();
            const results = await api.bulk(action, {
              uid: model,
              documentIds: documents.map((document) => document.documentId),
              ...(locale ? { locale } : {}),
            });
            const failed = results.filter((result) => !result.ok);
            const succeeded = results.length - failed.length;
            toggleNotification({
              type: failed.length === 0 ? 'success' : succeeded === 0 ? 'danger' : 'warning',
              title: verify ? t('bulk.verifiedTitle', 'Verification') : t('bulk.unverifiedTitle', 'Verification withdrawn'),
              message:
                t('bulk.result', '{ok} of {total} done.', { ok: succeeded, total: results.length }) +
                (failed.length > 0 ? ` ${failed.map((result) => result.error).filter(Boolean).slice(0, 3).join(' · ')}` : ''),
            });
          } catch (error) {
            toggleNotification({ type: 'danger', message: readError(error).message });
          } finally {
            announceTrustChange();
          }
        },
      },
    };
  };
  return BulkAction;
};

export const BulkVerifyAction = createBulkAction('verify');
export const BulkUnverifyAction = createBulkAction('unverify');
