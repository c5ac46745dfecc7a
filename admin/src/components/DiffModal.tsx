import * as React from 'react';

import { Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { ArrowClockwise, Eye } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { css, styled } from 'styled-components';

import type { Diff, FieldChange } from '../../../shared/contracts';
import { useTrustApi } from '../hooks/useTrustApi';
import type { AiInvolvement } from '../../../shared/trust';
import { fieldLabel } from '../utils/fields';
import { aiLabel } from './LabelsModal';
import { useTranslate, type Translate } from '../hooks/useTranslate';
import { errorMessage } from '../utils/errors';

/** The plugin's own field (the trust sources), diffed item by item. */
const SOURCES_FIELD = 'sources';
/** The declared AI involvement, which a verification covers (server/src/domain/status.ts AI_INVOLVEMENT_FIELD). */
const AI_INVOLVEMENT_FIELD = 'aiInvolvement';
/** Unchanged text longer than this is shortened to its ends, so that a long body shows its changes, not its whole text. */
const CONTEXT = 120;

// Insertions green, deletions red and struck through. Screen readers do not announce <ins> and <del>: the
// pseudo-elements say where each starts and ends (hidden from sight).
const srMarker = `
  position: absolute;
  clip-path: inset(100%);
  clip: rect(1px, 1px, 1px, 1px);
  width: 1px;
  height: 1px;
  overflow: hidden;
  white-space: nowrap;
`;
/** Screen readers hear where an insertion or deletion starts and ends (the `data-start` and `data-end` texts). */
const changeMarkers = css`
  border-radius: 2px;
  padding: 0 2px;
  &::before {
    content: attr(data-start) ' ';
    ${srMarker}
  }
  &::after {
    content: ' ' attr(data-end);
    ${srMarker}
  }
`;
const Ins = styled.ins`
  background: ${({ theme }) => theme.colors.success100};
  color: ${({ theme }) => theme.colors.success700};
  text-decoration: none;
  ${changeMarkers}
`;
const Del = styled.del`
  background: ${({ theme }) => theme.colors.danger100};
  color: ${({ theme }) => theme.colors.danger700};
  text-decoration: line-through;
  ${changeMarkers}
`;
const Text = styled.p`
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  line-height: 1.6;
  font-size: ${({ theme }) => theme.fontSizes[2]};
  color: ${({ theme }) => theme.colors.neutral800};
`;

const Inserted = ({ children, t }: { children: React.ReactNode; t: Translate }) => (
  <Ins data-start={t('diff.insertStart', 'insertion:')} data-end={t('diff.insertEnd', 'end of insertion')}>
    {children}
  </Ins>
);
const Deleted = ({ children, t }: { children: React.ReactNode; t: Translate }) => (
  <Del data-start={t('diff.deleteStart', 'deletion:')} data-end={t('diff.deleteEnd', 'end of deletion')}>
    {children}
  </Del>
);

/** Unchanged text, shortened in the middle (or at the outer end of the first and the last run) when long. */
const elide = (text: string, first: boolean, last: boolean) => {
  if (text.length <= CONTEXT * 2 + 20) return text;
  if (first && last) return text;
  if (first) return `… ${text.slice(-CONTEXT)}`;
  if (last) return `${text.slice(0, CONTEXT)} …`;
  return `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`;
};

/** Any value as text: strings as they are, rich text by its words, anything else as JSON. */
const asText = (value: unknown, t: Translate): string => {
  if (value === null || value === undefined || value === '') return t('diff.emptyValue', '(empty)');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const words: string[] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const { text, children } = node as { text?: unknown; children?: unknown };
      if (typeof text === 'string') words.push(text);
      if (children !== undefined) collect(children);
    }
  };
  collect(value);
  return words.length > 0 ? words.join(' ') : JSON.stringify(value);
};

const isText = (change: FieldChange) => change.changes.every((item) => typeof item.value === 'string');
const isList = (change: FieldChange) => Array.isArray(change.before) || Array.isArray(change.after);

/** A text field, word by word. */
const TextChanges = ({ change, t }: { change: FieldChange; t: Translate }) => (
  <Text>
    {change.changes.map((item, index) => {
      const value = item.value as string;
      if (item.type === 'insert')
        return (
          <Inserted key={index} t={t}>
            {value}
          </Inserted>
        );
      if (item.type === 'delete')
        return (
          <Deleted key={index} t={t}>
            {value}
          </Deleted>
        );
      return (
        <React.Fragment key={index}>{elide(value, index === 0, index === change.changes.length - 1)}</React.Fragment>
      );
    })}
  </Text>
);

interface SourceLike {
  title?: unknown;
  url?: unknown;
  publisher?: unknown;
  accessedAt?: unknown;
}

const SourceItem = ({ source, t }: { source: SourceLike; t: Translate }) => {
  const details = [source.publisher, source.accessedAt]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(' · ');
  return (
    <>
      <Typography fontWeight="bold" tag="span" textColor="inherit">
        {typeof source.title === 'string' && source.title ? source.title : t('diff.emptyValue', '(empty)')}
      </Typography>{' '}
      <Typography variant="pi" tag="span" textColor="inherit">
        {typeof source.url === 'string' ? source.url : ''}
        {details ? ` · ${details}` : ''}
      </Typography>
    </>
  );
};

/** A list (the sources, or any repeatable field), item by item: added, removed, unchanged. */
const ListChanges = ({ change, t }: { change: FieldChange; t: Translate }) => (
  <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
    {change.changes.map((item, index) => {
      const content =
        change.field === SOURCES_FIELD && item.value && typeof item.value === 'object' ? (
          <SourceItem source={item.value as SourceLike} t={t} />
        ) : (
          asText(item.value, t)
        );
      const tag =
        item.type === 'insert'
          ? t('diff.added', 'Added')
          : item.type === 'delete'
            ? t('diff.removed', 'Removed')
            : t('diff.unchanged', 'Unchanged');
      return (
        <Flex tag="li" key={index} gap={3} alignItems="baseline" data-change={item.type}>
          <Box minWidth="7rem">
            <Typography
              variant="pi"
              fontWeight="bold"
              textColor={item.type === 'insert' ? 'success700' : item.type === 'delete' ? 'danger700' : 'neutral500'}
            >
              {tag}
            </Typography>
          </Box>
          <Text as="div">
            {item.type === 'insert' ? (
              <Inserted t={t}>{content}</Inserted>
            ) : item.type === 'delete' ? (
              <Deleted t={t}>{content}</Deleted>
            ) : (
              content
            )}
          </Text>
        </Flex>
      );
    })}
  </Flex>
);

/** Any other value: the old one struck through, then the new one. */
const ValueChange = ({ change, t }: { change: FieldChange; t: Translate }) => (
  <Text>
    <Deleted t={t}>{asText(change.before, t)}</Deleted> → <Inserted t={t}>{asText(change.after, t)}</Inserted>
  </Text>
);

/** The declared AI involvement (a verification covers it): its labels, before → after. */
const AiInvolvementChange = ({ change, t }: { change: FieldChange; t: Translate }) => (
  <Text>
    <Deleted t={t}>{aiLabel(t, change.before as AiInvolvement)}</Deleted> →{' '}
    <Inserted t={t}>{aiLabel(t, change.after as AiInvolvement)}</Inserted>
  </Text>
);

const FieldChanges = ({ change, t }: { change: FieldChange; t: Translate }) => (
  <Flex tag="section" direction="column" alignItems="stretch" gap={2} data-testid={`trust-diff-${change.field}`}>
    <Typography variant="delta" tag="h3">
      {fieldLabel(t, change.field)}
    </Typography>
    <Box padding={4} background="neutral100" hasRadius>
      {change.field === AI_INVOLVEMENT_FIELD ? (
        <AiInvolvementChange change={change} t={t} />
      ) : isList(change) ? (
        <ListChanges change={change} t={t} />
      ) : isText(change) ? (
        <TextChanges change={change} t={t} />
      ) : (
        <ValueChange change={change} t={t} />
      )}
    </Box>
  </Flex>
);

interface DiffModalProps {
  model: string;
  documentId: string;
  locale: string | null;
}

/**
 * "Show changes": what changed in the draft since its last verification (GET …/diff), field by field, in a wide
 * modal. Loaded each time it opens, so it always shows the saved draft.
 */
export const DiffModal = ({ model, documentId, locale }: DiffModalProps) => {
  const t = useTranslate();
  const { formatDate } = useIntl();
  const api = useTrustApi();
  const [open, setOpen] = React.useState(false);
  const [diff, setDiff] = React.useState<Diff | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);

  const load = React.useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const response = await api.diff(model, documentId, locale);
      setDiff(response.draft);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setLoading(false);
    }
  }, [api, model, documentId, locale, t]);

  React.useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const when = diff?.verifiedAt ? formatDate(diff.verifiedAt, { dateStyle: 'medium', timeStyle: 'short' }) : null;

  return (
    <Modal.Root
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setDiff(null);
          setLoading(true);
        }
        setOpen(next);
      }}
    >
      <Modal.Trigger>
        <Button variant="tertiary" startIcon={<Eye />}>
          {t('diff.show', 'Show changes')}
        </Button>
      </Modal.Trigger>
      <Modal.Content data-testid="trust-diff">
        <Modal.Header closeLabel={t('diff.closeLabel', 'Close the changes')}>
          <Modal.Title>{t('diff.title', 'Changes since the last verification')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={6}>
            {loading && !diff ? <Loader small>{t('diff.loading', 'Loading the changes…')}</Loader> : null}
            {error ? (
              <Flex direction="column" alignItems="flex-start" gap={2}>
                <Typography textColor="danger600">
                  {t('diff.loadFailed', 'The changes could not be loaded: {message}', { message: error })}
                </Typography>
                <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => void load()}>
                  {t('panel.retry', 'Retry')}
                </Button>
              </Flex>
            ) : null}
            {diff ? (
              <Typography variant="pi" textColor="neutral600">
                {when
                  ? t(
                      'diff.since',
                      'Verified on {date}. Deleted text is red and struck through; inserted text is green.',
                      { date: when }
                    )
                  : t('diff.legend', 'Deleted text is red and struck through; inserted text is green.')}
              </Typography>
            ) : null}
            {!loading && !error && (!diff || diff.fields.length === 0) ? (
              <Typography textColor="neutral600">
                {t('diff.empty', 'Nothing changed since the last verification.')}
              </Typography>
            ) : null}
            {diff?.fields.map((change) => (
              <FieldChanges key={change.field} change={change} t={t} />
            ))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('diff.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
