import * as React from 'react';

import { Box, Button, Checkbox, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Check, Cross } from '@strapi/icons';

import {
  REVIEW_CHECKS,
  type AiInvolvement,
  type EditorialResponsibility,
  type ReviewCheck,
} from '../../../shared/trust';
import { useTranslate, type Translate } from '../hooks/useTranslate';
import { errorMessage } from '../utils/errors';

/** The label of each review check in the verify dialog (also its accessible name). */
export const checkLabel = (t: Translate, check: ReviewCheck) =>
  t(
    `checks.${check}`,
    {
      accuracy: 'Accuracy: the facts are right',
      plausibility: 'Plausibility: the claims make sense',
      sources: 'Sources: the sources support the text',
    }[check]
  );

/** The short name of a check, for lists ("Checked: accuracy, sources"). */
export const checkName = (t: Translate, check: string) =>
  (REVIEW_CHECKS as readonly string[]).includes(check)
    ? t(
        `checks.name.${check}`,
        { accuracy: 'accuracy', plausibility: 'plausibility', sources: 'sources' }[check as ReviewCheck]
      )
    : check;

/** A failed verify or unverify as the editor should read it: the translated rule it broke when the server names one, else its message. */
export const verifyErrorMessage = (error: unknown, t: Translate): string => {
  return errorMessage(t, error);
};

export interface VerifyInput {
  note: string;
  checks: ReviewCheck[];
}

interface VerifyDialogProps {
  action: 'verify' | 'unverify';
  disabled: boolean;
  onConfirm: (input: VerifyInput) => void;
  /** verify only: the verification rules and who holds editorial responsibility. */
  requiredSources?: number;
  sourceCount?: number;
  requiredChecks?: ReviewCheck[];
  responsible?: EditorialResponsibility | null;
  /** verify only: the draft's declared AI involvement and whether its text is of public interest (label rules). */
  aiInvolvement?: AiInvolvement;
  publicInterest?: boolean;
}

/**
 * The Verify (or Unverify) button and its confirmation. Verifying asks for the review record: what the verifier
 * checked (the required checks must be ticked) and an optional note; it names who holds editorial responsibility.
 */
export const VerifyDialog = ({
  action,
  disabled,
  onConfirm,
  requiredSources,
  sourceCount,
  requiredChecks = [],
  responsible,
  aiInvolvement,
  publicInterest = true,
}: VerifyDialogProps) => {
  const t = useTranslate();
  const [note, setNote] = React.useState('');
  const [checks, setChecks] = React.useState<ReviewCheck[]>([]);
  const checksTitleId = React.useId();
  const verify = action === 'verify';
  const missingSources = verify && requiredSources !== undefined && (sourceCount ?? 0) < requiredSources;
  const missingChecks = verify ? requiredChecks.filter((check) => !checks.includes(check)) : [];
  // The AI Act exempts AI text from the label only when a person reviewed it and someone holds editorial
  // responsibility (server/src/domain/status.ts resolveDisclosure): say so before verifying without the second.
  const labelStays =
    verify && (aiInvolvement === 'assisted' || aiInvolvement === 'generated') && publicInterest && !responsible?.name;

  const toggle = (check: ReviewCheck, on: boolean) =>
    setChecks((current) => REVIEW_CHECKS.filter((item) => (item === check ? on : current.includes(item))));

  return (
    <Dialog.Root
      onOpenChange={() => {
        setNote('');
        setChecks([]);
      }}
    >
      <Dialog.Trigger>
        <Button
          variant={verify ? 'success-light' : 'danger-light'}
          startIcon={verify ? <Check /> : <Cross />}
          disabled={disabled}
        >
          {verify ? t('actions.verify', 'Verify') : t('actions.unverify', 'Unverify')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>
          {verify
            ? t('dialog.verifyTitle', 'Mark as Human Verified?')
            : t('dialog.unverifyTitle', 'Withdraw the verification?')}
        </Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Typography>
              {verify
                ? t(
                    'dialog.verifyBodyAi',
                    'You confirm that you reviewed this version, in this locale, as declared ({aiInvolvement}). Any later change to its content or to its declared AI involvement withdraws the badge.',
                    { aiInvolvement: t(`ai.${aiInvolvement ?? 'unknown'}`, aiInvolvement ?? 'unknown') }
                  )
                : t(
                    'dialog.unverifyBody',
                    'The draft and the published version of this locale will show as not verified.'
                  )}
            </Typography>
            {verify ? (
              <Box padding={3} background="neutral100" hasRadius data-testid="trust-responsibility">
                {responsible?.name ? (
                  <Typography variant="pi" textColor="neutral800">
                    {t('dialog.responsibility', 'Editorial responsibility: {name}', { name: responsible.name })}
                  </Typography>
                ) : (
                  <Typography variant="pi" textColor="neutral600">
                    {t(
                      'dialog.noResponsibility',
                      'No one is named as holding editorial responsibility (Settings → Trust Labels).'
                    )}
                  </Typography>
                )}
              </Box>
            ) : null}
            {labelStays ? (
              <Box
                padding={3}
                background="warning100"
                borderColor="warning200"
                hasRadius
                role="note"
                data-testid="trust-label-stays"
              >
                <Typography variant="pi" fontWeight="bold" textColor="warning700" tag="p">
                  {t('dialog.labelStays', 'Readers will still see an AI label.')}
                </Typography>
                <Typography variant="pi" textColor="warning700" tag="p">
                  {t(
                    'dialog.labelStaysWhy',
                    'The AI Act (Art. 50(4)) lifts the label from AI text of public interest only when a person reviewed it and a person or organisation holds editorial responsibility for it. Nobody is named: set who holds it in Settings → Trust Labels, or on this entry.'
                  )}
                </Typography>
              </Box>
            ) : null}
            {verify ? (
              <Flex
                direction="column"
                alignItems="stretch"
                gap={2}
                role="group"
                aria-labelledby={checksTitleId}
                data-testid="trust-checks"
              >
                <Typography variant="sigma" textColor="neutral600" id={checksTitleId}>
                  {t('checks.title', 'What did you check?')}
                </Typography>
                {REVIEW_CHECKS.map((check) => (
                  <Flex key={check} gap={1}>
                    <Checkbox
                      checked={checks.includes(check)}
                      onCheckedChange={(value) => toggle(check, value === true)}
                      required={requiredChecks.includes(check)}
                    >
                      {checkLabel(t, check)}
                    </Checkbox>
                    {requiredChecks.includes(check) ? (
                      <Typography textColor="danger600" aria-hidden>
                        *
                      </Typography>
                    ) : null}
                  </Flex>
                ))}
                {requiredChecks.length > 0 ? (
                  <Typography variant="pi" textColor="neutral600">
                    {t('checks.requiredHint', '* Required before verifying (Settings → Trust Labels).')}
                  </Typography>
                ) : null}
              </Flex>
            ) : null}
            {missingSources ? (
              <Typography textColor="danger600">
                {t('dialog.needsSources', 'This entry needs at least {count} source(s) before it can be verified.', {
                  count: requiredSources ?? 0,
                })}
              </Typography>
            ) : null}
            <Field.Root name="note" hint={t('dialog.noteHint', 'Optional, kept in the audit log.')}>
              <Field.Label>{t('dialog.note', 'Note')}</Field.Label>
              <Textarea
                value={note}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('dialog.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button
              fullWidth
              variant={verify ? 'success' : 'danger'}
              disabled={missingSources || missingChecks.length > 0}
              onClick={() => onConfirm({ note, checks })}
            >
              {verify ? t('actions.verify', 'Verify') : t('actions.unverify', 'Unverify')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
