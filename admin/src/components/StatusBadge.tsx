import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

const VARIANTS = { verified: 'success', stale: 'warning', unverified: 'neutral' } as const;
const LABELS = {
  verified: 'Human Verified',
  stale: 'Needs re-verification',
  unverified: 'Not verified',
} as const;

export type StatusValue = keyof typeof VARIANTS;

export const useStatusLabel = () => {
  const { formatMessage } = useIntl();
  return (status: StatusValue) =>
    formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: LABELS[status] });
};

export const StatusBadge = ({
  status,
  size = 'M',
  label: text,
  testId = 'trust-status-badge',
}: {
  status: StatusValue | null | undefined;
  size?: 'S' | 'M';
  /** Another text than the status's full label (the list column's short form). */
  label?: string;
  testId?: string;
}) => {
  const label = useStatusLabel();
  const value: StatusValue = status && status in VARIANTS ? status : 'unverified';
  return (
    <Badge variant={VARIANTS[value]} size={size} data-testid={testId} data-status={value}>
      {text ?? label(value)}
    </Badge>
  );
};
