import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import {
  escapeHtml,
  renderTrustLabels,
  TRUST_LABELS_CSS,
  type TrustLabelsOptions,
  type TrustLabelsTrust,
} from '../../client/src/index';
import { TrustLabels } from '../../client/src/react';
import { resolveDisclosure } from '../../server/src/domain/status';
import { READER_LANGUAGES, READER_WORDS } from '../../shared/reader-words';
import { AI_INVOLVEMENT, VERIFICATION_STATUSES } from '../../shared/trust';

const HOSTILE = `"><script>alert(1)</script><img src=x onerror=alert(2)> ' & <b onmouseover='x'>`;

const base = (overrides: Partial<TrustLabelsTrust> = {}): TrustLabelsTrust => ({
  status: 'verified',
  verifiedAt: '2026-12-01T09:30:00.000Z',
  verifiedBy: 'Ada Lovelace',
  aiInvolvement: 'generated',
  disclaimer:
    'While we strive for accuracy, bytevyte can make mistakes. Please verify important information independently.',
  sources: [
    {
      title: 'EU AI Act',
      url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      publisher: 'EUR-Lex',
      accessedAt: '2026-11-30',
    },
    {
      title: 'Code of Practice',
      url: 'https://digital-strategy.ec.europa.eu/en/policies/code-practice',
      publisher: null,
      accessedAt: null,
    },
  ],
  disclosure: { value: 'ai-assisted', labelRequired: false },
  ...overrides,
});

const react = (trust: TrustLabelsTrust | null | undefined, options: TrustLabelsOptions = {}) =>
  renderToStaticMarkup(createElement(TrustLabels, { trust, ...options }));

const ALLOWED_TAGS = new Set([
  'section',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'svg',
  'rect',
  'text',
  'strong',
  'span',
  'ol',
  'li',
  'a',
  'time',
]);

/** Every tag of the output is one the renderer writes, with only name="value" attributes whose values hold no quote or bracket. */
const expectOnlyOwnMarkup = (html: string) => {
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    expect(tag).toMatch(/^<\/?([a-z0-9]+)((\s[a-z-A-Z]+="[^"<>]*")*)>$/);
    expect(ALLOWED_TAGS.has(/^<\/?([a-z0-9]+)/.exec(tag)![1])).toBe(true);
  }
  // No text outside tags contains a raw bracket.
  expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
};

describe('renderTrustLabels: every status × AI involvement × label requirement', () => {
  const cases = VERIFICATION_STATUSES.flatMap((status) =>
    AI_INVOLVEMENT.flatMap((aiInvolvement) =>
      [false, true].map((labelRequired) => ({ status, aiInvolvement, labelRequired }))
    )
  );

  it.each(cases)('%o', ({ status, aiInvolvement, labelRequired }) => {
    const { value } = resolveDisclosure({ status, aiInvolvement, publicInterest: true, responsibleParty: null });
    const trust = base({ status, aiInvolvement, disclosure: { value, labelRequired } });
    const html = renderTrustLabels(trust, { locale: 'en' });
    const words = READER_WORDS.en;
    const ai = aiInvolvement === 'assisted' || aiInvolvement === 'generated' || labelRequired;

    expect(html.startsWith('<section class="trust-labels" lang="en"')).toBe(true);
    // The attribute only when a value is declared.
    if (value) expect(html).toContain(` ai-disclosure="${value}">`);
    else expect(html).not.toContain('ai-disclosure');
    // The bytevyte order: AI label, disclaimer, Sources, Human Verified.
    const order = [
      'trust-labels__ai"',
      'trust-labels__ai ',
      'trust-labels__disclaimer',
      'trust-labels__sources-heading',
      'trust-labels__verified',
    ]
      .map((marker) => html.indexOf(marker))
      .filter((index) => index >= 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    expect(html.includes('class="trust-labels__ai')).toBe(ai);
    expect(html.includes('trust-labels__ai--required')).toBe(ai && labelRequired);
    if (ai) {
      expect(html).toContain(`>${words.ai}</text></svg>`);
      expect(html).toContain(
        `<strong class="trust-labels__ai-layer">${escapeHtml(aiInvolvement === 'generated' ? words.aiGenerated : words.aiModified)}</strong>`
      );
    }
    // A required label of an unreviewed version says so.
    expect(html.includes(escapeHtml(words.disclosure['ai-autonomous']))).toBe(
      ai && labelRequired && value === 'ai-autonomous'
    );
    expect(html).toContain('<p class="trust-labels__disclaimer">While we strive for accuracy');
    expect(html).toContain('<h3 class="trust-labels__sources-heading">Sources</h3><ol class="trust-labels__sources">');
    expect(html.includes('✔')).toBe(status === 'verified');
    if (status === 'verified') {
      expect(html).toContain(
        '<strong>Human Verified</strong> · <time datetime="2026-12-01T09:30:00.000Z">December 1, 2026</time>'
      );
      expect(html).toContain('Reviewer: Ada Lovelace');
    }
    expectOnlyOwnMarkup(html);
    expect(react(trust, { locale: 'en' })).toBe(html);
  });
});

describe('renderTrustLabels: content', () => {
  it('lists sources as links with publisher and accessed date', () => {
    const html = renderTrustLabels(base(), { locale: 'en' });
    expect(html).toContain(
      '<li><a href="https://eur-lex.europa.eu/eli/reg/2024/1689/oj" rel="noopener noreferrer nofollow">EU AI Act</a>' +
        '<span class="trust-labels__source-meta">, EUR-Lex, accessed <time datetime="2026-11-30">November 30, 2026</time></span></li>'
    );
    expect(html).toContain(
      '<li><a href="https://digital-strategy.ec.europa.eu/en/policies/code-practice" rel="noopener noreferrer nofollow">Code of Practice</a></li>'
    );
  });

  it('renders nothing when there is nothing to show', () => {
    const nothing = base({
      status: 'unverified',
      aiInvolvement: 'none',
      disclaimer: null,
      sources: [],
      disclosure: { value: 'human-only', labelRequired: false },
    });
    expect(renderTrustLabels(nothing)).toBe('');
    expect(react(nothing)).toBe('');
    expect(renderTrustLabels(null)).toBe('');
    expect(renderTrustLabels(undefined)).toBe('');
    expect(renderTrustLabels('x' as any)).toBe('');
    expect(renderTrustLabels({} as any)).toBe('');
  });

  it('options: heading level, words, what to leave out, the verifier, classes, date format', () => {
    const html = renderTrustLabels(base(), {
      headingLevel: 3,
      words: { sources: 'References', humanVerified: 'Checked by our desk', disclosure: { 'ai-autonomous': 'x' } },
      omit: ['disclaimer'],
      showVerifier: false,
      className: 'footer-labels',
      formatDate: (date) => date.toISOString().slice(0, 10),
    });
    // Without a locale: English words, no lang attribute (the page's language applies).
    expect(html).toContain(
      '<section class="trust-labels footer-labels" ai-disclosure="ai-assisted"><h3 class="trust-labels__heading">'
    );
    expect(html).toContain('<h4 class="trust-labels__sources-heading">References</h4>');
    expect(html).toContain(
      '<strong>Checked by our desk</strong> · <time datetime="2026-12-01T09:30:00.000Z">2026-12-01</time></p>'
    );
    expect(html).not.toContain('trust-labels__disclaimer');
    expect(html).not.toContain('Ada');
    const bare = renderTrustLabels(base(), { omit: ['heading', 'aiLabel', 'sources', 'verified'] });
    expect(bare).toBe(
      '<section class="trust-labels" ai-disclosure="ai-assisted"><p class="trust-labels__disclaimer">' +
        escapeHtml(base().disclaimer) +
        '</p></section>'
    );
    expect(renderTrustLabels(base(), { omit: ['aiLabel', 'disclaimer', 'sources', 'verified'] })).toBe('');
    // Heading levels stay within h1…h6.
    expect(renderTrustLabels(base(), { headingLevel: 6 })).toContain('<h6 class="trust-labels__sources-heading">');
    expect(renderTrustLabels(base(), { headingLevel: 9 as any })).toContain('<h6 class="trust-labels__heading">');
    expect(react(base(), { headingLevel: 4, omit: ['verified'], className: 'x' })).toBe(
      renderTrustLabels(base(), { headingLevel: 4, omit: ['verified'], className: 'x' })
    );
  });

  it('a locale outside the 24 languages gets the English words and no lang attribute', () => {
    const html = renderTrustLabels(base(), { locale: 'ja' });
    expect(html.startsWith('<section class="trust-labels" ai-disclosure="ai-assisted">')).toBe(true);
    expect(html).toContain('>Sources</h3>');
    expect(renderTrustLabels(base(), { locale: 'pt_BR' })).toContain('lang="pt-BR"');
  });

  it('ships CSS that keeps the heading for screen readers', () => {
    expect(TRUST_LABELS_CSS).toContain('.trust-labels__heading{position:absolute');
    expect(TRUST_LABELS_CSS).not.toMatch(/display:none|visibility:hidden/);
  });
});

describe('renderTrustLabels: every value is escaped', () => {
  const hostileTrust = (): TrustLabelsTrust => ({
    status: 'verified',
    verifiedAt: HOSTILE,
    verifiedBy: HOSTILE,
    aiInvolvement: 'generated',
    disclaimer: HOSTILE,
    sources: [
      { title: HOSTILE, url: `https://example.com/${HOSTILE}`, publisher: HOSTILE, accessedAt: HOSTILE },
      { title: 'js', url: 'javascript:alert(1)', publisher: null, accessedAt: '2026-01-01' },
      { title: 'data', url: ' data:text/html,<script>alert(1)</script>', publisher: null, accessedAt: null },
      { title: null, url: null, publisher: HOSTILE, accessedAt: null },
      null,
    ],
    disclosure: { value: HOSTILE, labelRequired: true },
  });

  it('in every field and every option', () => {
    const options: TrustLabelsOptions = {
      locale: HOSTILE,
      className: HOSTILE,
      words: {
        ai: HOSTILE,
        aiGenerated: HOSTILE,
        heading: HOSTILE,
        sources: HOSTILE,
        humanVerified: HOSTILE,
        accessed: `${HOSTILE} {date}`,
        reviewer: `${HOSTILE} {name}`,
      },
    };
    const html = renderTrustLabels(hostileTrust(), options);
    expectOnlyOwnMarkup(html);
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain(`ai-disclosure="${escapeHtml(HOSTILE)}"`);
    // Only web links become links.
    expect(html).not.toMatch(/href="(?!https:\/\/example\.com\/)/);
    expect(html).toContain('<li>js<span class="trust-labels__source-meta">');
    expect(html).toContain('<li>data</li>');
    // A date that is not one is left out rather than shown.
    expect(html).not.toContain(`<time datetime="${escapeHtml(HOSTILE)}"`);
    expect(react(hostileTrust(), options)).toBe(html);
  });

  it('escapes as React does, so the two outputs are equal', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#x27;');
    expect(renderToStaticMarkup(createElement('p', { title: `&<>"'` }, `&<>"'`))).toBe(
      `<p title="${escapeHtml(`&<>"'`)}">${escapeHtml(`&<>"'`)}</p>`
    );
  });
});

describe('renderTrustLabels: every language', () => {
  it.each([...READER_LANGUAGES])('%s', (language) => {
    const words = READER_WORDS[language];
    const trust = base({ disclosure: { value: 'ai-autonomous', labelRequired: true }, status: 'verified' });
    const html = renderTrustLabels(trust, { locale: language });
    expect(
      html.startsWith(
        `<section class="trust-labels" lang="${language}" ai-disclosure="ai-autonomous"><h2 class="trust-labels__heading">${escapeHtml(words.heading)}</h2>`
      )
    ).toBe(true);
    for (const word of [
      words.ai,
      words.aiGenerated,
      words.sources,
      words.humanVerified,
      words.disclosure['ai-autonomous'],
    ])
      expect(html).toContain(escapeHtml(word));
    expect(html).toContain(escapeHtml(words.accessed.split('{date}')[0]));
    expect(html).toContain(escapeHtml(words.reviewer.replace('{name}', 'Ada Lovelace')));
    // Dates in the language ("30. November 2026" in German, "November 30, 2026" only in English).
    expect(html.includes('November 30, 2026')).toBe(language === 'en');
    if (language !== 'en') expect(html).not.toMatch(/Human Verified|AI-generated|accessed|Reviewer/);
    expect(react(trust, { locale: language })).toBe(html);
  });
});
