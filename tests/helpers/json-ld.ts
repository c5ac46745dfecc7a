import jsonld from 'jsonld';

/**
 * JSON-LD checks without network: schema.org's context is served from memory as a bare @vocab, which is all
 * an expansion needs to turn the plugin's terms into full schema.org IRIs.
 */
export const SCHEMA = 'https://schema.org/';

const LOCAL_SCHEMA_CONTEXT = { '@context': { '@vocab': SCHEMA } };
const SCHEMA_CONTEXT_URLS = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']);

export const offlineDocumentLoader = async (url: string) => {
  if (SCHEMA_CONTEXT_URLS.has(url)) return { contextUrl: undefined, document: LOCAL_SCHEMA_CONTEXT, documentUrl: url };
  throw new Error(`no network in tests: refused to load ${url}`);
};

/** Expands a JSON-LD document and returns its single top node. */
export async function expandJsonLd(doc: unknown): Promise<Record<string, any>> {
  const expanded = await jsonld.expand(doc as any, { documentLoader: offlineDocumentLoader as any });
  if (expanded.length !== 1) throw new Error(`expected one top node, got ${expanded.length}`);
  return expanded[0] as Record<string, any>;
}

/** Values of a schema.org property in an expanded node (`@value` or `@id` of each). */
export const values = (node: Record<string, any> | undefined, property: string): unknown[] =>
  ((node?.[`${SCHEMA}${property}`] as any[]) ?? []).map((entry) => entry['@value'] ?? entry['@id'] ?? entry);

/** Nodes of a schema.org property in an expanded node. */
export const nodes = (node: Record<string, any> | undefined, property: string): Array<Record<string, any>> =>
  (node?.[`${SCHEMA}${property}`] as Array<Record<string, any>>) ?? [];

/**
 * The IPTC Digital Source Type vocabulary (http://cv.iptc.org/newscodes/digitalsourcetype/, release of
 * 2024-10-23), with the terms IPTC has retired. A digitalSourceType the plugin emits must be a current term.
 */
export const IPTC_DIGITAL_SOURCE_TYPES = {
  current: [
    'digitalCapture',
    'computationalCapture',
    'negativeFilm',
    'positiveFilm',
    'print',
    'humanEdits',
    'compositeWithTrainedAlgorithmicMedia',
    'algorithmicallyEnhanced',
    'digitalCreation',
    'dataDrivenMedia',
    'trainedAlgorithmicMedia',
    'algorithmicMedia',
    'screenCapture',
    'virtualRecording',
    'composite',
    'compositeCapture',
    'compositeSynthetic',
  ],
  retired: ['minorHumanEdits', 'softwareImage', 'digitalArt'],
} as const;

export const IPTC_SCHEME = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const CURRENT_IPTC_URIS = new Set<string>(IPTC_DIGITAL_SOURCE_TYPES.current.map((term) => `${IPTC_SCHEME}${term}`));
