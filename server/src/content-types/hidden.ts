/**
 * The options every table of the plugin's own shares: a collection type without draft and publish or locales,
 * hidden from the Content Manager and the Content-Type Builder. None has content API routes.
 */
export const hiddenCollectionType = <T extends { collectionName: string; info: object; attributes: object }>(
  schema: T & { indexes?: Array<{ name: string; columns: string[] }> }
) => ({
  kind: 'collectionType' as const,
  ...schema,
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
});
