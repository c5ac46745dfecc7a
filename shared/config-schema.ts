import { z } from 'zod';

import { DEFAULT_ATTRIBUTE_NAME } from './constants';
import { SCHEMA_ORG_TYPES } from './json-ld';

const contentTypeUid = z
  .string({ invalid_type_error: 'must be a content type uid string such as "api::article.article"' })
  .regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/i, {
    message: 'must be a content type uid such as "api::article.article"',
  });

// Strapi attribute names: a letter first, then letters, digits, underscores or dashes.
const attributeName = z.string({ invalid_type_error: 'must be a string' }).regex(/^[A-Za-z][A-Za-z0-9_-]*$/, {
  message: 'must be a valid attribute name (a letter, then letters, digits, _ or -)',
});

export const pluginConfigSchema = z
  .object({
    contentTypes: z
      .array(contentTypeUid, {
        required_error: 'is required: list the content type uids that get trust labels, e.g. ["api::article.article"]',
        invalid_type_error: 'must be an array of content type uids',
      })
      .min(1, { message: 'must name at least one content type uid' }),
    attributeName: attributeName.default(DEFAULT_ATTRIBUTE_NAME),
    hashAttributes: z
      .record(
        contentTypeUid,
        z.array(attributeName, { invalid_type_error: 'must be an array of attribute names' }).min(1),
        {
          invalid_type_error: 'must be an object mapping content type uids to arrays of attribute names',
        }
      )
      .default({}),
    // Checks (and repairs) every version's stored status against its content at each start
    // (docs/operations.md#several-strapi-processes-crashes-and-database-faults, "Integrity check").
    integrityCheckOnStartup: z.boolean({ invalid_type_error: 'must be true or false' }).default(true),
    // The integrity check works in batches of this many versions (docs/operations.md).
    integrityBatchSize: z
      .number({ invalid_type_error: 'must be a number' })
      .int({ message: 'must be a whole number' })
      .min(1)
      .max(10000)
      .default(500),
    // How long a process's hold on the running check lasts without renewal; another process takes the check over after it.
    integrityLeaseSeconds: z.number({ invalid_type_error: 'must be a number' }).min(1).max(3600).default(60),
    // The experimental AI-Disclosure header (draft-abaris-aicdh, expired) on single-entry content API responses
    // (docs/compliance.md#ai-disclosure).
    disclosureHeader: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
    // Optional, without a default: the schema.org @type of each type's JSON-LD (default "Article").
    jsonLdTypes: z
      .record(
        contentTypeUid,
        z.enum(SCHEMA_ORG_TYPES, {
          errorMap: () => ({ message: `must be one of the schema.org types ${SCHEMA_ORG_TYPES.join(', ')}` }),
        }),
        { invalid_type_error: 'must be an object mapping content type uids to schema.org types such as "NewsArticle"' }
      )
      .optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.contentTypes.forEach((uid, index) => {
      if (seen.has(uid)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['contentTypes', index], message: `lists "${uid}" twice` });
      }
      seen.add(uid);
    });
    for (const uid of Object.keys(config.hashAttributes)) {
      if (!config.contentTypes.includes(uid)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['hashAttributes', uid],
          message: `names "${uid}", which is not listed in contentTypes`,
        });
      }
    }
    for (const uid of Object.keys(config.jsonLdTypes ?? {})) {
      if (!config.contentTypes.includes(uid)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['jsonLdTypes', uid],
          message: `names "${uid}", which is not listed in contentTypes`,
        });
      }
    }
  });

export type PluginConfig = z.output<typeof pluginConfigSchema>;

/** Formats zod issues as one readable line each, prefixed with the option path. */
export const formatIssues = (issues: z.ZodIssue[]): string =>
  issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'config';
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown option(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message;
      return `${where}: ${message}`;
    })
    .join('; ');
