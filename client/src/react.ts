// strapi-plugin-trust-labels/react: <TrustLabels trust locale … /> renders the same markup as renderTrustLabels
// (client/src/index.ts). No hooks and no state: it works in React Server Components and on the client alike.

import { createElement, type ReactElement } from 'react';

import { trustLabelsMarkup, type TrustLabelsOptions, type TrustLabelsTrust } from './index';

export interface TrustLabelsProps extends TrustLabelsOptions {
  /** The content API's `trust` object of the entry. */
  trust: TrustLabelsTrust | null | undefined;
}

/**
 * The labels of one entry, or nothing when there is nothing to show. The section's content is the string renderer's
 * (escaped there), so the markup is the same byte for byte as `renderTrustLabels(trust, options)`.
 */
export function TrustLabels({ trust, ...options }: TrustLabelsProps): ReactElement | null {
  const markup = trustLabelsMarkup(trust, options);
  if (!markup) return null;
  return createElement('section', {
    className: markup.className,
    lang: markup.lang,
    'ai-disclosure': markup.aiDisclosure,
    dangerouslySetInnerHTML: { __html: markup.inner },
  });
}

export { renderTrustLabels, TRUST_LABELS_CSS } from './index';
export type { TrustLabelsOptions, TrustLabelsPart, TrustLabelsTrust, TrustLabelsWords } from './index';
