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
import type { SettingsProblem } from '../../../shared/contracts';
import { settingsSchema, toValidationDetails } from '../../../shared/schemas';
import { AI_INVOLVEMENT, type AiInvolvement, type Settings } from '../../../shared/trust';
import { useTrustApi } from '../hooks/useTrustApi';
import { readError } from '../utils/api';
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
      setProblems(meta?.problems ?? []);
      let available: Array<{ code: string; name: string }> = [];
      try {
        available = (await api.locales()).map(({ code, name }) => ({ code, name }));
      } catch {
        // Without the i18n permission, offer the locales the settings already have.
      }
      const codes = new Set([...available.map((l) => l.code), ...Object.keys(settings.disclaimers), ...Object.keys(settings.badgeLabel), 'en']);
      setLocales([...codes].map((code) => available.find((l) => l.code === code) ?? { code, name: code }));
    })().catch((error) => setLoadFailure({ status: (error as any)?.response?.status ?? null, message: readError(error).message }));
  }, [api, attempt, loadingPermissions, canRead]);

  if (loadingPermissions) return <Page.Loading />;
  if (!canRead || loadFailure?.status === 403) return <Page.NoPermissions />;
  if (loadFailure) {
    return (
      <Page.Error
        content={t('settings.loadFailed', 'The settings could not be loaded: {message}', { message: loadFailure.message })}
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
    const base = texts ?? { unknown: null, none: null, assisted: null, generated: null };
    setForm({ ...form, disclaimers: { ...form.disclaimers, [locale]: { ...base, [value]: text } } });
  };

  const save = async () => {
    const result = settingsSchema.safeParse(form);
    if (!result.success) {
      setErrors(Object.fromEntries(toValidationDetails(result.error.issues).map((d) => [d.path.join('.'), d.message])));
      toggleNotification({ type: 'danger', message: t('settings.invalid', 'Some settings are not valid.') });
      return;
    }
    setSaving(true);
    try {
      const next = (await api.saveSettings(form)).data;
      setSaved(next);
      setForm(next);
      setErrors({});
      // Saving writes every key, so the stored values that failed validation are replaced.
      setProblems([]);
      toggleNotification({ type: 'success', message: t('settings.saved', 'Settings saved') });
    } catch (error) {
      const { message, details } = readError(error);
      setErrors(Object.fromEntries(details.map((d) => [d.path.join('.'), d.message])));
      toggleNotification({ type: 'danger', message });
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
            <Button startIcon={<Check />} disabled={!dirty && problems.length === 0} loading={saving} onClick={() => void save()}>
              {t('settings.save', 'Save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {problems.length > 0 ? (
            <Box padding={5} background="warning100" borderColor="warning200" hasRadius role="status" data-testid="trust-settings-problems">
              <Typography fontWeight="bold" textColor="warning700" tag="p">
                {t('settings.problems', 'Some stored settings are not valid. Until the settings are saved again, these keys use their default values:')}
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
                  <Field.Root name="siteName" error={errors.siteName} hint={t('settings.siteNameHint', 'Fills {siteName} in disclaimer texts.', { siteName: '{siteName}' })}>
                    <Field.Label>{t('settings.siteName', 'Site name')}</Field.Label>
                    <TextInput value={form.siteName} disabled={!canUpdate} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, siteName: e.target.value })} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="publishingPrinciplesUrl" error={errors.publishingPrinciplesUrl} hint={t('settings.principlesHint', 'Linked from JSON-LD as publishingPrinciples.')}>
                    <Field.Label>{t('settings.principles', 'Publishing principles URL')}</Field.Label>
                    <TextInput
                      type="url"
                      value={form.publishingPrinciplesUrl ?? ''}
                      disabled={!canUpdate}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, publishingPrinciplesUrl: e.target.value === '' ? null : e.target.value })}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="requiredSources" error={errors.requiredSources} hint={t('settings.requiredSourcesHint', 'Fewest sources an entry needs before it can be verified.')}>
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
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.checked })}
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Grid.Item>
                ))}
              </Grid.Root>
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
                    {t('settings.textsHint', 'Per locale. A missing locale falls back to the default locale, then to English.')}
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
                  {t('settings.fallback', 'No texts for this locale yet: readers see the fallback. Type a text below to add them.')}
                </Typography>
              ) : null}
              <Field.Root name={`badgeLabel.${locale}`} error={errors[`badgeLabel.${locale}`]}>
                <Field.Label>{t('settings.badgeLabel', 'Badge label')}</Field.Label>
                <TextInput
                  value={form.badgeLabel[locale] ?? ''}
                  placeholder={form.badgeLabel.en ?? 'Human Verified'}
                  disabled={!canUpdate}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                    const badgeLabel = { ...form.badgeLabel, [locale]: e.target.value };
                    if (e.target.value === '') delete badgeLabel[locale];
                    setForm({ ...form, badgeLabel });
                  }}
                />
                <Field.Error />
              </Field.Root>
              {AI_INVOLVEMENT.map((value) => {
                const text = texts?.[value] ?? null;
                const path = `disclaimers.${locale}.${value}`;
                return (
                  <Field.Root key={value} name={path} error={errors[path]}>
                    <Field.Label>{t('settings.disclaimerFor', 'Disclaimer when AI involvement is “{value}”', { value: t(`ai.${value}`, AI_LABELS[value]) })}</Field.Label>
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      <Checkbox
                        checked={texts !== undefined && text === null}
                        disabled={!canUpdate}
                        onCheckedChange={(checked: boolean) => setText(value, checked ? null : '')}
                      >
                        {t('settings.noDisclaimer', 'No disclaimer')}
                      </Checkbox>
                      {texts === undefined || text !== null ? (
                        <Textarea value={text ?? ''} disabled={!canUpdate} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(value, e.target.value)} />
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
  requireDisclosure: 'AI-assisted or AI-generated entries need a disclaimer or a verification before they can be published.',
} as const;

export { SettingsPage };
export default SettingsPage;
