// The SVG trust badge (docs/front-end.md#the-svg-badge). Pure: no Strapi, no Node APIs.

import { LIMITS } from './trust';

export const NOT_VERIFIED_LABEL = 'Not verified';
export const DEFAULT_BADGE_LABEL = 'Human Verified';

const COLORS = {
  // White text on these backgrounds: 5.1:1 and 6.4:1, above WCAG AA for small text.
  verified: '#1a7f37',
  neutral: '#57606a',
  // The disclosure segment: white text at 9.7:1.
  disclosure: '#32383f',
} as const;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values (both quote styles). */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);

/**
 * Characters XML 1.0 does not allow (C0 controls except tab/newline/return, lone surrogates, U+FFFE/U+FFFF),
 * plus the C1 controls and DEL, which have no business in a label.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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

export interface BadgeInput {
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
}

export interface Badge {
  svg: string;
  /** The text shown, also the accessible name. */
  text: string;
}

/**
 * An accessible SVG badge: `role="img"` with an `aria-label` and a `<title>` giving the same text, which is
 * escaped everywhere it appears. Verified: green with a check mark; otherwise a neutral grey "Not verified" (or its
 * translation). With a disclosure, a second dark segment says it: the accessible text is "label · disclosure".
 */
export const renderBadge = ({ verified, label, notVerifiedLabel, disclosure }: BadgeInput): Badge => {
  const status = verified ? cleanBadgeText(label, DEFAULT_BADGE_LABEL) : cleanBadgeText(notVerifiedLabel, NOT_VERIFIED_LABEL);
  const second = typeof disclosure === 'string' ? cleanBadgeText(disclosure, '') : '';
  const text = second ? `${status} · ${second}` : status;
  const escaped = escapeXml(text);
  const padding = 7;
  const iconWidth = verified ? 15 : 0;
  const statusColor = verified ? COLORS.verified : COLORS.neutral;
  const statusWidth = estimateTextWidth(status);
  const first = padding + iconWidth + statusWidth + padding;
  const secondWidth = second ? estimateTextWidth(second) : 0;
  const width = second ? first + padding + secondWidth + padding : first;
  const icon = verified
    ? '<path d="M7 10.2l2.6 2.6L14.4 7.4" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>'
    : '';
  const textAt = (x: number, length: number, value: string) =>
    `<text x="${x}" y="14" fill="#fff" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" ` +
    `textLength="${length}" lengthAdjust="spacingAndGlyphs">${escapeXml(value)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${escaped}">` +
    `<title>${escaped}</title>` +
    (second ? `<rect width="${width}" height="20" rx="3" fill="${COLORS.disclosure}"/>` : '') +
    `<rect width="${first}" height="20" rx="3" fill="${statusColor}"/>` +
    // Square corners where the two segments meet.
    (second ? `<rect x="${first - 3}" width="3" height="20" fill="${statusColor}"/>` : '') +
    icon +
    // The visible texts are the accessible name's parts: screen readers read the title, not these.
    (second ? `<g aria-hidden="true">${textAt(padding + iconWidth, statusWidth, status)}${textAt(first + padding, secondWidth, second)}</g>` : textAt(padding + iconWidth, statusWidth, status)) +
    '</svg>';
  return { svg, text };
};
