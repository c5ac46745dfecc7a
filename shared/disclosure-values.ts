// The W3C AI Content Disclosure values and the shape of a version's disclosure (what they mean: disclosure.ts). A leaf
// module: the words table (reader-words.ts) and the trust types (trust.ts) import it without a cycle.
export const DISCLOSURE_VALUES = ['human-only', 'ai-assisted', 'ai-autonomous'] as const;
export type DisclosureValue = (typeof DISCLOSURE_VALUES)[number];

export interface Disclosure {
  value: DisclosureValue | null;
  labelRequired: boolean;
}
