import * as React from 'react';

import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { ACTIONS } from '../../../shared/constants';
import type { GetQueue } from '../../../shared/contracts';
import { StatusBadge, type StatusValue } from '../components/StatusBadge';
import { useTranslate } from '../hooks/useTranslate';
import { useTrustApi } from '../hooks/useTrustApi';
import { useTrustChangeVersion } from '../hooks/useTrustEvents';
import { errorMessage } from '../utils/errors';
import { editViewPath } from '../utils/links';

export { editViewPath };

const PERMISSIONS = [{ action: ACTIONS.read, subject: null }];
const PAGE_SIZE = 25;
const ALL = 'all';

const AI_LABELS: Record<string, string> = {
  unknown: 'Unknown',
  none: 'None (human-written)',
  assisted: 'AI-assisted',
  generated: 'AI-generated',
};

/** The filters live in the URL (`?uid=&locale=&status=&page=`): a reload or a shared link keeps them. */
interface QueueQuery {
  uid?: string;
  locale?: string;
  status?: string;
  page?: string;
}

type Kinds = Record<string, 'collectionType' | 'singleType'>;

const ReviewQueuePage = () => {
  const t = useTranslate();
  const { formatDate } = useIntl();
  const api = useTrustApi();
  const { allowedActions, isLoading: loadingPermissions } = useRBAC(PERMISSIONS);
  const canRead = Boolean(allowedActions.canRead);
  const [{ query }, setQuery] = useQueryParams<QueueQuery>();
  const trustVersion = useTrustChangeVersion();

  const uid = typeof query.uid === 'string' && query.uid !== '' ? query.uid : undefined;
  const locale = typeof query.locale === 'string' && query.locale !== '' ? query.locale : undefined;
  const status = query.status === 'stale' || query.status === 'unverified' ? query.status : undefined;
  const page = Math.max(1, Number.parseInt(String(query.page ?? '1'), 10) || 1);

  const [result, setResult] = React.useState<GetQueue.Response | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [failure, setFailure] = React.useState<{ status: number | null; message: string } | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  const [locales, setLocales] = React.useState<Array<{ code: string; name: string }>>([]);
  const [kinds, setKinds] = React.useState<Kinds>({});

  // The locales and content type kinds are for the filter and the links only: without them, the page still works.
  React.useEffect(() => {
    if (loadingPermissions || !canRead) return;
    api.locales().then(
      (list) => setLocales(list.map(({ code, name }) => ({ code, name }))),
      () => undefined
    );
    api.contentTypeKinds().then(setKinds, () => undefined);
  }, [api, loadingPermissions, canRead]);

  React.useEffect(() => {
    if (loadingPermissions || !canRead) return;
    let active = true;
    setLoading(true);
    setFailure(null);
    api
      .queue({ uid, locale, status, page: String(page), pageSize: String(PAGE_SIZE) })
      .then(
        (response) => {
          if (active) setResult(response);
        },
        (error) => {
          if (active) setFailure({ status: (error as any)?.response?.status ?? null, message: errorMessage(t, error) });
        }
      )
      .finally(() => {
        if (active) setLoading(false);
      });
    return () => {
      active = false;
    };
  }, [api, loadingPermissions, canRead, uid, locale, status, page, attempt, trustVersion, t]);

  if (loadingPermissions) return <Page.Loading />;
  if (!canRead || failure?.status === 403) return <Page.NoPermissions />;
  if (failure) {
    return (
      <Page.Error
        content={t('queue.loadFailed', 'The review queue could not be loaded: {message}', { message: failure.message })}
        action={
          <Button variant="secondary" onClick={() => setAttempt((value) => value + 1)}>
            {t('queue.retry', 'Try again')}
          </Button>
        }
      />
    );
  }
  if (!result) return <Page.Loading />;

  const { data: entries, meta } = result;
  const typeNames = Object.fromEntries(meta.contentTypes.map((type) => [type.uid, type.displayName]));
  // The locales of the i18n plugin, plus any the entries use (when the i18n list could not be read).
  const localeOptions = [...locales];
  for (const code of [locale, ...entries.map((entry) => entry.locale)]) {
    if (code && !localeOptions.some((option) => option.code === code)) localeOptions.push({ code, name: code });
  }
  const filtered = Boolean(uid || locale || status);
  const setFilter = (next: QueueQuery) => setQuery({ ...next, page: undefined });
  const aiLabel = (value: string) => t(`ai.${value}`, AI_LABELS[value] ?? value);
  const title = t('queue.title', 'Review queue');
  const columns = 9;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'queue.subtitle',
          'Entries that need a person: changed since verification, or written with AI and not verified. Published entries first, then the oldest.'
        )}
      />
      <Layouts.Action
        startActions={
          <Flex gap={3} wrap="wrap" alignItems="flex-end">
            <Box minWidth="220px">
              <Field.Root name="uid">
                <Field.Label>{t('queue.filterType', 'Content type')}</Field.Label>
                <SingleSelect
                  size="S"
                  value={uid ?? ALL}
                  onChange={(value: string | number) => setFilter({ uid: value === ALL ? undefined : String(value) })}
                >
                  <SingleSelectOption value={ALL}>{t('queue.allTypes', 'All types')}</SingleSelectOption>
                  {meta.contentTypes.map((type) => (
                    <SingleSelectOption key={type.uid} value={type.uid}>
                      {type.displayName}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="180px">
              <Field.Root name="locale">
                <Field.Label>{t('queue.filterLocale', 'Locale')}</Field.Label>
                <SingleSelect
                  size="S"
                  value={locale ?? ALL}
                  onChange={(value: string | number) =>
                    setFilter({ locale: value === ALL ? undefined : String(value) })
                  }
                >
                  <SingleSelectOption value={ALL}>{t('queue.allLocales', 'All locales')}</SingleSelectOption>
                  {localeOptions.map((option) => (
                    <SingleSelectOption key={option.code} value={option.code}>
                      {option.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="220px">
              <Field.Root name="status">
                <Field.Label>{t('queue.filterStatus', 'Status')}</Field.Label>
                <SingleSelect
                  size="S"
                  value={status ?? ALL}
                  onChange={(value: string | number) =>
                    setFilter({ status: value === ALL ? undefined : String(value) })
                  }
                >
                  <SingleSelectOption value={ALL}>{t('queue.allStatuses', 'All')}</SingleSelectOption>
                  <SingleSelectOption value="stale">{t('status.stale', 'Needs re-verification')}</SingleSelectOption>
                  <SingleSelectOption value="unverified">{t('status.unverified', 'Not verified')}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            </Box>
            {loading ? <Loader small>{t('queue.loading', 'Loading the review queue…')}</Loader> : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="omega" textColor="neutral700" tag="p" data-testid="trust-queue-counts">
            {t(
              'queue.counts',
              '{stale, plural, one {# entry needs} other {# entries need}} re-verification, {unverified, plural, one {# AI-written entry is} other {# AI-written entries are}} not verified.',
              { stale: meta.counts.stale, unverified: meta.counts.unverified }
            )}
          </Typography>
          {entries.length === 0 ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              hasRadius
              shadow="tableShadow"
              content={
                filtered
                  ? t('queue.emptyFiltered', 'Nothing matches these filters.')
                  : t('queue.empty', 'Nothing needs review')
              }
            />
          ) : (
            <Table colCount={columns} rowCount={entries.length + 1} data-testid="trust-queue">
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('queue.colTitle', 'Title')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colType', 'Type')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colLocale', 'Locale')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colStatus', 'Status')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colAi', 'AI involvement')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colChanged', 'Changed fields')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colPublished', 'Published version')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('queue.colUpdated', 'Updated')}</Typography>
                  </Th>
                  <Th>
                    <VisuallyHidden>{t('queue.colActions', 'Actions')}</VisuallyHidden>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {entries.map((entry) => {
                  const name = entry.title ?? entry.documentId;
                  return (
                    <Tr
                      key={`${entry.uid}|${entry.documentId}|${entry.locale ?? ''}`}
                      data-testid={`trust-queue-row-${entry.documentId}-${entry.locale ?? ''}`}
                    >
                      <Td maxWidth="260px">
                        <Typography
                          textColor={entry.title ? 'neutral800' : 'neutral500'}
                          fontWeight="semiBold"
                          ellipsis
                          title={name}
                        >
                          {name}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{typeNames[entry.uid] ?? entry.uid}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{entry.locale ?? '-'}</Typography>
                      </Td>
                      <Td>
                        <StatusBadge status={entry.status as StatusValue} size="S" />
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{aiLabel(entry.aiInvolvement)}</Typography>
                      </Td>
                      <Td maxWidth="180px">
                        <Typography textColor="neutral800" ellipsis title={entry.changedFields.join(', ')}>
                          {entry.changedFields.length > 0 ? entry.changedFields.join(', ') : '-'}
                        </Typography>
                      </Td>
                      <Td>
                        {entry.publishedStatus ? (
                          <StatusBadge status={entry.publishedStatus as StatusValue} size="S" />
                        ) : (
                          <Typography textColor="neutral600">{t('queue.notPublished', 'Not published')}</Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">
                          {entry.updatedAt ? formatDate(entry.updatedAt, { dateStyle: 'medium' }) : '-'}
                        </Typography>
                      </Td>
                      <Td>
                        <Link
                          tag={NavLink}
                          to={editViewPath(entry, kinds[entry.uid])}
                          aria-label={t('queue.openEntry', 'Open “{title}”', { title: name })}
                        >
                          {t('queue.open', 'Open')}
                        </Link>
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          )}
          {meta.pagination.pageCount > 1 ? (
            <Flex justifyContent="space-between" alignItems="center" gap={3}>
              <Typography variant="pi" textColor="neutral600">
                {t('queue.page', 'Page {page} of {pageCount} ({total} entries)', {
                  page: meta.pagination.page,
                  pageCount: meta.pagination.pageCount,
                  total: meta.pagination.total,
                })}
              </Typography>
              <Flex gap={2}>
                <Button
                  variant="tertiary"
                  size="S"
                  startIcon={<ArrowLeft />}
                  disabled={meta.pagination.page <= 1 || loading}
                  onClick={() => setQuery({ page: String(meta.pagination.page - 1) })}
                >
                  {t('queue.previous', 'Previous')}
                </Button>
                <Button
                  variant="tertiary"
                  size="S"
                  endIcon={<ArrowRight />}
                  disabled={meta.pagination.page >= meta.pagination.pageCount || loading}
                  onClick={() => setQuery({ page: String(meta.pagination.page + 1) })}
                >
                  {t('queue.next', 'Next')}
                </Button>
              </Flex>
            </Flex>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export { ReviewQueuePage };
export default ReviewQueuePage;
