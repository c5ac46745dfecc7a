/**
 * A small, strict reader for the badge SVG (no XML parser ships with Node): checks that the document is
 * well-formed (balanced tags, quoted attributes, only the five predefined entities and numeric references) and
 * returns its elements with decoded attributes and text, so tests can assert on what a browser would see.
 */
export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

const decode = (raw: string): string => {
  const bad = raw.match(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  if (bad) throw new Error(`bare & in ${JSON.stringify(raw)}`);
  return raw
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
};

export function readSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const open: SvgElement[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let match: RegExpExecArray | null;
  let position = 0;
  while (position < svg.length && (match = token.exec(svg))) {
    position = token.lastIndex;
    const [, closing, name, rawAttributes, selfClosing, text, strayLt] = match;
    if (strayLt) throw new Error(`stray < at ${match.index}: ${svg.slice(match.index, match.index + 40)}`);
    if (text !== undefined) {
      if (open.length === 0) throw new Error('text outside the root element');
      open[open.length - 1].text += decode(text);
      continue;
    }
    if (closing) {
      const current = open.pop();
      if (!current || current.name !== name) throw new Error(`unbalanced </${name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of rawAttributes.matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)) {
      if (key in attributes) throw new Error(`duplicate attribute ${key}`);
      attributes[key] = decode(value);
    }
    if (open.length === 0 && elements.length > 0) throw new Error('more than one root element');
    const element = { name, attributes, text: '' };
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  if (position !== svg.length) throw new Error(`could not read the SVG from ${position}`);
  if (open.length > 0) throw new Error(`unclosed <${open[open.length - 1].name}>`);
  if (elements[0]?.name !== 'svg') throw new Error('the root element is not <svg>');
  return elements;
}
