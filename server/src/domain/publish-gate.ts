// The publish gate (docs/editors.md#publish-gate, the `requireDisclosure` setting; EU AI Act Art. 50(4)): an entry
// marked AI-assisted or AI-generated must show a disclaimer or be verified by a person before it can be published.
// Pure: no Strapi.
import { resolveDisclaimer } from '../../../shared/disclaimer';
import type { Settings } from '../../../shared/trust';
import type { StoredTrust } from './trust';

const AI_WRITTEN = new Set(['assisted', 'generated']);

/**
 * Why this draft may not be published (a message and the values to translate it), or null when it may. The message
 * is English, or French for an admin whose interface is in French: the Content Manager shows the server's message
 * as it is, so that is the only place an editor can read it in their language (API clients get English).
 */
export const publishGateProblem = (
  trust: StoredTrust,
  settings: Settings,
  locale: string | null,
  defaultLocale: string,
  language: string | null = null
): { message: string; values: { aiInvolvement: string; locale: string | null } } | null => {
  if (!settings.requireDisclosure || !AI_WRITTEN.has(trust.aiInvolvement) || trust.status === 'verified') return null;
  const disclaimer = resolveDisclaimer(
    { mode: trust.disclaimerMode, text: trust.disclaimerText, aiInvolvement: trust.aiInvolvement },
    settings,
    locale,
    defaultLocale
  );
  if (disclaimer !== null) return null;
  const message =
    language === 'fr'
      ? `Publication impossible${locale ? ` (langue ${locale})` : ''} : l’entrée est marquée comme ` +
        `${trust.aiInvolvement === 'generated' ? 'générée par IA' : 'assistée par IA'} mais n’affiche aucune mention et ` +
        'n’a pas été vérifiée par une personne. Activez la mention, ou faites vérifier l’entrée, puis publiez à nouveau.'
      : `Cannot publish${locale ? ` (locale ${locale})` : ''}: the entry is marked as AI-${trust.aiInvolvement} but shows no ` +
        'disclaimer and is not verified by a person. Turn the disclaimer on, or have the entry verified, then publish again.';
  return { message, values: { aiInvolvement: trust.aiInvolvement, locale } };
};
