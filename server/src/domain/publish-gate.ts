// The publish gate (SPEC.md `requireDisclosure`, EU AI Act Art. 50(4)): an entry marked AI-assisted or AI-generated
// must show a disclaimer or be verified by a person before it can be published. Pure: no Strapi.
import { resolveDisclaimer } from '../../../shared/disclaimer';
import type { Settings } from '../../../shared/trust';
import type { StoredTrust } from './trust';

const AI_WRITTEN = new Set(['assisted', 'generated']);

/** Why this draft may not be published (an English message and the values to translate it), or null when it may. */
export const publishGateProblem = (
  trust: StoredTrust,
  settings: Settings,
  locale: string | null,
  defaultLocale: string
): { message: string; values: { aiInvolvement: string; locale: string | null } } | null => {
  if (!settings.requireDisclosure || !AI_WRITTEN.has(trust.aiInvolvement) || trust.status === 'verified') return null;
  const disclaimer = resolveDisclaimer(
    { mode: trust.disclaimerMode, text: trust.disclaimerText, aiInvolvement: trust.aiInvolvement },
    settings,
    locale,
    defaultLocale
  );
  if (disclaimer !== null) return null;
  const where = locale ? ` (locale ${locale})` : '';
  return {
    message:
      `Cannot publish${where}: the entry is marked as AI-${trust.aiInvolvement} but shows no disclaimer and is ` +
      'not verified by a person. Turn the disclaimer on, or have the entry verified, then publish again.',
    values: { aiInvolvement: trust.aiInvolvement, locale },
  };
};
