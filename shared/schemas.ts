import { z } from 'zod';

import { AI_INVOLVEMENT, DISCLAIMER_MODES, LIMITS } from './trust';

// One schema per input, used by the server to validate requests and by the admin panel to validate forms.

/** A Strapi documentId as routes accept it. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A locale code (BCP 47 subset: en, fr, pt-BR, zh-Hant-TW). */
export const LOCALE_CODE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// C0 controls except tab (\u0009) and newline (\u000A), DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export const plainText = (max: number, { label = 'text' } = {}) =>
  z
    .string({ invalid_type_error: `${label} must be a string`, required_error: `${label} is required` })
    .max(max, { message: `${label} must be at most ${max} characters` })
    .refine((value) => value.trim().length > 0, { message: `${label} must not be empty` })
    .refine((value) => !FORBIDDEN_CONTROL.test(value), {
      message: `${label} must not contain control characters (only newline and tab are allowed)`,
    });

/** An absolute http: or https: URL, or undefined with the reason it is not one. */
export const httpUrlProblem = (value: string, max: number): string | undefined => {
  if (value.length > max) return `must be at most ${max} characters`;
  if (/\s/.test(value) || FORBIDDEN_CONTROL.test(value)) return 'must not contain spaces or control characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL starting with http:// or https://';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (!url.hostname) return 'must name a host';
  if (!/^https?:\/\//i.test(value)) return 'must be an absolute URL starting with http:// or https://';
  return undefined;
};

const httpUrl = (max: number, label: string) =>
  z.string({ invalid_type_error: `${label} must be a string`, required_error: `${label} is required` }).superRefine((value, ctx) => {
    const problem = httpUrlProblem(value, max);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} ${problem}` });
  });

const isCalendarDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export const sourceSchema = z
  .object(
    {
      title: plainText(LIMITS.sourceTitle, { label: 'title' }),
      url: httpUrl(LIMITS.sourceUrl, 'url'),
      publisher: z
        .union([z.literal(''), plainText(LIMITS.sourcePublisher, { label: 'publisher' })], {
          errorMap: (issue, ctx) => ({ message: issue.code === 'invalid_union' ? 'publisher must be a string' : ctx.defaultError }),
        })
        .nullable()
        .optional()
        .transform((value) => (value ? value : null)),
      accessedAt: z
        .string({ invalid_type_error: 'accessedAt must be a date string YYYY-MM-DD' })
        .refine(isCalendarDate, { message: 'accessedAt must be a date YYYY-MM-DD' })
        .nullable()
        .optional()
        .transform((value) => value ?? null),
    },
    { invalid_type_error: 'a source must be an object { title, url, publisher?, accessedAt? }' }
  )
  .strict();

export const sourcesSchema = z
  .array(sourceSchema, { invalid_type_error: 'sources must be an array' })
  .max(LIMITS.sources, { message: `at most ${LIMITS.sources} sources are allowed` })
  .superRefine((sources, ctx) => {
    const seen = new Map<string, number>();
    sources.forEach((source, index) => {
      let key = source.url;
      try {
        key = new URL(source.url).href;
      } catch {
        return;
      }
      if (seen.has(key)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'url'],
          message: `url is the same as source ${seen.get(key)! + 1}; each source must have its own URL`,
        });
      } else {
        seen.set(key, index);
      }
    });
  });

export const disclaimerTextSchema = plainText(LIMITS.disclaimerText, { label: 'disclaimerText' });

/** Body of PUT /trust-labels/documents/:uid/:documentId. */
export const trustEditSchema = z
  .object(
    {
      aiInvolvement: z.enum(AI_INVOLVEMENT, {
        errorMap: () => ({ message: `aiInvolvement must be one of ${AI_INVOLVEMENT.join(', ')}` }),
      }),
      disclaimerMode: z.enum(DISCLAIMER_MODES, {
        errorMap: () => ({ message: `disclaimerMode must be one of ${DISCLAIMER_MODES.join(', ')}` }),
      }),
      disclaimerText: disclaimerTextSchema.nullable(),
      sources: sourcesSchema,
    },
    { invalid_type_error: 'the body must be a JSON object' }
  )
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'the body must contain at least one of aiInvolvement, disclaimerMode, disclaimerText, sources',
  });

export type TrustEdit = z.output<typeof trustEditSchema>;

const localeKey = z.string().regex(LOCALE_CODE_PATTERN, { message: 'must be a locale code such as en or pt-BR' });

const disclaimerDefault = plainText(LIMITS.disclaimerText, { label: 'disclaimer text' }).nullable();

export const disclaimerTextsSchema = z
  .object({ unknown: disclaimerDefault, none: disclaimerDefault, assisted: disclaimerDefault, generated: disclaimerDefault })
  .strict();

/** Settings as stored, and as PUT /trust-labels/settings accepts them (any subset of the keys). */
export const settingsSchema = z
  .object(
    {
      siteName: plainText(LIMITS.siteName, { label: 'siteName' }),
      disclaimers: z.record(localeKey, disclaimerTextsSchema, {
        invalid_type_error: 'disclaimers must be an object { [locale]: { unknown, none, assisted, generated } }',
      }),
      badgeLabel: z.record(localeKey, plainText(LIMITS.badgeLabel, { label: 'badge label' }), {
        invalid_type_error: 'badgeLabel must be an object { [locale]: label }',
      }),
      requiredSources: z
        .number({ invalid_type_error: 'requiredSources must be a whole number' })
        .int({ message: 'requiredSources must be a whole number' })
        .min(0, { message: 'requiredSources must be 0 or more' })
        .max(LIMITS.requiredSources, { message: `requiredSources must be at most ${LIMITS.requiredSources}` }),
      fourEyes: z.boolean({ invalid_type_error: 'fourEyes must be true or false' }),
      showVerifierName: z.boolean({ invalid_type_error: 'showVerifierName must be true or false' }),
      requireDisclosure: z.boolean({ invalid_type_error: 'requireDisclosure must be true or false' }),
      publishingPrinciplesUrl: httpUrl(LIMITS.sourceUrl, 'publishingPrinciplesUrl').nullable(),
    },
    { invalid_type_error: 'the body must be a JSON object' }
  )
  .strict();

export const settingsUpdateSchema = settingsSchema.partial();

/** Body of verify / unverify. */
export const verificationNoteSchema = z
  .object({ note: plainText(LIMITS.note, { label: 'note' }).nullable().optional() }, { invalid_type_error: 'the body must be a JSON object' })
  .strict();

/** Body of verify: the note, and optionally the content hash the verifier reviewed (a changed content answers 409). */
export const verifyBodySchema = verificationNoteSchema.extend({
  contentHash: z
    .string({ invalid_type_error: 'contentHash must be the content hash (64 hex digits) the verifier reviewed' })
    .regex(/^[0-9a-f]{64}$/, { message: 'contentHash must be the content hash (64 hex digits) the verifier reviewed' })
    .optional(),
});

/** Body of POST /trust-labels/bulk/verify and /bulk/unverify. */
export const bulkActionSchema = z
  .object(
    {
      uid: z.string({ required_error: 'uid is required', invalid_type_error: 'uid must be a content type uid string' }),
      documentIds: z
        .array(
          // Any string: a malformed id is reported for that document (not found), like one that does not exist.
          z.string({ invalid_type_error: 'a document id must be a string' }).min(1, { message: 'a document id must be a string' }).max(64, { message: 'a document id must be a string' }),
          { required_error: 'documentIds is required', invalid_type_error: 'documentIds must be an array of 1 to 1000 document ids' }
        )
        .min(1, { message: 'documentIds must be an array of 1 to 1000 document ids' })
        .max(1000, { message: 'documentIds must be an array of 1 to 1000 document ids' }),
      locale: z
        .string({ invalid_type_error: 'locale must be a locale code such as en or fr' })
        .regex(LOCALE_CODE_PATTERN, { message: 'locale must be a locale code such as en or fr' })
        .optional(),
      note: plainText(LIMITS.note, { label: 'note' }).nullable().optional(),
    },
    { invalid_type_error: 'the body must be a JSON object { uid, documentIds, locale? }', required_error: 'the body must be a JSON object { uid, documentIds, locale? }' }
  )
  .strict();

export type BulkAction = z.output<typeof bulkActionSchema>;

/** A zod issue as Strapi's ValidationError details entry. */
export interface ValidationErrorDetail {
  path: Array<string | number>;
  message: string;
  name: 'ValidationError';
}

export const toValidationDetails = (issues: z.ZodIssue[], prefix: Array<string | number> = []): ValidationErrorDetail[] =>
  issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...prefix, ...issue.path, key],
        message: `${key} is not allowed here`,
        name: 'ValidationError' as const,
      }));
    }
    if (issue.code === 'invalid_union' && issue.unionErrors.length > 0) {
      const first = issue.unionErrors[issue.unionErrors.length - 1].issues[0];
      if (first) return [{ path: [...prefix, ...issue.path], message: first.message, name: 'ValidationError' as const }];
    }
    return [{ path: [...prefix, ...issue.path], message: issue.message, name: 'ValidationError' as const }];
  });
