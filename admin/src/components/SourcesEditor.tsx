import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';

import { LIMITS, type Source } from '../../../shared/trust';
import { useTranslate } from '../hooks/useTranslate';

export interface SourceDraft {
  title: string;
  url: string;
  publisher: string;
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

interface Props {
  sources: SourceDraft[];
  onChange: (sources: SourceDraft[]) => void;
  /** Messages by path, e.g. "2.url" → "url must start with http:// or https://". */
  errors: Record<string, string>;
  disabled?: boolean;
}

export const SourcesEditor = ({ sources, onChange, errors, disabled }: Props) => {
  const t = useTranslate();

  const update = (index: number, field: keyof SourceDraft, value: string) =>
    onChange(sources.map((source, i) => (i === index ? { ...source, [field]: value } : source)));
  const move = (index: number, by: number) => {
    const next = [...sources];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  const field = (index: number, name: keyof SourceDraft, label: string, options: { required?: boolean; type?: string; hint?: string } = {}) => (
    <Field.Root name={`sources.${index}.${name}`} error={errors[`${index}.${name}`]} required={options.required} hint={options.hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        type={options.type ?? 'text'}
        value={sources[index][name]}
        disabled={disabled}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => update(index, name, event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {errors[''] ? (
        <Typography variant="pi" textColor="danger600">
          {errors['']}
        </Typography>
      ) : null}
      {sources.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('sources.empty', 'No sources yet.')}
        </Typography>
      ) : null}
      {sources.map((_source, index) => (
        <Box key={index} padding={3} hasRadius borderColor="neutral200" background="neutral0" data-testid="trust-source">
          <Flex justifyContent="space-between" paddingBottom={2}>
            <Typography variant="sigma" textColor="neutral600">
              {t('sources.item', 'Source {number}', { number: index + 1 })}
            </Typography>
            {disabled ? null : (
              <Flex gap={1}>
                <IconButton label={t('sources.up', 'Move up')} variant="ghost" disabled={index === 0} onClick={() => move(index, -1)}>
                  <ArrowUp />
                </IconButton>
                <IconButton label={t('sources.down', 'Move down')} variant="ghost" disabled={index === sources.length - 1} onClick={() => move(index, 1)}>
                  <ArrowDown />
                </IconButton>
                <IconButton label={t('sources.remove', 'Remove source')} variant="ghost" onClick={() => onChange(sources.filter((_, i) => i !== index))}>
                  <Trash />
                </IconButton>
              </Flex>
            )}
          </Flex>
          <Flex direction="column" alignItems="stretch" gap={2}>
            {field(index, 'title', t('sources.title', 'Title'), { required: true })}
            {field(index, 'url', t('sources.url', 'URL'), { required: true, type: 'url' })}
            {field(index, 'publisher', t('sources.publisher', 'Publisher'))}
            {field(index, 'accessedAt', t('sources.accessedAt', 'Accessed on'), { type: 'date' })}
          </Flex>
        </Box>
      ))}
      {disabled ? null : (
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={sources.length >= LIMITS.sources}
          onClick={() => onChange([...sources, { title: '', url: '', publisher: '', accessedAt: '' }])}
        >
          {t('sources.add', 'Add a source')}
        </Button>
      )}
    </Flex>
  );
};
