import type { PluginConfig } from '../../../shared/config-schema';

interface SchemaLike {
  attributes: Record<string, { type?: string } | undefined>;
}

/**
 * Checks the parsed plugin config against the app's content types. Pure: the schema lookup is passed in,
 * so this is unit-testable without Strapi. Returns one message per problem, empty when all is well.
 */
export const checkConfigAgainstSchemas = (
  config: PluginConfig,
  getSchema: (uid: string) => SchemaLike | undefined
): string[] => {
  const problems: string[] = [];

  config.contentTypes.forEach((uid, index) => {
    const schema = getSchema(uid);
    if (!schema) {
      problems.push(`contentTypes.${index}: "${uid}" is not a content type of this app`);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(schema.attributes, config.attributeName)) {
      problems.push(
        `attributeName: "${uid}" already has an attribute named "${config.attributeName}"; choose another attributeName`
      );
    }
  });

  for (const [uid, attributes] of Object.entries(config.hashAttributes)) {
    const schema = getSchema(uid);
    if (!schema) continue; // already reported above
    attributes.forEach((attribute, index) => {
      if (!Object.prototype.hasOwnProperty.call(schema.attributes, attribute)) {
        problems.push(`hashAttributes.${uid}.${index}: "${uid}" has no attribute named "${attribute}"`);
      } else if (attribute === config.attributeName) {
        problems.push(
          `hashAttributes.${uid}.${index}: "${attribute}" is the trust attribute itself and cannot be hashed`
        );
      }
    });
  }

  return problems;
};
