import fc from 'fast-check';

import { cleanBadgeText, escapeXml, estimateTextWidth, NOT_VERIFIED_LABEL, renderBadge } from '../../shared/badge';
import { readSvg } from '../helpers/svg';
import { DISCLOSURE_WORDS, disclosureWords } from '../../shared/disclosure';
import { READER_WORDS } from '../../shared/reader-words';

const HOSTILE = `<script>alert("x")</script> & 'quoted' <b onload="x()">`;

const accessibleName = (svg: string) => {
  const [root, ...rest] = readSvg(svg);
  const title = rest.find((element) => element.name === 'title');
  const text = rest.find((element) => element.name === 'text');
  return { root, title: title?.text, text: text?.text, names: rest.map((element) => element.name) };
};

describe('SVG badge', () => {
  it('shows the label, with role="img", aria-label and a <title>, when verified', () => {
    const { svg, text } = renderBadge({ verified: true, label: 'Human Verified' });
    expect(text).toBe('Human Verified');
    const { root, title, text: shown, names } = accessibleName(svg);
    expect(root.attributes).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-label': 'Human Verified',
    });
    expect(title).toBe('Human Verified');
    expect(shown).toBe('Human Verified');
    expect(names[0]).toBe('title'); // the title is the first child, as SVG accessibility wants
    expect(names).toContain('path'); // the check mark
  });

  it('says the disclosure in a second segment: accessible name "label · disclosure", both texts shown, escaped', () => {
    const { svg, text } = renderBadge({
      verified: false,
      notVerifiedLabel: 'Non vérifié',
      disclosure: disclosureWords('ai-autonomous', 'fr'),
    });
    expect(text).toBe('Non vérifié · IA, non relu par une personne');
    const [root, ...rest] = readSvg(svg);
    expect(root.attributes['aria-label']).toBe(text);
    expect(rest.find((element) => element.name === 'title')?.text).toBe(text);
    expect(rest.filter((element) => element.name === 'text').map((element) => element.text)).toEqual([
      'Non vérifié',
      'IA, non relu par une personne',
    ]);
    const hostile = renderBadge({ verified: true, label: 'OK', disclosure: HOSTILE });
    expect(hostile.svg).not.toMatch(/<script|<b /);
    expect(readSvg(hostile.svg)[0].attributes['aria-label']).toBe(`OK · ${cleanBadgeText(HOSTILE, '')}`);
    // Wider than the label alone, and a blank disclosure is no segment at all.
    expect(Number(readSvg(svg)[0].attributes.width)).toBeGreaterThan(
      Number(readSvg(renderBadge({ verified: false, notVerifiedLabel: 'Non vérifié' }).svg)[0].attributes.width)
    );
    expect(renderBadge({ verified: true, label: 'OK', disclosure: '  ' }).text).toBe('OK');
  });

  it('has words for every disclosure value in en, fr and de, and falls back to English', () => {
    for (const words of Object.values(DISCLOSURE_WORDS)) {
      expect(Object.keys(words).sort()).toEqual(['ai-assisted', 'ai-autonomous', 'human-only', 'undeclared']);
      for (const value of Object.values(words)) expect(cleanBadgeText(value, '')).toBe(value);
    }
    expect(disclosureWords('ai-assisted', 'fr-CA')).toBe(DISCLOSURE_WORDS.fr['ai-assisted']);
    expect(disclosureWords(null, 'ja')).toBe('AI use not declared');
    expect(disclosureWords('human-only', null)).toBe(DISCLOSURE_WORDS.en['human-only']);
  });

  it('carries the AI mark after the status segment: the acronym in a box and its second layer, in the accessible name', () => {
    const words = READER_WORDS.pl;
    const { svg, text } = renderBadge({
      verified: true,
      label: words.humanVerified,
      disclosure: disclosureWords('ai-assisted', 'pl'),
      ai: { acronym: words.ai, layer: words.aiGenerated },
    });
    expect(text).toBe(`${words.humanVerified} · ${words.aiGenerated} · ${words.disclosure['ai-assisted']}`);
    const [root, ...rest] = readSvg(svg);
    expect(root.attributes['aria-label']).toBe(text);
    expect(rest.filter((element) => element.name === 'text').map((element) => element.text)).toEqual([
      words.humanVerified,
      words.ai,
      words.aiGenerated,
      words.disclosure['ai-assisted'],
    ]);
    // The box: white, with the acronym in the mark segment's colour (#1f2328, darker than the disclosure's).
    expect(svg).toContain('fill="#fff"/><text');
    expect(svg).toMatch(/fill="#1f2328" font-family="[^"]+" font-size="11" font-weight="bold"/);
    // Without a disclosure the mark closes the badge; without AI there is no mark.
    const alone = renderBadge({ verified: false, ai: { acronym: 'KI', layer: 'KI-bearbeitet' } });
    expect(alone.text).toBe('Not verified · KI-bearbeitet');
    expect(Number(readSvg(alone.svg)[0].attributes.width)).toBeGreaterThan(
      Number(readSvg(renderBadge({ verified: false }).svg)[0].attributes.width)
    );
    expect(renderBadge({ verified: false, ai: null }).text).toBe('Not verified');
    // Escaped like every other text.
    const hostile = renderBadge({ verified: true, label: 'OK', ai: { acronym: HOSTILE, layer: HOSTILE } });
    expect(hostile.svg).not.toMatch(/<script|<b /);
    expect(readSvg(hostile.svg)[0].attributes['aria-label']).toBe(`OK · ${cleanBadgeText(HOSTILE, '')}`);
  });

  it('shows a neutral "Not verified" otherwise, whatever the label', () => {
    const { svg, text } = renderBadge({ verified: false, label: 'Human Verified' });
    expect(text).toBe(NOT_VERIFIED_LABEL);
    const { root, title, text: shown, names } = accessibleName(svg);
    expect(root.attributes['aria-label']).toBe('Not verified');
    expect(title).toBe('Not verified');
    expect(shown).toBe('Not verified');
    expect(names).not.toContain('path');
    expect(svg).not.toContain('Human Verified');
    expect(svg).toContain('#57606a');
    expect(renderBadge({ verified: true, label: 'x' }).svg).toContain('#1a7f37');
  });

  it('escapes & < > " and \' everywhere the label appears, so markup stays text', () => {
    const { svg } = renderBadge({ verified: true, label: HOSTILE });
    expect(svg).not.toMatch(/<script|<b\s|onload="/i);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quoted&apos;');
    const { root, title, text, names } = accessibleName(svg);
    expect(names).toEqual(['title', 'rect', 'path', 'text']);
    expect(root.attributes['aria-label']).toBe(HOSTILE);
    expect(title).toBe(HOSTILE);
    expect(text).toBe(HOSTILE);
  });

  it('falls back to "Human Verified" for a missing or blank label, and cleans control characters', () => {
    expect(renderBadge({ verified: true, label: undefined }).text).toBe('Human Verified');
    expect(renderBadge({ verified: true, label: '   ' }).text).toBe('Human Verified');
    expect(renderBadge({ verified: true, label: 'A\u0000B\u0007\n\tC\uFFFF\uD800' }).text).toBe('AB C');
    expect(cleanBadgeText(42, 'fallback')).toBe('fallback');
    expect(Array.from(cleanBadgeText('x'.repeat(500), 'f'))).toHaveLength(60);
  });

  it('is as wide as its text, in any script', () => {
    const short = readSvg(renderBadge({ verified: true, label: 'OK' }).svg)[0];
    const long = readSvg(renderBadge({ verified: true, label: 'Vérifié par un être humain' }).svg)[0];
    expect(Number(long.attributes.width)).toBeGreaterThan(Number(short.attributes.width));
    expect(estimateTextWidth('人間が確認')).toBeGreaterThan(estimateTextWidth('abcde'));
    expect(estimateTextWidth('e\u0301')).toBe(estimateTextWidth('e'));
  });

  it('escapeXml escapes exactly the five XML specials', () => {
    expect(escapeXml(`&<>"'a`)).toBe('&amp;&lt;&gt;&quot;&apos;a');
  });

  it('is well-formed and names itself with the label for any label (property-based)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (label) => {
        const { svg, text } = renderBadge({ verified: true, label });
        const { root, title } = accessibleName(svg);
        expect(root.attributes['aria-label']).toBe(text);
        expect(title).toBe(text);
        expect(svg).not.toMatch(/<(?!\/?(svg|title|rect|path|text)[\s>])/);
      }),
      { numRuns: 300 }
    );
  });
});
