import * as React from 'react';

import { Box, Button, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useNotification,
  useRBAC,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { ACTIONS } from '../../../shared/constants';
import { disclosureWords } from '../../../shared/disclosure';
import type { ChainStatus } from '../../../shared/contracts';
import type { TrustState } from '../../../shared/trust';
import { announceTrustChange } from '../hooks/useTrustEvents';
import { hasTrustLabels } from '../utils/enabled';
import { useRefreshCmDocument, useTrustApi } from '../hooks/useTrustApi';
import { readError, type DocumentResponse, type HistoryEvent } from '../utils/api';
import { useTranslate, type Translate } from '../hooks/useTranslate';
import { getTranslation } from '../utils/getTranslation';
import { fieldLabels } from '../utils/fields';
import { currentCmLocale } from '../utils/locale';
import { DiffModal } from './DiffModal';
import { errorMessage, problemsByPath } from '../utils/errors';
import { aiLabel, disclaimerPreview, formFrom, LabelsModal, modeLabel, type LabelsBody } from './LabelsModal';
import { StatusBadge } from './StatusBadge';
import { SuggestionNotice } from './SuggestionNotice';
import { checkName, VerifyDialog, verifyErrorMessage, type VerifyInput } from './VerifyDialog';

const PERMISSIONS = [
  { action: ACTIONS.read, subject: null },
  { action: ACTIONS.edit, subject: null },
  { action: ACTIONS.verify, subject: null },
];

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { locale?: string | null; updatedAt?: string; publishedAt?: string | null } & Record<string, unknown>;
  activeTab?: 'draft' | 'published' | null;
  collectionType: string;
}

/** Edit-view side panel "Trust", registered with the Content Manager; nothing on types without trust labels. */
export const TrustPanel = (props: PanelProps) => {
  const { formatMessage } = useIntl();
  const { contentType } = useContentManagerContext();
  if (!hasTrustLabels(contentType)) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Trust' }),
    content: <TrustPanelContent {...props} />,
  };
};

const TrustPanelContent = ({ model, documentId, document, collectionType }: PanelProps) => {
  const { formatDate } = useIntl();
  const t = useTranslate();
  const api = useTrustApi();
  const refreshCmDocument = useRefreshCmDocument();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const canEdit = Boolean(allowedActions.canEdit);
  const canVerify = Boolean(allowedActions.canVerify);

  const locale = (document?.locale as string | undefined) ?? currentCmLocale();
  const [data, setData] = React.useState<DocumentResponse | null>(null);
  const [history, setHistory] = React.useState<HistoryEvent[]>([]);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    if (!documentId) return;
    try {
      const [response, events] = await Promise.all([
        api.document(model, documentId, locale),
        api.history(model, documentId, locale),
      ]);
      setData(response);
      setHistory(events.slice(0, 3));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(t, error));
    }
  }, [api, model, documentId, locale, t]);

  // Refetch when the entry is saved, published or discarded, or the locale switcher changes the locale.
  React.useEffect(() => {
    void load();
  }, [load, document?.updatedAt, document?.publishedAt]);

  if (!documentId) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('panel.saveFirst', 'Save the entry to add trust labels.')}
      </Typography>
    );
  }
  if (loadError) {
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi" textColor="danger600">
          {loadError}
        </Typography>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => void load()}>
          {t('panel.retry', 'Retry')}
        </Button>
      </Flex>
    );
  }
  if (!data) return <Loader small>{t('panel.loading', 'Loading trust labels…')}</Loader>;

  const { draft, published } = data.data;
  const meta = data.meta;

  /** The labels are stored on their own (PUT /trust-labels/documents/…), not with the entry's Save. */
  const saveLabels = async (body: LabelsBody) => {
    setBusy(true);
    try {
      const response = await api.saveLabels(model, documentId, locale, body);
      setData({ ...response, meta });
      toggleNotification({ type: 'success', message: t('notify.saved', 'Trust labels saved') });
      announceTrustChange();
      // The entry changed (its status, the Publish button): the edit view refetches it, no reload needed.
      refreshCmDocument({ model, documentId, collectionType });
      void load();
      return { ok: true as const };
    } catch (error) {
      const { details } = readError(error);
      const errors = problemsByPath(t, details);
      toggleNotification({
        type: 'danger',
        message:
          details.length > 0
            ? t('labels.saveRefused', 'The labels were not saved: fix the fields marked in red.')
            : errorMessage(t, error),
      });
      return { ok: false as const, errors };
    } finally {
      setBusy(false);
    }
  };

  const runVerification = async (action: 'verify' | 'unverify', { note, checks }: VerifyInput) => {
    setBusy(true);
    try {
      const withNote = note.trim() ? { note } : {};
      // Verify what the editor saw: a draft changed since answers 409 instead of verifying content nobody reviewed.
      await (action === 'verify'
        ? api.verify(model, documentId, locale, { ...withNote, checks, contentHash: draft.contentHash })
        : api.unverify(model, documentId, locale, withNote));
      toggleNotification({
        type: 'success',
        message:
          action === 'verify'
            ? t('notify.verified', 'Marked as Human Verified')
            : t('notify.unverified', 'Verification withdrawn'),
      });
      announceTrustChange();
      // The entry changed (its status, the Publish button): the edit view refetches it, no reload needed.
      refreshCmDocument({ model, documentId, collectionType });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: verifyErrorMessage(error, t) });
      // What the server refused with (a setting changed meanwhile, the content changed): show the current state.
      void load();
    } finally {
      setBusy(false);
    }
  };

  const decideSuggestion = async (decision: 'accept' | 'dismiss') => {
    setBusy(true);
    try {
      await (decision === 'accept'
        ? api.acceptSuggestion(model, documentId, locale)
        : api.dismissSuggestion(model, documentId, locale));
      toggleNotification({
        type: 'success',
        message:
          decision === 'accept'
            ? t('notify.suggestionAccepted', 'Suggestion applied to the labels')
            : t('notify.suggestionDismissed', 'Suggestion dismissed'),
      });
      announceTrustChange();
      // Accepted sources can make a verified draft stale: the edit view refetches the entry.
      if (decision === 'accept') refreshCmDocument({ model, documentId, collectionType });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(t, error) });
    } finally {
      setBusy(false);
      void load();
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="trust-panel">
      {meta.chain && !meta.chain.ok ? <ChainWarning chain={meta.chain} t={t} /> : null}
      <StatusSummary draft={draft} published={published} formatDate={formatDate} t={t} />
      {draft.status === 'stale' ? (
        <Box>
          <DiffModal model={model} documentId={documentId} locale={locale} />
        </Box>
      ) : null}

      {canVerify ? (
        <Flex gap={2} wrap="wrap">
          {/* One action: Verify an unverified or stale draft, Unverify a verified one. */}
          {draft.status === 'verified' ? (
            <VerifyDialog action="unverify" disabled={busy} onConfirm={(input) => runVerification('unverify', input)} />
          ) : (
            <VerifyDialog
              action="verify"
              disabled={busy}
              onConfirm={(input) => runVerification('verify', input)}
              requiredSources={meta.requiredSources}
              sourceCount={draft.sources.length}
              requiredChecks={meta.requiredChecks}
              responsible={draft.responsibleParty ?? meta.editorialResponsibility}
              aiInvolvement={draft.aiInvolvement}
              publicInterest={draft.publicInterestApplied}
            />
          )}
        </Flex>
      ) : null}

      <Divider />
      {draft.suggestion ? (
        <SuggestionNotice
          suggestion={draft.suggestion}
          current={draft.aiInvolvement}
          canEdit={canEdit}
          busy={busy}
          onAccept={() => void decideSuggestion('accept')}
          onDismiss={() => void decideSuggestion('dismiss')}
          t={t}
        />
      ) : null}
      <LabelsSummary draft={draft} meta={meta} t={t} />
      {canEdit ? <LabelsModal draft={draft} meta={meta} disabled={busy} onSave={saveLabels} /> : null}

      <Divider />
      <HistoryList events={history} formatDate={formatDate} t={t} />
    </Flex>
  );
};

const MAX_SOURCE_TITLES = 5;

/** The saved labels in a few lines: the panel is narrow, the modal edits them. */
const LabelsSummary = ({ draft, meta, t }: { draft: TrustState; meta: DocumentResponse['meta']; t: Translate }) => {
  const { locale: adminLocale } = useIntl();
  const preview = disclaimerPreview(formFrom(draft), meta);
  // The disclosure in the shared words (shared/disclosure.ts) the SVG badge uses: in the editor's language, and as
  // the badge says it in the entry's locale when that reads differently.
  const disclosure = disclosureWords(draft.disclosure.value, adminLocale);
  const badgeWords = disclosureWords(draft.disclosure.value, meta.locale);
  const titles = draft.sources.slice(0, MAX_SOURCE_TITLES);
  const more = draft.sources.length - titles.length;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="trust-labels-summary">
      <SummaryItem label={t('fields.aiInvolvement', 'AI involvement')} testId="trust-summary-ai">
        {aiLabel(t, draft.aiInvolvement)}
      </SummaryItem>
      <SummaryItem label={t('panel.disclosure', 'AI disclosure')} testId="trust-summary-disclosure">
        {disclosure}
        {draft.disclosure.labelRequired
          ? ` · ${t('disclosure.labelRequired', 'a visible AI label is required')}`
          : null}
        {!draft.publicInterestApplied ? ` · ${t('disclosure.notPublicInterest', 'not of public interest')}` : null}
        {badgeWords !== disclosure ? (
          <Typography
            variant="pi"
            textColor="neutral600"
            tag="span"
            display="block"
            data-testid="trust-summary-disclosure-badge"
          >
            {t('panel.disclosureBadge', 'Badge ({locale}): {words}', { locale: meta.locale, words: badgeWords })}
          </Typography>
        ) : null}
      </SummaryItem>
      <SummaryItem
        label={t('panel.preview', 'Readers see ({locale})', { locale: meta.locale })}
        testId="trust-summary-disclaimer"
      >
        <Typography variant="pi" textColor="neutral500" tag="span">
          {modeLabel(t, draft.disclaimerMode)}
          {' · '}
        </Typography>
        {preview ?? t('panel.noDisclaimer', 'No disclaimer')}
      </SummaryItem>
      <SummaryItem
        label={t('panel.sourcesCount', '{count, plural, =0 {No sources} one {# source} other {# sources}}', {
          count: draft.sources.length,
        })}
        testId="trust-summary-sources"
      >
        {titles.length > 0 ? (
          <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
            {titles.map((source, index) => (
              <Typography key={index} variant="pi" textColor="neutral800" tag="li" style={{ overflowWrap: 'anywhere' }}>
                {source.title}
              </Typography>
            ))}
            {more > 0 ? (
              <Typography variant="pi" textColor="neutral600" tag="li">
                {t('panel.moreSources', 'and {count} more', { count: more })}
              </Typography>
            ) : null}
          </Box>
        ) : null}
      </SummaryItem>
    </Flex>
  );
};

const SummaryItem = ({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) => (
  <Box data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography variant="pi" textColor="neutral800" tag="div" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Box>
);

type FormatDate = ReturnType<typeof useIntl>['formatDate'];

/** The audit chain's last check found a broken link: say so before anything else, compactly (the panel is narrow). */
const ChainWarning = ({ chain, t }: { chain: ChainStatus; t: Translate }) => (
  <Box
    padding={3}
    background="danger100"
    borderColor="danger200"
    hasRadius
    role="alert"
    data-testid="trust-chain-warning"
  >
    <Typography variant="pi" textColor="danger700" fontWeight="bold" tag="p">
      {chain.firstBrokenEventId !== null
        ? t(
            'panel.chainBroken',
            'The audit log’s chain is broken (first broken event #{id}): the history may have been tampered with. Run the integrity check.',
            {
              id: String(chain.firstBrokenEventId),
            }
          )
        : t(
            'panel.chainBrokenHead',
            'The audit log’s chain is broken: the history may have been tampered with. Run the integrity check.'
          )}
    </Typography>
    {chain.reason ? (
      <Typography variant="pi" textColor="danger600" tag="p">
        {chain.reason}
      </Typography>
    ) : null}
  </Box>
);

const StatusSummary = ({
  draft,
  published,
  formatDate,
  t,
}: {
  draft: TrustState;
  published: TrustState | null;
  formatDate: FormatDate;
  t: Translate;
}) => {
  const when = draft.verifiedAt ? formatDate(draft.verifiedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} wrap="wrap">
        <StatusBadge status={draft.status} />
        {published && published.status !== draft.status ? (
          <Typography variant="pi" textColor="neutral600">
            {t('panel.publishedIs', 'Published version: {status}', {
              status: t(
                `status.${published.status}`,
                { verified: 'Human Verified', stale: 'Needs re-verification', unverified: 'Not verified' }[
                  published.status
                ]
              ),
            })}
          </Typography>
        ) : null}
      </Flex>
      {draft.status !== 'unverified' && draft.verifiedBy ? (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.verifiedBy', 'Verified by {name} on {date}', { name: draft.verifiedBy.name, date: when })}
        </Typography>
      ) : null}
      {draft.status === 'verified' && draft.checks && draft.checks.length > 0 ? (
        <Typography variant="pi" textColor="neutral600" data-testid="trust-checked">
          {t('panel.checked', 'Checked: {checks}', {
            checks: draft.checks.map((check) => checkName(t, check)).join(', '),
          })}
        </Typography>
      ) : null}
      {draft.status === 'stale' ? (
        <Typography variant="pi" textColor="warning600" data-testid="trust-changed-fields">
          {t('panel.changedFields', 'Changed since verification: {fields}', {
            fields: fieldLabels(t, draft.changedFields),
          })}
        </Typography>
      ) : null}
    </Flex>
  );
};

const HistoryList = ({ events, formatDate, t }: { events: HistoryEvent[]; formatDate: FormatDate; t: Translate }) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid="trust-history">
    <Typography variant="sigma" textColor="neutral600">
      {t('history.title', 'Recent history')}
    </Typography>
    {events.length === 0 ? (
      <Typography variant="pi" textColor="neutral500">
        {t('history.empty', 'Nothing yet.')}
      </Typography>
    ) : (
      events.map((event) => (
        <Box key={event.id}>
          <Typography variant="pi" fontWeight="bold">
            {t(
              `history.${event.action}`,
              {
                verify: 'Verified',
                unverify: 'Unverified',
                stale: 'Became stale',
                restore: 'Verified again (content restored)',
                edit: 'Labels edited',
                repair: 'Repaired by the integrity check',
              }[event.action]
            )}
            {event.changedFields.length > 0 ? ` · ${fieldLabels(t, event.changedFields)}` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {[
              event.actor?.name ?? t('history.system', 'system'),
              formatDate(event.at, { dateStyle: 'medium', timeStyle: 'short' }),
            ].join(' · ')}
          </Typography>
          {event.note ? (
            <Typography variant="pi" textColor="neutral600" tag="p">
              “{event.note}”
            </Typography>
          ) : null}
        </Box>
      ))
    )}
  </Flex>
);
