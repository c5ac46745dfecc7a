import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

export type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** `t(id, defaultMessage, values)` for the plugin's own messages (keys are prefixed with the plugin id). */
export const useTranslate = (): Translate => {
  const { formatMessage } = useIntl();
  return (id, defaultMessage, values) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
};
