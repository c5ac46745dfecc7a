import * as React from 'react';

import {
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Information, Pencil } from '@strapi/icons';

import { fillSiteName } from '../../../shared/disclaimer';
import { ERROR_CODES, toValidationDetails, trustEditSchema } from '../../../shared/schemas';
import {
  AI_INVOLVEMENT,
  DISCLAIMER_MODES,
  type AiInvolvement,
  type DisclaimerMode,
  type TrustState,
} from '../../../shared/trust';
import type { EditorMeta } from '../utils/api';
import { useTranslate, type Translate } from '../hooks/useTranslate';
import { problemsByPath, type Problem } from '../utils/errors';
import { fromDraft, SourcesEditor, toDraft, type SourceDraft } from './SourcesEditor';

export const AI_LABELS: Record<AiInvolvement, string> = {
  unknown: 'Unknown',
  none: 'None (human-written)',
  assisted: 'AI-assisted',
  generated: 'AI-generated',
};
const MODE_LABELS: Record<DisclaimerMode, string> = { default: 'Default text', custom: 'Custom text', off: 'Off' };

interface LabelsForm {
  aiInvolvement: AiInvolvement;
  disclaimerMode: DisclaimerMode;
  disclaimerText: string;
  sources: SourceDraft[];
  /** Published to inform the public on matters of public interest: the entry's own answer, or null for its type's. */
  publicInterest: boolean | null;
}

export const formFrom = (state: TrustState): LabelsForm => ({
  aiInvolvement: state.aiInvolvement,
  disclaimerMode: state.disclaimerMode,
  disclaimerText: state.disclaimerText ?? '',
  sources: state.sources.map(toDraft),
  publicInterest: state.publicInterest ?? null,
});

const bodyFrom = (form: LabelsForm) => ({
  aiInvolvement: form.aiInvolvement,
  disclaimerMode: form.disclaimerMode,
  disclaimerText: form.disclaimerText === '' ? null : form.disclaimerText,
  sources: form.sources.map(fromDraft),
  publicInterest: form.publicInterest,
});

/** The public interest select's values: the type's setting, or the entry's own yes / no. */
type PublicInterestChoice = 'type' | 'yes' | 'no';
const choiceOf = (value: boolean | null): PublicInterestChoice => (value === null ? 'type' : value ? 'yes' : 'no');
const valueOf = (choice: PublicInterestChoice): boolean | null => (choice === 'type' ? null : choice === 'yes');

export type LabelsBody = ReturnType<typeof bodyFrom>;

/** The problems of a form, by path, with the shared schema the server validates with (plus the custom text rule). */
const labelsProblems = (form: LabelsForm): Problem[] => {
  const body = bodyFrom(form);
  const result = trustEditSchema.safeParse(body);
  const problems: Problem[] = result.success ? [] : toValidationDetails(result.error.issues);
  if (body.disclaimerMode === 'custom' && !body.disclaimerText) {
    problems.push({
      path: ['disclaimerText'],
      code: ERROR_CODES.disclaimerTextRequired,
      message: 'disclaimerText is required when disclaimerMode is custom',
    });
  }
  return problems;
};

/** What readers see with these labels: the custom text, the default text of this AI involvement, or nothing. */
export const disclaimerPreview = (
  form: Pick<LabelsForm, 'aiInvolvement' | 'disclaimerMode' | 'disclaimerText'>,
  meta: EditorMeta
): string | null => {
  if (form.disclaimerMode === 'off') return null;
  if (form.disclaimerMode === 'custom')
    return form.disclaimerText.trim() ? fillSiteName(form.disclaimerText, meta.siteName) : null;
  return meta.disclaimerDefaults[form.aiInvolvement] ?? null;
};

export const aiLabel = (t: Translate, value: AiInvolvement) => t(`ai.${value}`, AI_LABELS[value]);
export const modeLabel = (t: Translate, value: DisclaimerMode) => t(`mode.${value}`, MODE_LABELS[value]);

interface LabelsModalProps {
  /** The saved labels the modal starts from each time it opens. */
  draft: TrustState;
  meta: EditorMeta;
  disabled: boolean;
  /** Saves the labels; rejects with the server's problems (already translated, by path) when it refuses them. */
  onSave: (body: LabelsBody) => Promise<{ ok: true } | { ok: false; errors: Record<string, string> }>;
}

/**
 * "Edit labels": the labels' form in a modal, full width. Problems show as the editor types or leaves a field,
 * checked with the same schema as the server's; "Save labels" stays disabled while the form has any. The labels
 * are stored on their own, right away: the modal says so, because the entry has its own Save.
 */
export const LabelsModal = ({ draft, meta, disabled, onSave }: LabelsModalProps) => {
  const t = useTranslate();
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState<LabelsForm>(() => formFrom(draft));
  const [touched, setTouched] = React.useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);

  const openChange = (next: boolean) => {
    if (next) {
      setForm(formFrom(draft));
      setTouched(new Set());
      setServerErrors({});
    }
    setOpen(next);
  };

  const problems = React.useMemo(() => labelsProblems(form), [form]);
  const allErrors = React.useMemo(() => problemsByPath(t, problems), [t, problems]);
  // A problem shows once its field was typed in or left; a server problem shows until that field changes.
  const shown: Record<string, string> = { ...serverErrors };
  for (const [path, message] of Object.entries(allErrors))
    if (touched.has(path) || path === 'sources' || path === '') shown[path] = message;
  const hiddenCount = Object.keys(allErrors).filter((path) => !(path in shown)).length;

  const touch = (path: string) =>
    setTouched((current) => {
      if (current.has(path)) return current;
      const next = new Set(current);
      next.add(path);
      return next;
    });
  const change = (patch: Partial<LabelsForm>, path: string) => {
    setForm((current) => ({ ...current, ...patch }));
    touch(path);
    if (serverErrors[path]) setServerErrors(({ [path]: _dropped, ...rest }) => rest);
  };

  const dirty = JSON.stringify(bodyFrom(form)) !== JSON.stringify(bodyFrom(formFrom(draft)));
  // What the type's setting answers (the draft's applied value when it follows the type).
  const typePublicInterest = draft.publicInterest === null ? draft.publicInterestApplied : meta.publicInterestOfType;
  // A verification covers the declared AI involvement: changing it withdraws the badge (server/src/domain/status.ts).
  const withdrawsVerification = draft.status === 'verified' && form.aiInvolvement !== draft.aiInvolvement;
  const invalid = problems.length > 0;
  const preview = disclaimerPreview(form, meta);

  const sourceErrors = Object.fromEntries(
    Object.entries(shown)
      .filter(([path]) => path === 'sources' || path.startsWith('sources.'))
      .map(([path, message]) => [path.replace(/^sources\.?/, ''), message])
  );
  const otherErrors = Object.entries(shown).filter(
    ([path]) =>
      !['aiInvolvement', 'disclaimerMode', 'disclaimerText', 'publicInterest'].includes(path) &&
      path !== 'sources' &&
      !path.startsWith('sources.')
  );

  const save = async () => {
    if (invalid) return;
    setSaving(true);
    try {
      const result = await onSave(bodyFrom(form));
      if (result.ok) setOpen(false);
      else setServerErrors(result.errors);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={openChange}>
      <Modal.Trigger>
        <Button variant="secondary" fullWidth startIcon={<Pencil />} disabled={disabled}>
          {t('panel.editLabels', 'Edit labels')}
        </Button>
      </Modal.Trigger>
      <Modal.Content data-testid="trust-labels-modal">
        <Modal.Header closeLabel={t('labels.closeLabel', 'Close without saving')}>
          <Modal.Title>{t('labels.title', 'Trust labels ({locale})', { locale: meta.locale })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={5} width="100%">
            <Flex
              gap={2}
              padding={3}
              background="primary100"
              borderColor="primary200"
              hasRadius
              data-testid="trust-labels-hint"
            >
              <Information fill="primary600" aria-hidden />
              <Typography variant="pi" textColor="primary700">
                {t(
                  'labels.hint',
                  'Labels are saved on their own, as soon as you click “Save labels”: the entry’s Save button does not save them.'
                )}
              </Typography>
            </Flex>
            {otherErrors.length > 0 ? (
              <Box padding={3} background="danger100" hasRadius role="alert">
                {otherErrors.map(([path, message]) => (
                  <Typography key={path} variant="pi" textColor="danger700" tag="p">
                    {message}
                  </Typography>
                ))}
              </Box>
            ) : null}
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="aiInvolvement" error={shown.aiInvolvement}>
                  <Field.Label>{t('fields.aiInvolvement', 'AI involvement')}</Field.Label>
                  <SingleSelect
                    value={form.aiInvolvement}
                    onChange={(value: string | number) =>
                      change({ aiInvolvement: value as AiInvolvement }, 'aiInvolvement')
                    }
                  >
                    {AI_INVOLVEMENT.map((value) => (
                      <SingleSelectOption key={value} value={value}>
                        {aiLabel(t, value)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
                {withdrawsVerification ? (
                  <Typography variant="pi" textColor="warning700" data-testid="trust-ai-withdraws">
                    {t(
                      'labels.aiWithdraws',
                      'The verification covers the declared AI involvement: saving this change withdraws the badge until someone verifies again.'
                    )}
                  </Typography>
                ) : null}
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="disclaimerMode" error={shown.disclaimerMode}>
                  <Field.Label>{t('fields.disclaimerMode', 'Disclaimer')}</Field.Label>
                  <SingleSelect
                    value={form.disclaimerMode}
                    onChange={(value: string | number) =>
                      change({ disclaimerMode: value as DisclaimerMode }, 'disclaimerMode')
                    }
                  >
                    {DISCLAIMER_MODES.map((value) => (
                      <SingleSelectOption key={value} value={value}>
                        {modeLabel(t, value)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="publicInterest"
                  error={shown.publicInterest}
                  hint={t(
                    'fields.publicInterestHint',
                    'The AI Act asks for a visible AI label on AI text published to inform the public on matters of public interest (news, politics, health…), unless a person reviewed it and someone holds editorial responsibility.'
                  )}
                >
                  <Field.Label>{t('fields.publicInterest', 'Of public interest')}</Field.Label>
                  <SingleSelect
                    value={choiceOf(form.publicInterest)}
                    onChange={(value: string | number) =>
                      change({ publicInterest: valueOf(value as PublicInterestChoice) }, 'publicInterest')
                    }
                    data-testid="trust-public-interest"
                  >
                    <SingleSelectOption value="type">
                      {typePublicInterest
                        ? t('publicInterest.typeYes', 'As the content type: yes')
                        : t('publicInterest.typeNo', 'As the content type: no')}
                    </SingleSelectOption>
                    <SingleSelectOption value="yes">
                      {t('publicInterest.yes', 'Yes: informs the public on matters of public interest')}
                    </SingleSelectOption>
                    <SingleSelectOption value="no">
                      {t('publicInterest.no', 'No (e.g. advertising, fiction, a product page)')}
                    </SingleSelectOption>
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              {form.disclaimerMode === 'custom' ? (
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="disclaimerText"
                    error={shown.disclaimerText}
                    hint={t(
                      'fields.disclaimerTextHint',
                      'Plain text, up to 2000 characters. {siteName} is replaced by the site name.',
                      { siteName: '{siteName}' }
                    )}
                  >
                    <Field.Label>{t('fields.disclaimerText', 'Custom disclaimer')}</Field.Label>
                    <Textarea
                      value={form.disclaimerText}
                      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                        change({ disclaimerText: event.target.value }, 'disclaimerText')
                      }
                      onBlur={() => touch('disclaimerText')}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ) : null}
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Box padding={3} background="neutral100" hasRadius width="100%" data-testid="trust-disclaimer-preview">
                  <Typography variant="sigma" textColor="neutral600" tag="p">
                    {t('panel.preview', 'Readers see ({locale})', { locale: meta.locale })}
                  </Typography>
                  <Typography variant="omega" textColor={preview ? 'neutral800' : 'neutral500'}>
                    {preview ?? t('panel.noDisclaimer', 'No disclaimer')}
                  </Typography>
                </Box>
              </Grid.Item>
            </Grid.Root>
            <Divider />
            <Typography variant="delta" tag="h3">
              {t('fields.sources', 'Sources')}
            </Typography>
            <SourcesEditor
              sources={form.sources}
              onChange={(sources) => change({ sources }, 'sources')}
              errors={sourceErrors}
              onTouch={(path) => {
                touch(`sources.${path}`);
                if (serverErrors[`sources.${path}`])
                  setServerErrors(({ [`sources.${path}`]: _dropped, ...rest }) => rest);
              }}
            />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('labels.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Flex gap={3}>
            {invalid ? (
              <Typography variant="pi" textColor="danger600" data-testid="trust-labels-invalid">
                {hiddenCount > 0
                  ? t('labels.invalidHidden', 'Some fields are not complete yet.')
                  : t('labels.invalid', 'Fix the fields marked in red to save.')}
              </Typography>
            ) : null}
            <Button disabled={invalid || !dirty || saving} loading={saving} onClick={() => void save()}>
              {t('labels.save', 'Save labels')}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
