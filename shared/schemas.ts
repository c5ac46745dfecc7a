import { z } from 'zod';

import { AI_INVOLVEMENT, DISCLAIMER_MODES, LIMITS, REVIEW_CHECKS } from './trust';

// One schema per input, used by the server to validate requests and by the admin panel to validate forms. Every
// problem carries a stable `code` and `values` (see ERROR_CODES) that the admin panel translates; the English
// `message` is for API clients.

/** A Strapi documentId as routes accept it. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A locale code (BCP 47 subset: en, fr, pt-BR, zh-Hant-TW). */
export const LOCALE_CODE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The codes of 400 problems, with the values each carries. Stable: the admin panel translates them, and API
 * clients may branch on them.
 */
export const ERROR_CODES = {
  invalidType: 'trust.invalidType', // { expected }
  required: 'trust.required',
  tooLong: 'trust.tooLong', // { max }
  tooMany: 'trust.tooMany', // { max }
  tooFew: 'trust.tooFew', // { min }
  outOfRange: 'trust.outOfRange', // { min?, max? }
  notInteger: 'trust.notInteger',
  invalidValue: 'trust.invalidValue', // { options }
  invalidFormat: 'trust.invalidFormat',
  unknownKey: 'trust.unknownKey', // { key }
  emptyBody: 'trust.emptyBody',
  textEmpty: 'trust.text.empty',
  textControl: 'trust.text.control',
  textBidi: 'trust.text.bidi',
  textSurrogate: 'trust.text.surrogate',
  urlInvalid: 'trust.url.invalid',
  urlScheme: 'trust.url.scheme',
  urlSpaces: 'trust.url.spaces',
  urlCredentials: 'trust.url.credentials',
  urlHost: 'trust.url.host',
  urlDuplicate: 'trust.url.duplicate', // { index }
  dateInvalid: 'trust.date.invalid',
  locale: 'trust.locale',
  documentId: 'trust.documentId',
  disclaimerTextRequired: 'trust.disclaimerText.required',
  contentHash: 'trust.contentHash',
  requiredSources: 'trust.requiredSources', // { min, count }
  requiredChecks: 'trust.requiredChecks', // { missing }
  fourEyes: 'trust.fourEyes',
  publishGate: 'trust.publishGate', // { aiInvolvement, locale }
  sort: 'trust.sort',
  filter: 'trust.filter',
  format: 'trust.format',
  body: 'trust.body',
  // Per-document results of bulk actions (no request-level 400): the document is not there, or the user may not.
  notFound: 'trust.notFound',
  forbidden: 'trust.forbidden',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const issue = (code: ErrorCode, values?: Record<string, unknown>) => ({
  params: { code, ...(values ? { values } : {}) },
});

// C0 controls except tab (\u0009) and newline (\u000A), DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// Bidirectional embeddings, overrides and isolates: they reorder what a reader sees (a "Trojan Source" title).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Characters that show nothing: a text of only these (and spaces) is empty. U+034F (combining grapheme joiner) and
// U+115F/U+1160 (Hangul fillers) are listed on their own on purpose: each is invisible by itself.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g;

/** Whether a text shows anything once spaces and invisible characters are left out. */
const isVisiblyEmpty = (value: string) => value.replace(INVISIBLE, '').length === 0;

/**
 * Plain text: at most `max` characters, something visible, no control characters but newline and tab, no bidi
 * overrides, no lone surrogates. Stored as given; every place the plugin shows it escapes it.
 */
const plainText = (max: number, { label = 'text' } = {}) =>
  z
    .string({ invalid_type_error: `${label} must be a string`, required_error: `${label} is required` })
    .max(max, { message: `${label} must be at most ${max} characters` })
    .superRefine((value, ctx) => {
      const add = (code: ErrorCode, message: string) =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} ${message}`, ...issue(code) });
      if (isVisiblyEmpty(value)) add(ERROR_CODES.textEmpty, 'must not be empty');
      else if (FORBIDDEN_CONTROL.test(value))
        add(ERROR_CODES.textControl, 'must not contain control characters (only newline and tab are allowed)');
      else if (BIDI_CONTROL.test(value))
        add(ERROR_CODES.textBidi, 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)');
      else if (LONE_SURROGATE.test(value))
        add(ERROR_CODES.textSurrogate, 'must be valid Unicode (it contains a lone surrogate)');
    });

interface UrlProblem {
  code: ErrorCode;
  message: string;
}

/** Why a value is not an absolute http(s) URL the plugin accepts, or undefined. */
export const httpUrlProblem = (value: string, max: number): UrlProblem | undefined => {
  if (value.length > max) return { code: ERROR_CODES.tooLong, message: `must be at most ${max} characters` };
  if (/\s/.test(value) || FORBIDDEN_CONTROL.test(value) || BIDI_CONTROL.test(value)) {
    return { code: ERROR_CODES.urlSpaces, message: 'must not contain spaces or control characters' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: ERROR_CODES.urlInvalid, message: 'must be an absolute URL starting with http:// or https://' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { code: ERROR_CODES.urlScheme, message: 'must start with http:// or https://' };
  if (!/^https?:\/\//i.test(value))
    return { code: ERROR_CODES.urlInvalid, message: 'must be an absolute URL starting with http:// or https://' };
  if (url.username || url.password)
    return { code: ERROR_CODES.urlCredentials, message: 'must not contain a user name or password' };
  if (!url.hostname) return { code: ERROR_CODES.urlHost, message: 'must name a host' };
  if (url.href.length > max)
    return { code: ERROR_CODES.tooLong, message: `must be at most ${max} characters once encoded` };
  return undefined;
};

/**
 * An absolute http(s) URL, stored and shown in its normal form: the host name in ASCII (IDNA: a look-alike
 * "exаmple.com" with a Cyrillic a reads xn--exmple-4nf.com), the path and query percent-encoded.
 */
const httpUrl = (max: number, label: string) =>
  z
    .string({ invalid_type_error: `${label} must be a string`, required_error: `${label} is required` })
    .superRefine((value, ctx) => {
      const problem = httpUrlProblem(value, max);
      if (problem)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} ${problem.message}`, ...issue(problem.code) });
    })
    .transform((value) => new URL(value).href);

const isCalendarDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const sourceSchema = z
  .object(
    {
      title: plainText(LIMITS.sourceTitle, { label: 'title' }),
      url: httpUrl(LIMITS.sourceUrl, 'url'),
      publisher: z
        .union([z.literal(''), plainText(LIMITS.sourcePublisher, { label: 'publisher' })], {
          errorMap: (problem, ctx) => ({
            message: problem.code === 'invalid_union' ? 'publisher must be a string' : ctx.defaultError,
          }),
        })
        .nullable()
        .optional()
        .transform((value) => (value ? value : null)),
      accessedAt: z
        .string({ invalid_type_error: 'accessedAt must be a date string YYYY-MM-DD' })
        .refine(isCalendarDate, { message: 'accessedAt must be a date YYYY-MM-DD', ...issue(ERROR_CODES.dateInvalid) })
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
      const key = source.url;
      if (seen.has(key)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'url'],
          message: `url is the same as source ${seen.get(key)! + 1}; each source must have its own URL`,
          ...issue(ERROR_CODES.urlDuplicate, { index: seen.get(key)! + 1 }),
        });
      } else {
        seen.set(key, index);
      }
    });
  });

const disclaimerTextSchema = plainText(LIMITS.disclaimerText, { label: 'disclaimerText' });

/** Who holds editorial responsibility (settings, or one entry's labels). */
const editorialResponsibilitySchema = z
  .object(
    {
      name: plainText(LIMITS.responsibleName, { label: 'name' }),
      url: httpUrl(LIMITS.sourceUrl, 'url')
        .nullable()
        .optional()
        .transform((value) => value ?? null),
      type: z
        .enum(['Organization', 'Person'], { errorMap: () => ({ message: 'type must be Organization or Person' }) })
        .optional(),
    },
    { invalid_type_error: 'editorialResponsibility must be an object { name, url?, type? } or null' }
  )
  .strict();

/** The checks a verifier confirms: each of REVIEW_CHECKS at most once. */
const reviewChecksSchema = z
  .array(
    z.enum(REVIEW_CHECKS, { errorMap: () => ({ message: `a check must be one of ${REVIEW_CHECKS.join(', ')}` }) }),
    {
      invalid_type_error: `checks must be a list of ${REVIEW_CHECKS.join(', ')}`,
    }
  )
  .refine((checks) => new Set(checks).size === checks.length, {
    message: 'each check may be given once',
    ...issue(ERROR_CODES.invalidValue),
  });

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
      editorialResponsibility: editorialResponsibilitySchema.nullable(),
      // Is this entry published to inform the public on matters of public interest? null: its type's setting.
      publicInterest: z.boolean({ invalid_type_error: 'publicInterest must be true, false or null' }).nullable(),
    },
    { invalid_type_error: 'the body must be a JSON object' }
  )
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message:
      'the body must contain at least one of aiInvolvement, disclaimerMode, disclaimerText, sources, editorialResponsibility, publicInterest',
    ...issue(ERROR_CODES.emptyBody),
  });

export type TrustEdit = z.output<typeof trustEditSchema>;

/**
 * What an AI agent may suggest for a draft's labels (the MCP tool trust_labels_suggest): AI involvement and sources,
 * with the rules of an editor's edit. Never the disclaimer, the status or anything else.
 */
export const suggestionSchema = z
  .object(
    {
      aiInvolvement: z.enum(AI_INVOLVEMENT, {
        errorMap: () => ({ message: `aiInvolvement must be one of ${AI_INVOLVEMENT.join(', ')}` }),
      }),
      sources: sourcesSchema,
    },
    { invalid_type_error: 'the suggestion must be an object { aiInvolvement?, sources? }' }
  )
  .partial()
  .strict()
  .refine((body) => body.aiInvolvement !== undefined || (body.sources?.length ?? 0) > 0, {
    message: 'suggest at least one of aiInvolvement, sources',
    ...issue(ERROR_CODES.emptyBody),
  });

/** A content type uid: `api::name.name` or `plugin::name.name`. */
const CONTENT_TYPE_UID_PATTERN = /^(api|plugin)::[a-z0-9-]{1,100}\.[a-z0-9-]{1,100}$/;

const localeKey = z.string().refine((value) => LOCALE_CODE_PATTERN.test(value), {
  message: 'must be a locale code such as en or pt-BR',
  ...issue(ERROR_CODES.locale),
});

const disclaimerDefault = plainText(LIMITS.disclaimerText, { label: 'disclaimer text' }).nullable();

const disclaimerTextsSchema = z
  .object({
    unknown: disclaimerDefault,
    none: disclaimerDefault,
    assisted: disclaimerDefault,
    generated: disclaimerDefault,
  })
  .strict();

/** A map keyed by locale, with at most LIMITS.settingsLocales entries. */
const perLocale = <T extends z.ZodTypeAny>(value: T, what: string) =>
  z
    .record(localeKey, value, { invalid_type_error: `${what} must be an object keyed by locale` })
    .refine((map) => Object.keys(map).length <= LIMITS.settingsLocales, {
      message: `${what} may hold at most ${LIMITS.settingsLocales} locales`,
      ...issue(ERROR_CODES.tooMany, { max: LIMITS.settingsLocales }),
    });

/** Settings as stored, and as PUT /trust-labels/settings accepts them (any subset of the keys). */
export const settingsSchema = z
  .object(
    {
      siteName: plainText(LIMITS.siteName, { label: 'siteName' }),
      disclaimers: perLocale(disclaimerTextsSchema, 'disclaimers'),
      badgeLabel: perLocale(plainText(LIMITS.badgeLabel, { label: 'badge label' }), 'badgeLabel'),
      notVerifiedLabel: perLocale(plainText(LIMITS.badgeLabel, { label: 'not verified label' }), 'notVerifiedLabel'),
      requiredChecks: reviewChecksSchema,
      editorialResponsibility: editorialResponsibilitySchema.nullable(),
      requiredSources: z
        .number({ invalid_type_error: 'requiredSources must be a whole number' })
        .int({ message: 'requiredSources must be a whole number' })
        .min(0, { message: 'requiredSources must be 0 or more' })
        .max(LIMITS.requiredSources, { message: `requiredSources must be at most ${LIMITS.requiredSources}` }),
      fourEyes: z.boolean({ invalid_type_error: 'fourEyes must be true or false' }),
      showVerifierName: z.boolean({ invalid_type_error: 'showVerifierName must be true or false' }),
      requireDisclosure: z.boolean({ invalid_type_error: 'requireDisclosure must be true or false' }),
      publishingPrinciplesUrl: httpUrl(LIMITS.sourceUrl, 'publishingPrinciplesUrl').nullable(),
      publicInterest: z
        .record(
          z.string().regex(CONTENT_TYPE_UID_PATTERN, {
            message: 'must be a content type uid such as api::article.article',
            ...issue(ERROR_CODES.invalidFormat),
          }),
          z.boolean({ invalid_type_error: 'publicInterest of a type must be true or false' }),
          { invalid_type_error: 'publicInterest must be an object { [content type uid]: true | false }' }
        )
        .refine((map) => Object.keys(map).length <= LIMITS.settingsLocales, {
          message: `publicInterest may hold at most ${LIMITS.settingsLocales} types`,
          ...issue(ERROR_CODES.tooMany, { max: LIMITS.settingsLocales }),
        }),
    },
    { invalid_type_error: 'the body must be a JSON object' }
  )
  .strict();

export const settingsUpdateSchema = settingsSchema.partial();
export type SettingsUpdate = z.output<typeof settingsUpdateSchema>;

/** Body of verify / unverify. */
export const verificationNoteSchema = z
  .object(
    { note: plainText(LIMITS.note, { label: 'note' }).nullable().optional() },
    { invalid_type_error: 'the body must be a JSON object' }
  )
  .strict();

/**
 * Body of verify: the note, the checks the verifier confirms (the `requiredChecks` setting says which must be there),
 * and optionally the content hash the verifier reviewed (a changed content answers 409).
 */
export const verifyBodySchema = verificationNoteSchema.extend({
  checks: reviewChecksSchema.optional(),
  contentHash: z
    .string({ invalid_type_error: 'contentHash must be the content hash (64 hex digits) the verifier reviewed' })
    .refine((value) => /^[0-9a-f]{64}$/.test(value), {
      message: 'contentHash must be the content hash (64 hex digits) the verifier reviewed',
      ...issue(ERROR_CODES.contentHash),
    })
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
          z
            .string({ invalid_type_error: 'a document id must be a string' })
            .min(1, { message: 'a document id must be a string' })
            .max(64, { message: 'a document id must be a string' }),
          {
            required_error: 'documentIds is required',
            invalid_type_error: 'documentIds must be an array of 1 to 1000 document ids',
          }
        )
        .min(1, { message: 'documentIds must be an array of 1 to 1000 document ids' })
        .max(1000, { message: 'documentIds must be an array of 1 to 1000 document ids' }),
      locale: z
        .string({ invalid_type_error: 'locale must be a locale code such as en or fr' })
        .refine((value) => LOCALE_CODE_PATTERN.test(value), {
          message: 'locale must be a locale code such as en or fr',
          ...issue(ERROR_CODES.locale),
        })
        .optional(),
      note: plainText(LIMITS.note, { label: 'note' }).nullable().optional(),
      // Verify only: the checks, confirmed once for the whole batch.
      checks: reviewChecksSchema.optional(),
    },
    {
      invalid_type_error: 'the body must be a JSON object { uid, documentIds, locale? }',
      required_error: 'the body must be a JSON object { uid, documentIds, locale? }',
    }
  )
  .strict();

export type BulkAction = z.output<typeof bulkActionSchema>;

/** POST /trust-labels/integrity: `repair: false` checks without repairing. No body: repair. */
export const integrityRunSchema = z.preprocess(
  (value) => (value === undefined || value === null ? {} : value),
  z
    .object(
      { repair: z.boolean({ invalid_type_error: 'repair must be true or false' }).optional() },
      { invalid_type_error: 'the body must be a JSON object { repair? }' }
    )
    .strict()
);

// Query strings. Koa parses `?a=1&a=2` and `?a[b]=1` into arrays and objects, which fail these schemas (400).

const LOCALE_MESSAGE = 'locale must be a locale code such as en or fr';
/** An optional locale code; an empty `locale=` counts as absent (the default locale). */
const localeQuery = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string({ invalid_type_error: LOCALE_MESSAGE })
    .refine((value) => LOCALE_CODE_PATTERN.test(value), { message: LOCALE_MESSAGE, ...issue(ERROR_CODES.locale) })
    .optional()
);

/** A page number or size in a query string: 1 to `max`. */
const positiveQueryInteger = (name: string, max: number) =>
  z
    .string({ invalid_type_error: `${name} must be a whole number from 1 to ${max}` })
    .refine((value) => /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= max, {
      message: `${name} must be a whole number from 1 to ${max}`,
      ...issue(ERROR_CODES.outOfRange, { min: 1, max }),
    })
    .transform(Number);

const DOCUMENT_IDS_MESSAGE = 'documentIds must be a comma-separated list of 1 to 200 document ids';

/** Query of GET /trust-labels/statuses/:uid (the list view's Trust column). */
export const statusesQuerySchema = z.object({
  locale: localeQuery,
  documentIds: z
    .string({ required_error: DOCUMENT_IDS_MESSAGE, invalid_type_error: DOCUMENT_IDS_MESSAGE })
    .transform((value) => value.split(','))
    .refine((ids) => ids.length >= 1 && ids.length <= 200 && ids.every((id) => DOCUMENT_ID_PATTERN.test(id)), {
      message: DOCUMENT_IDS_MESSAGE,
      ...issue(ERROR_CODES.documentId),
    }),
});

/** Query of GET /trust-labels/queue (the review queue). */
export const queueQuerySchema = z.object({
  uid: z.string({ invalid_type_error: 'uid must be a content type uid' }).max(200).optional(),
  locale: localeQuery,
  status: z
    .enum(['stale', 'unverified'], { errorMap: () => ({ message: 'status must be stale or unverified' }) })
    .optional(),
  page: positiveQueryInteger('page', 10_000).default('1'),
  pageSize: positiveQueryInteger('pageSize', 100).default('25'),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

/** Query of GET /trust-labels/documents/:uid/:documentId/history: newest first, in pages (200 events at most). */
export const historyQuerySchema = z.object({
  locale: localeQuery,
  page: positiveQueryInteger('page', 99_999).default('1'),
  pageSize: positiveQueryInteger('pageSize', 200).default('200'),
});

/** Query of GET /trust-labels/report. */
export const reportQuerySchema = z.object({
  format: z
    .string({ invalid_type_error: 'format must be json or csv' })
    .refine((value) => value === 'json' || value === 'csv', {
      message: 'format must be json or csv',
      ...issue(ERROR_CODES.format, { options: ['json', 'csv'] }),
    })
    .default('json')
    .transform((value) => value as 'json' | 'csv'),
  // The JSON report's page of entries (the CSV export is whole, streamed).
  page: positiveQueryInteger('page', 99_999).default('1'),
  pageSize: positiveQueryInteger('pageSize', 1_000).default('200'),
});

/**
 * One problem of a 400, as Strapi's ValidationError details list it (`error.details.errors`): where, the English
 * `message` for API clients, and the stable `code` and `values` that the admin panel translates. The one shape of
 * a problem: the server's errors (server/src/errors.ts), the zod issues below and the admin's forms all use it.
 */
export interface ErrorDetail {
  path: Array<string | number>;
  message: string;
  name: 'ValidationError';
  code: ErrorCode;
  values?: Record<string, unknown>;
}

/** The code of a zod issue that no refinement named. */
const codeOfIssue = (problem: z.ZodIssue): { code: ErrorCode; values?: Record<string, unknown> } => {
  const params = (problem as { params?: { code?: ErrorCode; values?: Record<string, unknown> } }).params;
  if (params?.code) return { code: params.code, values: params.values };
  switch (problem.code) {
    case 'invalid_type':
      return problem.received === 'undefined'
        ? { code: ERROR_CODES.required }
        : { code: ERROR_CODES.invalidType, values: { expected: problem.expected } };
    case 'too_big':
      return problem.type === 'array'
        ? { code: ERROR_CODES.tooMany, values: { max: problem.maximum } }
        : problem.type === 'string'
          ? { code: ERROR_CODES.tooLong, values: { max: problem.maximum } }
          : { code: ERROR_CODES.outOfRange, values: { max: problem.maximum } };
    case 'too_small':
      return problem.type === 'array'
        ? { code: ERROR_CODES.tooFew, values: { min: problem.minimum } }
        : { code: ERROR_CODES.outOfRange, values: { min: problem.minimum } };
    case 'invalid_enum_value':
      return { code: ERROR_CODES.invalidValue, values: { options: problem.options } };
    case 'not_multiple_of':
      return { code: ERROR_CODES.notInteger };
    case 'invalid_string':
      return { code: ERROR_CODES.invalidFormat };
    default:
      return { code: ERROR_CODES.invalidFormat };
  }
};

const detail = (
  path: Array<string | number>,
  message: string,
  coded: { code: ErrorCode; values?: Record<string, unknown> }
): ErrorDetail => ({
  path,
  message,
  name: 'ValidationError',
  code: coded.code,
  ...(coded.values ? { values: coded.values } : {}),
});

export const toValidationDetails = (issues: z.ZodIssue[], prefix: Array<string | number> = []): ErrorDetail[] =>
  issues.flatMap((problem) => {
    if (problem.code === 'unrecognized_keys') {
      return problem.keys.map((key) =>
        detail([...prefix, ...problem.path, key], `${key} is not allowed here`, {
          code: ERROR_CODES.unknownKey,
          values: { key },
        })
      );
    }
    if (problem.code === 'invalid_union' && problem.unionErrors.length > 0) {
      const first = problem.unionErrors[problem.unionErrors.length - 1].issues[0];
      if (first) return [detail([...prefix, ...problem.path], first.message, codeOfIssue(first))];
    }
    return [detail([...prefix, ...problem.path], problem.message, codeOfIssue(problem))];
  });
