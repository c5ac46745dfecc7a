import * as React from 'react';

import { Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

import { useTrustChangeVersion } from '../hooks/useTrustEvents';
import { PREFIX, type StatusesResponse } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { currentCmLocale } from '../utils/locale';
import { StatusBadge, type StatusValue } from './StatusBadge';

type Status = StatusesResponse['data'][string];
type Fetch = ReturnType<typeof useFetchClient>['get'];

/**
 * Cells of one page ask for their status within the same tick; this collects them into one request per
 * model and locale (GET /trust-labels/statuses/:uid), instead of one request per row.
 */
const pending = new Map<string, { ids: Set<string>; waiters: Array<(result: StatusesResponse['data']) => void>; fetch: Fetch }>();

const loadStatus = (fetch: Fetch, model: string, locale: string | null, documentId: string) =>
  new Promise<Status | undefined>((resolve) => {
    const key = `${model}|${locale ?? ''}`;
    let batch = pending.get(key);
    if (!batch) {
      batch = { ids: new Set(), waiters: [], fetch };
      pending.set(key, batch);
      setTimeout(async () => {
        pending.delete(key);
        const current = batch!;
        const query = new URLSearchParams({ documentIds: [...current.ids].join(',') });
        if (locale) query.set('locale', locale);
        let result: StatusesResponse['data'] = {};
        try {
          const res = await current.fetch(`${PREFIX}/statuses/${encodeURIComponent(model)}?${query.toString()}`);
          result = (res.data as StatusesResponse).data;
        } catch {
          result = {};
        }
        current.waiters.forEach((waiter) => waiter(result));
      }, 10);
    }
    batch.ids.add(documentId);
    batch.waiters.push((result) => resolve(result[documentId]));
  });

export const TrustStatusCell = ({ model, documentId }: { model: string; documentId: string }) => {
  const { get } = useFetchClient();
  const version = useTrustChangeVersion();
  const locale = currentCmLocale();
  const [status, setStatus] = React.useState<Status | undefined | null>(null);

  React.useEffect(() => {
    let active = true;
    void loadStatus(get, model, locale, documentId).then((result) => active && setStatus(result));
    return () => {
      active = false;
    };
  }, [get, model, locale, documentId, version]);

  if (status === null) return <Loader small>…</Loader>;
  if (!status) return <Typography textColor="neutral500">-</Typography>;
  return (
    <Flex gap={1} data-testid={`trust-cell-${documentId}`}>
      <StatusBadge status={(status.draft ?? 'unverified') as StatusValue} size="S" />
    </Flex>
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
