import * as React from 'react';

import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { AiInvolvement, TrustSuggestion } from '../../../shared/trust';
import type { Translate } from '../hooks/useTranslate';
import { aiLabel } from './LabelsModal';

interface SuggestionNoticeProps {
  suggestion: TrustSuggestion;
  /** The editor's AI involvement now, to show the suggested change. */
  current: AiInvolvement;
  canEdit: boolean;
  busy: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  t: Translate;
}

/**
 * An AI agent's pending suggestion (MCP tool trust_labels_suggest, docs/api.md#mcp-tools): what it would change, and,
 * for editors, Accept (applied as their own label edit) or Dismiss. Nothing of it is public until accepted.
 */
export const SuggestionNotice = ({
  suggestion,
  current,
  canEdit,
  busy,
  onAccept,
  onDismiss,
  t,
}: SuggestionNoticeProps) => {
  const { formatDate } = useIntl();
  const who = suggestion.suggestedBy?.name ?? t('suggestion.anAgent', 'an AI agent');
  const when = formatDate(suggestion.suggestedAt, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Box background="primary100" borderColor="primary200" hasRadius padding={3} data-testid="trust-suggestion">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="primary700">
          {t('suggestion.title', 'Suggested by an AI agent')}
        </Typography>
        <Typography variant="pi" textColor="neutral700">
          {t('suggestion.by', 'By {who} (MCP), {when}. Nothing changes until you accept.', { who, when })}
        </Typography>
        {suggestion.aiInvolvement ? (
          <Typography variant="pi" textColor="neutral800">
            {t('suggestion.ai', 'AI involvement: {from} → {to}', {
              from: aiLabel(t, current),
              to: aiLabel(t, suggestion.aiInvolvement),
            })}
          </Typography>
        ) : null}
        {suggestion.sources.length > 0 ? (
          <Box>
            <Typography variant="pi" textColor="neutral800">
              {t('suggestion.sources', '{count, plural, one {# source to add} other {# sources to add}}', {
                count: suggestion.sources.length,
              })}
            </Typography>
            <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
              {suggestion.sources.map((source) => (
                <Typography
                  key={source.url}
                  variant="pi"
                  textColor="neutral800"
                  tag="li"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {source.title} ({source.url})
                </Typography>
              ))}
            </Box>
          </Box>
        ) : null}
        {canEdit ? (
          <Flex gap={2} wrap="wrap">
            <Button size="S" onClick={onAccept} disabled={busy} data-testid="trust-suggestion-accept">
              {t('suggestion.accept', 'Accept')}
            </Button>
            <Button
              size="S"
              variant="tertiary"
              onClick={onDismiss}
              disabled={busy}
              data-testid="trust-suggestion-dismiss"
            >
              {t('suggestion.dismiss', 'Dismiss')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
