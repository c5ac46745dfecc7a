// The SVG trust badge (docs/front-end.md#the-svg-badge). Pure: no Strapi, no Node APIs.

import { LIMITS } from './trust';

export const NOT_VERIFIED_LABEL = 'Not verified';
const DEFAULT_BADGE_LABEL = 'Human Verified';

const COLORS = {
  // White text on these backgrounds: 5.1:1 and 6.4:1, above WCAG AA for small text.
  verified: '#1a7f37',
  neutral: '#57606a',
  // The disclosure segment: white text at 9.7:1.
  disclosure: '#32383f',
  // The AI mark's segment: white text at 15.8:1; the acronym in this colour on a white box.
  mark: '#1f2328',
} as const;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values (both quote styles). */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);

/**
 * Characters XML 1.0 does not allow (C0 controls except tab/newline/return, lone surrogates, U+FFFE/U+FFFF),
 * plus the C1 controls and DEL, which have no business in a label.
 */
const NOT_XML_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of plain text for the badge: XML-safe characters, whitespace collapsed, at most the label limit. */
export const cleanBadgeText = (text: unknown, fallback: string): string => {
  if (typeof text !== 'string') return fallback;
  const cleaned = text.replace(NOT_XML_TEXT, '').replace(/\s+/g, ' ').trim();
  if (cleaned.length === 0) return fallback;
  const chars = Array.from(cleaned);
  return chars.length > LIMITS.badgeLabel ? `${chars.slice(0, LIMITS.badgeLabel - 1).join('')}…` : cleaned;
};

const isWide = (code: number) =>
  (code >= 0x1100 && code <= 0x115f) ||
  (code >= 0x2e80 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6) ||
  (code >= 0x1f300 && code <= 0x1faff) ||
  (code >= 0x20000 && code <= 0x3fffd);

/**
 * Approximate width in pixels of a text in 11px Verdana. The SVG also sets `textLength`, so the text is fitted
 * to this width in any font: the estimate only needs to look right, never to be exact.
 */
export const estimateTextWidth = (text: string): number => {
  let width = 0;
  for (const char of Array.from(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    if (isWide(code)) width += 11;
    else if (/[il.,:;!|'`ıj]/.test(char)) width += 3.6;
    else if (char === ' ') width += 3.9;
    else if (/[frt()[\]{}/\\-]/.test(char)) width += 4.8;
    else if (/[mwMW@%]/.test(char)) width += 10.2;
    else if (/[A-Z]/.test(char)) width += 7.6;
    else width += 6.9;
  }
  return Math.ceil(width);
};

interface BadgeInput {
  verified: boolean;
  /** The label to show when verified (settings `badgeLabel` for the locale). Ignored when not verified. */
  label?: string | null;
  /** The label to show when not verified (settings `notVerifiedLabel` for the locale). */
  notVerifiedLabel?: string | null;
  /**
   * The version's AI disclosure in words (shared/disclosure.ts `disclosureWords`), shown as a second, neutral segment
   * after the label. Without it the badge is the label alone.
   */
  disclosure?: string | null;
  /**
   * The AI mark (SPEC.md "What readers see"), when AI was involved: the acronym in a box and the second layer
   * ("AI-generated" / "AI-modified"), in the version's locale (shared/reader-words.ts), after the status segment.
   */
  ai?: { acronym: string; layer: string } | null;
}

export interface Badge {
  svg: string;
  /** The text shown, also the accessible name. */
  text: string;
}

/**
 * An accessible SVG badge: `role="img"` with an `aria-label` and a `<title>` giving the same text, which is
 * escaped everywhere it appears. Verified: green with a check mark; otherwise a neutral grey "Not verified" (or its
 * translation). When AI was involved, the AI mark follows (the acronym in a box and its second layer, "AI-generated" or
 * "AI-modified"); with a disclosure, the dark segment says it too: the accessible text is "label · layer · disclosure".
 */
export const renderBadge = ({ verified, label, notVerifiedLabel, disclosure, ai }: BadgeInput): Badge => {
  const status = verified
    ? cleanBadgeText(label, DEFAULT_BADGE_LABEL)
    : cleanBadgeText(notVerifiedLabel, NOT_VERIFIED_LABEL);
  const acronym = ai ? cleanBadgeText(ai.acronym, 'AI') : '';
  const layer = ai ? cleanBadgeText(ai.layer, '') : '';
  const mark = acronym !== '' && layer !== '';
  const second = typeof disclosure === 'string' ? cleanBadgeText(disclosure, '') : '';
  const text = [status, mark ? layer : '', second].filter((part) => part !== '').join(' · ');
  const escaped = escapeXml(text);
  const padding = 7;
  const iconWidth = verified ? 15 : 0;
  const statusColor = verified ? COLORS.verified : COLORS.neutral;
  const statusWidth = estimateTextWidth(status);
  const first = padding + iconWidth + statusWidth + padding;
  // The AI mark: the acronym in a white box (dark letters, 14.8:1) and the layer in white, on the dark segment.
  const acronymWidth = mark ? Math.max(estimateTextWidth(acronym), 12) : 0;
  const boxWidth = acronymWidth + 6;
  const layerWidth = mark ? estimateTextWidth(layer) : 0;
  // The mark's segment is darker than the disclosure's, so the two read as two parts without a separator.
  const markEnd = mark ? first + padding + boxWidth + 5 + layerWidth + padding : first;
  const secondWidth = second ? estimateTextWidth(second) : 0;
  const width = second ? markEnd + padding + secondWidth + padding : markEnd;
  const dark = mark || second !== '';
  const icon = verified
    ? '<path d="M7 10.2l2.6 2.6L14.4 7.4" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>'
    : '';
  const textAt = (x: number, length: number, value: string, fill = '#fff', weight = '') =>
    `<text x="${x}" y="14" fill="${fill}" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"${weight} ` +
    `textLength="${length}" lengthAdjust="spacingAndGlyphs">${escapeXml(value)}</text>`;
  const markSvg = mark
    ? (second ? `<rect x="${first}" width="${markEnd - first}" height="20" fill="${COLORS.mark}"/>` : '') +
      `<rect x="${first + padding}" y="3" width="${boxWidth}" height="14" rx="2" fill="#fff"/>` +
      textAt(first + padding + 3, acronymWidth, acronym, COLORS.mark, ' font-weight="bold"') +
      textAt(first + padding + boxWidth + 5, layerWidth, layer)
    : '';
  const visible =
    textAt(padding + iconWidth, statusWidth, status) +
    markSvg +
    (second ? textAt(markEnd + padding, secondWidth, second) : '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${escaped}">` +
    `<title>${escaped}</title>` +
    (dark ? `<rect width="${width}" height="20" rx="3" fill="${second ? COLORS.disclosure : COLORS.mark}"/>` : '') +
    `<rect width="${first}" height="20" rx="3" fill="${statusColor}"/>` +
    // Square corners where the segments meet.
    (dark ? `<rect x="${first - 3}" width="3" height="20" fill="${statusColor}"/>` : '') +
    icon +
    // The visible texts are the accessible name's parts: screen readers read the title, not these.
    (dark ? `<g aria-hidden="true">${visible}</g>` : visible) +
    '</svg>';
  return { svg, text };
};
