/** The server marks content types that carry trust labels with `options.trustLabels` (see server register). */
export const hasTrustLabels = (schema: { options?: object } | null | undefined): boolean =>
  Boolean((schema?.options as { trustLabels?: unknown } | undefined)?.trustLabels);
