import * as React from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

export type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** `t(id, defaultMessage, values)` for the plugin's own messages (keys are prefixed with the plugin id). */
export const useTranslate = (): Translate => {
  const { formatMessage } = useIntl();
  // Stable while the locale is: components may pass it on, and Strapi compares what bulk actions describe.
  return React.useCallback<Translate>(
    (id, defaultMessage, values) => formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};
