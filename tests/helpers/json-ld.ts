import jsonld from 'jsonld';

/**
 * JSON-LD checks without network: schema.org's context is served from memory as a bare @vocab, which is all
 * an expansion needs to turn the plugin's terms into full schema.org IRIs.
 */
export const SCHEMA = 'https://schema.org/';

const LOCAL_SCHEMA_CONTEXT = { '@context': { '@vocab': SCHEMA } };
const SCHEMA_CONTEXT_URLS = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
]);

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
 * The members of schema.org's IPTCDigitalSourceEnumeration, the range of `digitalSourceType` (schema.org's
 * enumeration page, members as of 2026). A digitalSourceType the plugin emits must be one of them.
 */
export const IPTC_DIGITAL_SOURCE_ENUMERATION = new Set<string>(
  [
    'AlgorithmicMediaDigitalSource',
    'AlgorithmicallyEnhancedDigitalSource',
    'CompositeCaptureDigitalSource',
    'CompositeDigitalSource',
    'CompositeSyntheticDigitalSource',
    'CompositeWithTrainedAlgorithmicMediaDigitalSource',
    'DataDrivenMediaDigitalSource',
    'DigitalArtDigitalSource',
    'DigitalCaptureDigitalSource',
    'MinorHumanEditsDigitalSource',
    'MultiFrameComputationalCaptureDigitalSource',
    'NegativeFilmDigitalSource',
    'PositiveFilmDigitalSource',
    'PrintDigitalSource',
    'ScreenCaptureDigitalSource',
    'TrainedAlgorithmicMediaDigitalSource',
    'VirtualRecordingDigitalSource',
  ].map((member) => `${SCHEMA}${member}`)
);
