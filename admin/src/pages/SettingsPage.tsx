import * as React from 'react';

import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';

import { ACTIONS } from '../../../shared/constants';
import { disclaimerTextsFor, pickLocalizedWord } from '../../../shared/disclaimer';
import type { SettingsProblem } from '../../../shared/contracts';
import { settingsSchema, toValidationDetails } from '../../../shared/schemas';
import {
  AI_INVOLVEMENT,
  REVIEW_CHECKS,
  type AiInvolvement,
  type EditorialResponsibility,
  type ReviewCheck,
  type Settings,
} from '../../../shared/trust';
import { CHECK_LABELS } from '../components/BulkActions';
import { useTrustApi } from '../hooks/useTrustApi';
import { readError } from '../utils/api';
import { errorMessage, problemsByPath } from '../utils/errors';
import { useTranslate } from '../hooks/useTranslate';

const PERMISSIONS = [
  { action: ACTIONS.settingsRead, subject: null },
  { action: ACTIONS.settingsUpdate, subject: null },
];

const AI_LABELS: Record<AiInvolvement, string> = {
  unknown: 'Unknown',
  none: 'None (human-written)',
  assisted: 'AI-assisted',
  generated: 'AI-generated',
};

/** The editorial responsibility fields as typed: a URL may be typed before the name. */
interface ResponsibilityDraft {
  name: string;
  url: string;
  type: NonNullable<EditorialResponsibility['type']>;
}

const draftOf = (value: EditorialResponsibility | null): ResponsibilityDraft => ({
  name: value?.name ?? '',
  url: value?.url ?? '',
  type: value?.type ?? 'Organization',
});

/** An empty name means nobody is named: the setting is null. */
const responsibilityOf = (draft: ResponsibilityDraft): EditorialResponsibility | null =>
  draft.name.trim() === ''
    ? null
    : { name: draft.name, url: draft.url.trim() === '' ? null : draft.url, type: draft.type };

/**
 * What readers get for a locale whose field is left empty (shared/reader-words.ts): the built-in words of its
 * language, or the fallback locale's value. Shown as the field's placeholder.
 */
const builtInWord = (labels: Record<string, string>, locale: string, word: Parameters<typeof pickLocalizedWord>[3]) => {
  const others = { ...labels };
  delete others[locale];
  return pickLocalizedWord(others, locale, 'en', word);
};

/** The disclaimer texts a locale without its own texts gets (its language's built-in texts, or the fallback's). */
const fallbackTexts = (disclaimers: Settings['disclaimers'], locale: string) => {
  const others = { ...disclaimers };
  delete others[locale];
  return disclaimerTextsFor(others, locale, 'en')?.texts;
};

const SettingsPage = () => {
  const t = useTranslate();
  const api = useTrustApi();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingPermissions } = useRBAC(PERMISSIONS);
  const canRead = Boolean(allowedActions.canRead);
  const canUpdate = Boolean(allowedActions.canUpdate);

  const [saved, setSaved] = React.useState<Settings | null>(null);
  const [form, setForm] = React.useState<Settings | null>(null);
  const [locales, setLocales] = React.useState<Array<{ code: string; name: string }>>([]);
  const [locale, setLocale] = React.useState('en');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  const [problems, setProblems] = React.useState<SettingsProblem[]>([]);
  const [contentTypes, setContentTypes] = React.useState<Array<{ uid: string; displayName: string }>>([]);
  const [responsibility, setResponsibility] = React.useState<ResponsibilityDraft>(draftOf(null));
  // A failed load shows Strapi's error page with a retry (or its no-permission page), never an endless spinner.
  const [loadFailure, setLoadFailure] = React.useState<{ status: number | null; message: string } | null>(null);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    if (loadingPermissions || !canRead) return;
    setLoadFailure(null);
    void (async () => {
      const { data: settings, meta } = await api.settings();
      setSaved(settings);
      setForm(settings);
      setResponsibility(draftOf(settings.editorialResponsibility ?? null));
      setProblems(meta?.problems ?? []);
      setContentTypes(meta?.contentTypes ?? []);
      let available: Array<{ code: string; name: string }> = [];
      try {
        available = (await api.locales()).map(({ code, name }) => ({ code, name }));
      } catch {
        // Without the i18n permission, offer the locales the settings already have.
      }
      const codes = new Set([
        ...available.map((l) => l.code),
        ...Object.keys(settings.disclaimers),
        ...Object.keys(settings.badgeLabel),
        ...Object.keys(settings.notVerifiedLabel ?? {}),
        'en',
      ]);
      setLocales([...codes].map((code) => available.find((l) => l.code === code) ?? { code, name: code }));
    })().catch((error) =>
      setLoadFailure({ status: (error as any)?.response?.status ?? null, message: errorMessage(t, error) })
    );
  }, [api, attempt, loadingPermissions, canRead, t]);

  if (loadingPermissions) return <Page.Loading />;
  if (!canRead || loadFailure?.status === 403) return <Page.NoPermissions />;
  if (loadFailure) {
    return (
      <Page.Error
        content={t('settings.loadFailed', 'The settings could not be loaded: {message}', {
          message: loadFailure.message,
        })}
        action={
          <Button variant="secondary" onClick={() => setAttempt((value) => value + 1)}>
            {t('settings.retry', 'Try again')}
          </Button>
        }
      />
    );
  }
  if (!form || !saved) return <Page.Loading />;

  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  const texts = form.disclaimers[locale];
  const setText = (value: AiInvolvement, text: string | null) => {
    // A locale's first edited text: the others start as the texts its readers get now (the built-in words of its
    // language), not empty, so that editing one does not silently remove the others.
    const base = texts ?? {
      unknown: null,
      none: null,
      assisted: null,
      generated: null,
      ...fallbackTexts(form.disclaimers, locale),
    };
    setForm({ ...form, disclaimers: { ...form.disclaimers, [locale]: { ...base, [value]: text } } });
  };

  const setResponsibilityField = (patch: Partial<ResponsibilityDraft>) => {
    const next = { ...responsibility, ...patch };
    setResponsibility(next);
    setForm({ ...form, editorialResponsibility: responsibilityOf(next) });
  };

  const toggleCheck = (check: ReviewCheck, on: boolean) => {
    const requiredChecks = REVIEW_CHECKS.filter((c) => (c === check ? on : (form.requiredChecks ?? []).includes(c)));
    setForm({ ...form, requiredChecks });
  };

  const save = async () => {
    const result = settingsSchema.safeParse(form);
    // A URL without a name would be dropped (no name: nobody is named); say so rather than lose it.
    const urlWithoutName = responsibility.name.trim() === '' && responsibility.url.trim() !== '';
    if (!result.success || urlWithoutName) {
      const found = result.success ? {} : problemsByPath(t, toValidationDetails(result.error.issues));
      if (urlWithoutName)
        found['editorialResponsibility.name'] = t('settings.responsibleNameRequired', 'Give a name, or clear the URL.');
      setErrors(found);
      toggleNotification({ type: 'danger', message: t('settings.invalid', 'Some settings are not valid.') });
      return;
    }
    setSaving(true);
    try {
      const next = (await api.saveSettings(form)).data;
      setSaved(next);
      setForm(next);
      setResponsibility(draftOf(next.editorialResponsibility ?? null));
      setErrors({});
      // Saving writes every key, so the stored values that failed validation are replaced.
      setProblems([]);
      toggleNotification({ type: 'success', message: t('settings.saved', 'Settings saved') });
    } catch (error) {
      const { details } = readError(error);
      setErrors(problemsByPath(t, details));
      toggleNotification({
        type: 'danger',
        message:
          details.length > 0
            ? t('settings.saveRefused', 'The settings were not saved: fix the fields marked in red.')
            : errorMessage(t, error),
      });
    } finally {
      setSaving(false);
    }
  };

  const title = t('settings.title', 'Trust Labels');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('settings.subtitle', 'Disclaimers, sources and the Human Verified badge')}
        primaryAction={
          canUpdate ? (
            <Button
              startIcon={<Check />}
              disabled={!dirty && problems.length === 0}
              loading={saving}
              onClick={() => void save()}
            >
              {t('settings.save', 'Save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {problems.length > 0 ? (
            <Box
              padding={5}
              background="warning100"
              borderColor="warning200"
              hasRadius
              role="status"
              data-testid="trust-settings-problems"
            >
              <Typography fontWeight="bold" textColor="warning700" tag="p">
                {t(
                  'settings.problems',
                  'Some stored settings are not valid. Until the settings are saved again, these keys use their default values:'
                )}
              </Typography>
              <Box tag="ul" paddingTop={2} paddingLeft={5} style={{ listStyle: 'disc' }}>
                {problems.map((problem) => (
                  <Typography key={problem.key} tag="li" textColor="neutral800">
                    <Typography fontWeight="semiBold">{problem.key}</Typography>: {problem.message}
                  </Typography>
                ))}
              </Box>
            </Box>
          ) : null}
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="delta" tag="h2">
                {t('settings.general', 'General')}
              </Typography>
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="siteName"
                    error={errors.siteName}
                    hint={t('settings.siteNameHint', 'Fills {siteName} in disclaimer texts.', {
                      siteName: '{siteName}',
                    })}
                  >
                    <Field.Label>{t('settings.siteName', 'Site name')}</Field.Label>
                    <TextInput
                      value={form.siteName}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                        setForm({ ...form, siteName: e.target.value })
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="publishingPrinciplesUrl"
                    error={errors.publishingPrinciplesUrl}
                    hint={t('settings.principlesHint', 'Linked from JSON-LD as publishingPrinciples.')}
                  >
                    <Field.Label>{t('settings.principles', 'Publishing principles URL')}</Field.Label>
                    <TextInput
                      type="url"
                      value={form.publishingPrinciplesUrl ?? ''}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                        setForm({ ...form, publishingPrinciplesUrl: e.target.value === '' ? null : e.target.value })
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="requiredSources"
                    error={errors.requiredSources}
                    hint={t('settings.requiredSourcesHint', 'Fewest sources an entry needs before it can be verified.')}
                  >
                    <Field.Label>{t('settings.requiredSources', 'Required sources')}</Field.Label>
                    <NumberInput
                      value={form.requiredSources}
                      disabled={!canUpdate}
                      onValueChange={(value: number | undefined) => setForm({ ...form, requiredSources: value ?? 0 })}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                {(['fourEyes', 'showVerifierName', 'requireDisclosure'] as const).map((key) => (
                  <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name={key} hint={t(`settings.${key}Hint`, SETTING_HINTS[key])}>
                      <Field.Label>{t(`settings.${key}`, SETTING_LABELS[key])}</Field.Label>
                      <Toggle
                        checked={form[key]}
                        disabled={!canUpdate}
                        onLabel={t('settings.on', 'On')}
                        offLabel={t('settings.off', 'Off')}
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                          setForm({ ...form, [key]: e.target.checked })
                        }
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Grid.Item>
                ))}
              </Grid.Root>
            </Flex>
          </Box>

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius data-testid="trust-settings-review">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Box>
                <Typography variant="delta" tag="h2">
                  {t('settings.review', 'Review and responsibility')}
                </Typography>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {t(
                    'settings.reviewHint',
                    'What a verifier must confirm, and who takes editorial responsibility for the entries (JSON-LD and the audit log).'
                  )}
                </Typography>
              </Box>
              <Field.Root
                name="requiredChecks"
                error={errors.requiredChecks}
                hint={t(
                  'settings.requiredChecksHint',
                  'A verification is refused until the verifier ticks each of these.'
                )}
              >
                <Field.Label>{t('settings.requiredChecks', 'Checks a verifier must confirm')}</Field.Label>
                <Flex direction="column" alignItems="stretch" gap={2} paddingTop={1} paddingBottom={1}>
                  {REVIEW_CHECKS.map((check) => (
                    <Checkbox
                      key={check}
                      name={`requiredChecks.${check}`}
                      checked={form.requiredChecks?.includes(check) ?? false}
                      disabled={!canUpdate}
                      onCheckedChange={(checked: boolean | 'indeterminate') => toggleCheck(check, checked === true)}
                    >
                      {t(`checks.${check}`, CHECK_LABELS[check])}
                    </Checkbox>
                  ))}
                </Flex>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Grid.Root gap={5}>
                <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="editorialResponsibility.name"
                    error={errors['editorialResponsibility.name'] ?? errors.editorialResponsibility}
                    hint={t('settings.responsibleNameHint', 'Leave empty to name nobody.')}
                  >
                    <Field.Label>{t('settings.responsibleName', 'Editorial responsibility')}</Field.Label>
                    <TextInput
                      value={responsibility.name}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                        setResponsibilityField({ name: e.target.value })
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="editorialResponsibility.url"
                    error={errors['editorialResponsibility.url']}
                    hint={t('settings.responsibleUrlHint', 'Optional: a page about them.')}
                  >
                    <Field.Label>{t('settings.responsibleUrl', 'Responsibility URL')}</Field.Label>
                    <TextInput
                      type="url"
                      value={responsibility.url}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                        setResponsibilityField({ url: e.target.value })
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="editorialResponsibility.type" error={errors['editorialResponsibility.type']}>
                    <Field.Label>{t('settings.responsibleType', 'Responsibility type')}</Field.Label>
                    <SingleSelect
                      value={responsibility.type}
                      disabled={!canUpdate}
                      onChange={(value: string | number) =>
                        setResponsibilityField({ type: value === 'Person' ? 'Person' : 'Organization' })
                      }
                    >
                      <SingleSelectOption value="Organization">
                        {t('settings.responsibleOrganization', 'Organization')}
                      </SingleSelectOption>
                      <SingleSelectOption value="Person">
                        {t('settings.responsiblePerson', 'Person')}
                      </SingleSelectOption>
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              {!form.editorialResponsibility ? (
                <Typography variant="pi" textColor="warning700" data-testid="trust-settings-no-responsibility">
                  {t(
                    'settings.noResponsibilityLabel',
                    'With nobody named, verified AI text of public interest still carries the AI label for readers: the AI Act lifts it only when a person reviewed the text and someone holds editorial responsibility.'
                  )}
                </Typography>
              ) : null}
              <Field.Root
                name="publicInterest"
                error={errors.publicInterest}
                hint={t(
                  'settings.publicInterestHint',
                  'Texts published to inform the public on matters of public interest need the AI label (AI Act Art. 50(4)). Turn it off for types that are not (advertising, fiction, product pages). An entry may answer for itself in its labels.'
                )}
              >
                <Field.Label>{t('settings.publicInterest', 'Of public interest, per content type')}</Field.Label>
                <Flex
                  direction="column"
                  alignItems="stretch"
                  gap={2}
                  paddingTop={1}
                  paddingBottom={1}
                  data-testid="trust-settings-public-interest"
                >
                  {contentTypes.map((type) => (
                    <Checkbox
                      key={type.uid}
                      name={`publicInterest.${type.uid}`}
                      checked={form.publicInterest?.[type.uid] ?? true}
                      disabled={!canUpdate}
                      onCheckedChange={(checked: boolean | 'indeterminate') =>
                        setForm({
                          ...form,
                          publicInterest: { ...(form.publicInterest ?? {}), [type.uid]: checked === true },
                        })
                      }
                    >
                      {type.displayName}
                    </Checkbox>
                  ))}
                </Flex>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Flex>
          </Box>

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
                <Box>
                  <Typography variant="delta" tag="h2">
                    {t('settings.texts', 'Disclaimers and badge label')}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {t(
                      'settings.textsHint',
                      'Per locale. A locale without texts gets the built-in words of its language (the 24 EU languages; shown greyed in empty fields); other languages fall back to the default locale, then to English.'
                    )}
                  </Typography>
                </Box>
                <Box minWidth="200px">
                  <Field.Root name="locale">
                    <Field.Label>{t('settings.locale', 'Locale')}</Field.Label>
                    <SingleSelect value={locale} onChange={(value: string | number) => setLocale(String(value))}>
                      {locales.map((l) => (
                        <SingleSelectOption key={l.code} value={l.code}>
                          {l.name}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Box>
              </Flex>
              {!texts ? (
                <Typography variant="pi" textColor="neutral600">
                  {t(
                    'settings.fallback',
                    'No texts for this locale yet: readers see the fallback. Type a text below to add them.'
                  )}
                </Typography>
              ) : null}
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name={`badgeLabel.${locale}`} error={errors[`badgeLabel.${locale}`]}>
                    <Field.Label>{t('settings.badgeLabel', 'Badge label')}</Field.Label>
                    <TextInput
                      value={form.badgeLabel[locale] ?? ''}
                      placeholder={builtInWord(form.badgeLabel, locale, (words) => words.humanVerified)}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                        const badgeLabel = { ...form.badgeLabel, [locale]: e.target.value };
                        if (e.target.value === '') delete badgeLabel[locale];
                        setForm({ ...form, badgeLabel });
                      }}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name={`notVerifiedLabel.${locale}`}
                    error={errors[`notVerifiedLabel.${locale}`]}
                    hint={t(
                      'settings.notVerifiedLabelHint',
                      'The badge’s text when the published version is not verified.'
                    )}
                  >
                    <Field.Label>{t('settings.notVerifiedLabel', 'Not verified label')}</Field.Label>
                    <TextInput
                      value={form.notVerifiedLabel?.[locale] ?? ''}
                      placeholder={builtInWord(form.notVerifiedLabel ?? {}, locale, (words) => words.notVerified)}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                        const notVerifiedLabel = { ...form.notVerifiedLabel, [locale]: e.target.value };
                        if (e.target.value === '') delete notVerifiedLabel[locale];
                        setForm({ ...form, notVerifiedLabel });
                      }}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              {AI_INVOLVEMENT.map((value) => {
                const text = texts?.[value] ?? null;
                const path = `disclaimers.${locale}.${value}`;
                return (
                  <Field.Root key={value} name={path} error={errors[path]}>
                    <Field.Label>
                      {t('settings.disclaimerFor', 'Disclaimer when AI involvement is “{value}”', {
                        value: t(`ai.${value}`, AI_LABELS[value]),
                      })}
                    </Field.Label>
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      <Checkbox
                        checked={texts !== undefined && text === null}
                        disabled={!canUpdate}
                        onCheckedChange={(checked: boolean) => setText(value, checked ? null : '')}
                      >
                        {t('settings.noDisclaimer', 'No disclaimer')}
                      </Checkbox>
                      {texts === undefined || text !== null ? (
                        <Textarea
                          value={text ?? ''}
                          placeholder={
                            texts === undefined
                              ? (fallbackTexts(form.disclaimers, locale)?.[value] ?? undefined)
                              : undefined
                          }
                          disabled={!canUpdate}
                          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(value, e.target.value)}
                        />
                      ) : null}
                    </Flex>
                    <Field.Error />
                  </Field.Root>
                );
              })}
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const SETTING_LABELS = {
  fourEyes: 'Four-eyes verification',
  showVerifierName: 'Show the verifier’s name',
  requireDisclosure: 'Require disclosure to publish',
} as const;

const SETTING_HINTS = {
  fourEyes: 'The verifier must not be the admin who last updated that version.',
  showVerifierName: 'The content API and JSON-LD show who verified an entry.',
  requireDisclosure:
    'AI-assisted or AI-generated entries need a disclaimer or a verification before they can be published.',
} as const;

export { SettingsPage };
export default SettingsPage;
