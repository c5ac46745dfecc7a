import * as React from 'react';

import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import type { GetQueue } from '../../../shared/contracts';
import { useTranslate } from '../hooks/useTranslate';
import { useTrustApi } from '../hooks/useTrustApi';
import { errorMessage } from '../utils/errors';
import { editViewPath } from '../utils/links';
import { StatusBadge, type StatusValue } from './StatusBadge';

/** How many entries the widget lists; the review queue page has the rest. */
const WIDGET_ENTRIES = 5;

type Kinds = Record<string, 'collectionType' | 'singleType'>;

/**
 * The homepage widget "Review queue" (Strapi's widget API, registered only where the admin has it): how many
 * entries need a person, and the first few, each a link to its edit view. Strapi shows it only to users with the
 * plugin's read permission; the queue itself lists only what the user may read.
 */
export const ReviewQueueWidget = () => {
  const t = useTranslate();
  const api = useTrustApi();
  const [result, setResult] = React.useState<GetQueue.Response | null>(null);
  const [kinds, setKinds] = React.useState<Kinds>({});
  const [failure, setFailure] = React.useState<string | null>(null);

  React.useEffect(() => {
    let active = true;
    api.queue({ page: '1', pageSize: String(WIDGET_ENTRIES) }).then(
      (response) => active && setResult(response),
      (error) => active && setFailure(errorMessage(t, error))
    );
    // For the links of single types only: without it, entries link as collection types.
    api.contentTypeKinds().then(
      (value) => active && setKinds(value),
      () => undefined
    );
    return () => {
      active = false;
    };
  }, [api, t]);

  // Strapi versions whose widget API does not check `permissions` show the widget to everyone: the queue answers 403.
  if (failure !== null) {
    return (
      <Flex height="100%" justifyContent="center" direction="column" gap={2} data-testid="trust-widget">
        <WarningCircle width="3.2rem" height="3.2rem" fill="danger600" aria-hidden />
        <Typography textColor="neutral600">
          {t('widget.loadFailed', 'The review queue could not be loaded.')}
        </Typography>
        <Typography variant="pi" textColor="neutral500" textAlign="center">
          {failure}
        </Typography>
      </Flex>
    );
  }
  if (!result) {
    return (
      <Flex height="100%" justifyContent="center" alignItems="center">
        <Loader>{t('widget.loading', 'Loading the review queue…')}</Loader>
      </Flex>
    );
  }

  const total = result.meta.pagination.total;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="trust-widget">
      <Typography variant="delta" tag="p" data-testid="trust-widget-total">
        {t(
          'widget.total',
          '{count, plural, =0 {Nothing needs review} one {# entry needs review} other {# entries need review}}',
          { count: total }
        )}
      </Typography>
      {total === 0 ? (
        <Typography textColor="neutral600">
          {t('widget.empty', 'Every entry written with AI is verified, and nothing changed since.')}
        </Typography>
      ) : (
        <Typography variant="pi" textColor="neutral600" tag="p" data-testid="trust-widget-counts">
          {t(
            'queue.counts',
            '{stale, plural, one {# entry needs} other {# entries need}} re-verification, {unverified, plural, one {# AI-written entry is} other {# AI-written entries are}} not verified.',
            { stale: result.meta.counts.stale, unverified: result.meta.counts.unverified }
          )}
        </Typography>
      )}
      <Box tag="ul">
        {result.data.map((entry) => {
          const title = entry.title?.trim() || t('widget.untitled', '(untitled)');
          return (
            <Box
              tag="li"
              key={`${entry.uid}|${entry.documentId}|${entry.locale ?? ''}`}
              paddingTop={2}
              paddingBottom={2}
              borderColor="neutral150"
              style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}
              data-testid={`trust-widget-entry-${entry.documentId}-${entry.locale ?? ''}`}
            >
              <Flex justifyContent="space-between" gap={2}>
                <Box style={{ minWidth: 0 }}>
                  <Link tag={NavLink} to={editViewPath(entry, kinds[entry.uid])}>
                    <Typography ellipsis textColor="primary600" fontWeight="semiBold">
                      {title}
                    </Typography>
                  </Link>
                  {entry.locale ? (
                    <Typography variant="pi" textColor="neutral500" tag="span">
                      {' '}
                      ({entry.locale})
                    </Typography>
                  ) : null}
                </Box>
                <Box shrink={0}>
                  <StatusBadge status={entry.status as StatusValue} size="S" />
                </Box>
              </Flex>
            </Box>
          );
        })}
      </Box>
    </Flex>
  );
};

export default ReviewQueueWidget;
