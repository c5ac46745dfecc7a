import * as React from 'react';

import { Flex, Loader, Tooltip, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

import { useTranslate } from '../hooks/useTranslate';
import { useTrustApi } from '../hooks/useTrustApi';
import { useTrustChangeVersion } from '../hooks/useTrustEvents';
import { readError, type StatusesResponse } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { currentCmLocale } from '../utils/locale';
import { StatusBadge, useStatusLabel, type StatusValue } from './StatusBadge';

type Status = StatusesResponse['data'][string];
type CellState = { state: 'loading' } | { state: 'loaded'; status: Status | undefined } | { state: 'failed'; message: string };

export const TrustStatusCell = ({ model, documentId }: { model: string; documentId: string }) => {
  const api = useTrustApi();
  const t = useTranslate();
  const version = useTrustChangeVersion();
  const locale = currentCmLocale();
  const [cell, setCell] = React.useState<CellState>({ state: 'loading' });

  React.useEffect(() => {
    let active = true;
    api.status(model, locale, documentId).then(
      (status) => active && setCell({ state: 'loaded', status }),
      (error) => active && setCell({ state: 'failed', message: readError(error).message })
    );
    return () => {
      active = false;
    };
  }, [api, model, locale, documentId, version]);

  if (cell.state === 'loading') return <Loader small>…</Loader>;
  if (cell.state === 'failed') {
    const label = t('list.loadFailed', 'Could not load the trust status: {message}', { message: cell.message });
    return (
      <Tooltip label={label}>
        <Flex gap={1} data-testid={`trust-cell-error-${documentId}`} aria-label={label}>
          <WarningCircle fill="danger600" aria-hidden />
          <Typography variant="pi" textColor="danger600">
            {t('list.loadFailedShort', 'Not loaded')}
          </Typography>
        </Flex>
      </Tooltip>
    );
  }
  // The statuses route answers every requested entry; an entry it does not know (deleted meanwhile) has no status.
  if (!cell.status) return <Typography textColor="neutral500">-</Typography>;
  return <StatusPair draft={cell.status.draft} published={cell.status.published} documentId={documentId} />;
};

const SHORT_LABELS = { verified: 'Verified', stale: 'Changed', unverified: 'Not verified' } as const;

/**
 * The column shows the draft's status (what editors work on) in a short form, so that it does not push the list's
 * own Status column off screen, and a second badge for the published version when its status differs. The tooltip
 * says which version each badge is.
 */
const StatusPair = ({ draft, published, documentId }: { draft: string | null; published: string | null; documentId: string }) => {
  const t = useTranslate();
  const full = useStatusLabel();
  const valueOf = (status: string | null): StatusValue => (status === 'verified' || status === 'stale' ? status : 'unverified');
  const short = (status: StatusValue) => t(`status.short.${status}`, SHORT_LABELS[status]);
  const draftValue = valueOf(draft);
  const publishedValue = published === null ? null : valueOf(published);
  const differs = publishedValue !== null && publishedValue !== draftValue;
  const tooltip = [
    t('list.draftTooltip', 'Draft: {status}', { status: full(draftValue) }),
    ...(publishedValue !== null ? [t('list.publishedTooltip', 'Published version: {status}', { status: full(publishedValue) })] : []),
  ].join(' · ');
  return (
    <Tooltip label={tooltip}>
      <Flex gap={1} data-testid={`trust-cell-${documentId}`} aria-label={tooltip}>
        <StatusBadge status={draftValue} size="S" label={short(draftValue)} />
        {differs && publishedValue && (
          <StatusBadge status={publishedValue} size="S" label={t('list.live', 'Live: {status}', { status: short(publishedValue) })} testId="trust-status-badge-published" />
        )}
      </Flex>
    </Tooltip>
  );
};

export const TRUST_COLUMN_NAME = 'trustLabelsStatus';

/** `Admin/CM/pages/ListView/inject-column-in-table`: a "Trust" column on types with trust labels. */
export const addTrustColumn = ({ displayedHeaders, layout }: { displayedHeaders: any[]; layout: any }) => {
  if (!layout?.options?.trustLabels) return { displayedHeaders, layout };
  return {
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'custom' },
        name: TRUST_COLUMN_NAME,
        label: { id: getTranslation('list.column'), defaultMessage: 'Trust' },
        searchable: false,
        sortable: false,
        cellFormatter: (row: { documentId: string }, _header: unknown, { model }: { model: string }) => (
          <TrustStatusCell model={model} documentId={row.documentId} />
        ),
      },
    ],
    layout,
  };
};
