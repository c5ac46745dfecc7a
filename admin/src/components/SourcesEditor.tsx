import * as React from 'react';

import { Box, Button, DatePicker, Field, Flex, Grid, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { LIMITS, type Source } from '../../../shared/trust';
import { useTranslate } from '../hooks/useTranslate';

export interface SourceDraft {
  title: string;
  url: string;
  publisher: string;
  /** YYYY-MM-DD (the format the server stores), or '' for none. */
  accessedAt: string;
}

export const toDraft = (source: Source): SourceDraft => ({
  title: source.title ?? '',
  url: source.url ?? '',
  publisher: source.publisher ?? '',
  accessedAt: source.accessedAt ?? '',
});

/** The request body shape: empty optional fields become null. */
export const fromDraft = (draft: SourceDraft) => ({
  title: draft.title,
  url: draft.url,
  publisher: draft.publisher === '' ? null : draft.publisher,
  accessedAt: draft.accessedAt === '' ? null : draft.accessedAt,
});

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The date picker works with a Date at local midnight of the day picked; the server stores the calendar day
 * (YYYY-MM-DD). Both conversions use the local calendar, so the day never shifts with the time zone.
 */
const dateOfDay = (day: string): Date | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
};
const dayOfDate = (date: Date | undefined): string =>
  date && !Number.isNaN(date.getTime())
    ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    : '';

interface Props {
  sources: SourceDraft[];
  onChange: (sources: SourceDraft[]) => void;
  /** Translated messages by path within the sources, e.g. "2.url"; "" for the list itself. */
  errors: Record<string, string>;
  /** A field was left: its problems show from now on. */
  onTouch: (path: string) => void;
  disabled?: boolean;
}

/** The sources of the labels modal: one card per source, its fields side by side, full width. */
export const SourcesEditor = ({ sources, onChange, errors, onTouch, disabled }: Props) => {
  const t = useTranslate();
  const { locale } = useIntl();

  const update = (index: number, field: keyof SourceDraft, value: string) => {
    onChange(sources.map((source, i) => (i === index ? { ...source, [field]: value } : source)));
    onTouch(`${index}.${field}`);
  };
  const move = (index: number, by: number) => {
    const next = [...sources];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  const textField = (
    index: number,
    name: 'title' | 'url' | 'publisher',
    label: string,
    options: { required?: boolean; type?: string; placeholder?: string } = {}
  ) => (
    <Field.Root name={`sources.${index}.${name}`} error={errors[`${index}.${name}`]} required={options.required}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        type={options.type ?? 'text'}
        value={sources[index][name]}
        disabled={disabled}
        placeholder={options.placeholder}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => update(index, name, event.target.value)}
        onBlur={() => onTouch(`${index}.${name}`)}
      />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {errors[''] ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {errors['']}
        </Typography>
      ) : null}
      {sources.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('sources.empty', 'No sources yet.')}
        </Typography>
      ) : null}
      {sources.map((source, index) => (
        <Box
          key={index}
          padding={4}
          hasRadius
          borderColor="neutral200"
          background="neutral0"
          data-testid="trust-source"
        >
          <Flex justifyContent="space-between" paddingBottom={2}>
            <Typography variant="sigma" textColor="neutral600" tag="h4">
              {t('sources.item', 'Source {number}', { number: index + 1 })}
            </Typography>
            {disabled ? null : (
              <Flex gap={1}>
                <IconButton
                  label={t('sources.up', 'Move up')}
                  variant="ghost"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUp />
                </IconButton>
                <IconButton
                  label={t('sources.down', 'Move down')}
                  variant="ghost"
                  disabled={index === sources.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDown />
                </IconButton>
                <IconButton
                  label={t('sources.remove', 'Remove source')}
                  variant="ghost"
                  onClick={() => onChange(sources.filter((_, i) => i !== index))}
                >
                  <Trash />
                </IconButton>
              </Flex>
            )}
          </Flex>
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {textField(index, 'title', t('sources.title', 'Title'), { required: true })}
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {textField(index, 'url', t('sources.url', 'URL'), {
                required: true,
                type: 'url',
                placeholder: 'https://',
              })}
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {textField(index, 'publisher', t('sources.publisher', 'Publisher'))}
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name={`sources.${index}.accessedAt`} error={errors[`${index}.accessedAt`]}>
                <Field.Label>{t('sources.accessedAt', 'Accessed on')}</Field.Label>
                <DatePicker
                  locale={locale}
                  value={dateOfDay(source.accessedAt)}
                  disabled={disabled}
                  clearLabel={t('sources.clearDate', 'Clear the date')}
                  onChange={(date: Date | undefined) => update(index, 'accessedAt', dayOfDate(date))}
                  onClear={() => update(index, 'accessedAt', '')}
                  onBlur={() => onTouch(`${index}.accessedAt`)}
                  data-testid="trust-source-accessed"
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
        </Box>
      ))}
      {disabled ? null : (
        <Box>
          <Button
            variant="secondary"
            startIcon={<Plus />}
            disabled={sources.length >= LIMITS.sources}
            onClick={() => onChange([...sources, { title: '', url: '', publisher: '', accessedAt: '' }])}
          >
            {t('sources.add', 'Add a source')}
          </Button>
        </Box>
      )}
    </Flex>
  );
};
