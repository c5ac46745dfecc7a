import * as React from 'react';

import { Flex, Loader, Tooltip, Typography } from '@strapi/design-system';
import { CrossCircle, Earth, MinusCircle, SealCheck, WarningCircle } from '@strapi/icons';

import { useTranslate } from '../hooks/useTranslate';
import { useTrustApi } from '../hooks/useTrustApi';
import { useTrustChangeVersion } from '../hooks/useTrustEvents';
import type { StatusesResponse } from '../utils/api';
import { errorMessage } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';
import { currentCmLocale } from '../utils/locale';
import { useStatusLabel, type StatusValue } from './StatusBadge';

type Status = StatusesResponse['data'][string];
type CellState =
  { state: 'loading' } | { state: 'loaded'; status: Status | undefined } | { state: 'failed'; message: string };

const TrustStatusCell = ({ model, documentId }: { model: string; documentId: string }) => {
  const api = useTrustApi();
  const t = useTranslate();
  const version = useTrustChangeVersion();
  const locale = currentCmLocale();
  const [cell, setCell] = React.useState<CellState>({ state: 'loading' });

  React.useEffect(() => {
    let active = true;
    api.status(model, locale, documentId).then(
      (status) => active && setCell({ state: 'loaded', status }),
      (error) => active && setCell({ state: 'failed', message: errorMessage(t, error) })
    );
    return () => {
      active = false;
    };
  }, [api, model, locale, documentId, version, t]);

  if (cell.state === 'loading') return <Loader small>…</Loader>;
  if (cell.state === 'failed') {
    const label = t('list.loadFailed', 'Could not load the trust status: {message}', { message: cell.message });
    return (
      <Tooltip label={label}>
        <Flex data-testid={`trust-cell-error-${documentId}`} role="img" aria-label={label} tabIndex={0}>
          <CrossCircle width="1.8rem" height="1.8rem" fill="danger600" aria-hidden />
        </Flex>
      </Tooltip>
    );
  }
  // The statuses route answers every requested entry; an entry it does not know (deleted meanwhile) has no status.
  if (!cell.status) return <Typography textColor="neutral500">-</Typography>;
  return <StatusPair draft={cell.status.draft} published={cell.status.published} documentId={documentId} />;
};

const ICONS = { verified: SealCheck, stale: WarningCircle, unverified: MinusCircle } as const;
const COLORS = { verified: 'success600', stale: 'warning600', unverified: 'neutral500' } as const;

/**
 * The column is as narrow as its header: the draft's status (what editors work on) as one icon, and, when the
 * published version's status differs, a small globe in that status's colour. Strapi always puts its own Status
 * column last, after every injected column, so each pixel here pushes it further right; a text badge per status
 * pushed it off screen at 1,440 px. The tooltip and the accessible name say, in words, which version is which.
 */
const StatusPair = ({
  draft,
  published,
  documentId,
}: {
  draft: string | null;
  published: string | null;
  documentId: string;
}) => {
  const t = useTranslate();
  const full = useStatusLabel();
  const valueOf = (status: string | null): StatusValue =>
    status === 'verified' || status === 'stale' ? status : 'unverified';
  const draftValue = valueOf(draft);
  const publishedValue = published === null ? null : valueOf(published);
  const differs = publishedValue !== null && publishedValue !== draftValue;
  const tooltip = [
    t('list.draftTooltip', 'Draft: {status}', { status: full(draftValue) }),
    ...(publishedValue !== null
      ? [t('list.publishedTooltip', 'Published version: {status}', { status: full(publishedValue) })]
      : []),
  ].join(' · ');
  const DraftIcon = ICONS[draftValue];
  return (
    <Tooltip label={tooltip}>
      <Flex
        gap={1}
        data-testid={`trust-cell-${documentId}`}
        role="img"
        aria-label={tooltip}
        tabIndex={0}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Flex data-testid="trust-status-badge" data-status={draftValue}>
          <DraftIcon width="1.8rem" height="1.8rem" fill={COLORS[draftValue]} aria-hidden />
        </Flex>
        {differs && publishedValue ? (
          <Flex data-testid="trust-status-badge-published" data-status={publishedValue}>
            <Earth width="1.2rem" height="1.2rem" fill={COLORS[publishedValue]} aria-hidden />
          </Flex>
        ) : null}
      </Flex>
    </Tooltip>
  );
};

const TRUST_COLUMN_NAME = 'trustLabelsStatus';

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
