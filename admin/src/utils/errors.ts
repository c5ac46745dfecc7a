import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '../../../shared/schemas';
import type { Translate } from '../hooks/useTranslate';
import { readError } from './api';

/**
 * The English text of each problem code (shared/schemas.ts ERROR_CODES), as shown beside a field: the field's label
 * says which field, so the text does not repeat it. Translations are `errors.<code>` in translations/*.json; the
 * server's `message` stays English for API clients and is never shown when the problem has a code.
 */
const PROBLEM_MESSAGES: Record<ErrorCode, string> = {
  [ERROR_CODES.invalidType]: 'Not the expected kind of value ({expected}).',
  [ERROR_CODES.required]: 'Required.',
  [ERROR_CODES.tooLong]: 'At most {max} characters.',
  [ERROR_CODES.tooMany]: 'At most {max} items.',
  [ERROR_CODES.tooFew]: 'At least {min} items.',
  [ERROR_CODES.outOfRange]: 'Must be between {min} and {max}.',
  [ERROR_CODES.notInteger]: 'Must be a whole number.',
  [ERROR_CODES.invalidValue]: 'Must be one of: {options}.',
  [ERROR_CODES.invalidFormat]: 'Not in the expected format.',
  [ERROR_CODES.unknownKey]: '“{key}” is not allowed here.',
  [ERROR_CODES.emptyBody]: 'Nothing to save.',
  [ERROR_CODES.textEmpty]: 'Must not be empty.',
  [ERROR_CODES.textControl]: 'Must not contain control characters (only line breaks and tabs are allowed).',
  [ERROR_CODES.textBidi]: 'Must not contain characters that reverse the text direction (U+202A–U+202E, U+2066–U+2069).',
  [ERROR_CODES.textSurrogate]: 'Contains an invalid character (a lone surrogate).',
  [ERROR_CODES.urlInvalid]: 'Must be a full web address starting with http:// or https://.',
  [ERROR_CODES.urlScheme]: 'Must start with http:// or https://.',
  [ERROR_CODES.urlSpaces]: 'Must not contain spaces or control characters.',
  [ERROR_CODES.urlCredentials]: 'Must not contain a user name or password.',
  [ERROR_CODES.urlHost]: 'Must name a host, such as example.org.',
  [ERROR_CODES.urlDuplicate]: 'Same URL as source {index}: each source needs its own URL.',
  [ERROR_CODES.dateInvalid]: 'Must be a valid date.',
  [ERROR_CODES.locale]: 'Must be a locale code such as en or pt-BR.',
  [ERROR_CODES.documentId]: 'Not a valid document id.',
  [ERROR_CODES.disclaimerTextRequired]: 'Write the custom disclaimer, or choose another mode.',
  [ERROR_CODES.contentHash]: 'The content changed since you opened it. Review the new version, then verify again.',
  [ERROR_CODES.requiredSources]:
    'This entry has {count} source(s); at least {min} are needed before it can be verified.',
  [ERROR_CODES.requiredChecks]: 'Confirm these checks before verifying: {missing}.',
  [ERROR_CODES.fourEyes]: 'You were the last to update this version: another person must verify it.',
  [ERROR_CODES.publishGate]:
    'Cannot publish: the entry is marked as {aiInvolvement} but shows no disclaimer and is not verified by a person. Turn the disclaimer on, or have the entry verified, then publish again.',
  [ERROR_CODES.sort]: 'Trust labels cannot be sorted on.',
  [ERROR_CODES.filter]:
    'This filter on trust labels cannot be run: an operator takes a value or a list of values, not another operator.',
  [ERROR_CODES.format]: 'This format is not supported.',
  [ERROR_CODES.body]: 'The request could not be read.',
  [ERROR_CODES.notFound]: 'Not found: it was deleted, or this locale does not exist.',
  [ERROR_CODES.forbidden]: "You may not change this entry (the Content Manager's update permission).",
};

/** `outOfRange` carries a minimum, a maximum or both: one text for each. */
const RANGE_MESSAGES = {
  min: 'Must be {min} or more.',
  max: 'Must be {max} or less.',
} as const;

const AI_LABELS: Record<string, string> = {
  unknown: 'Unknown',
  none: 'None (human-written)',
  assisted: 'AI-assisted',
  generated: 'AI-generated',
};
const CHECK_NAMES: Record<string, string> = { accuracy: 'accuracy', plausibility: 'plausibility', sources: 'sources' };

/** A problem to show: an error detail (shared/schemas.ts), or a per-document result of a bulk action, with what it has of one. */
export type Problem = Partial<Omit<ErrorDetail, 'name'>>;

const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in PROBLEM_MESSAGES;

const list = (value: unknown, name: (item: string) => string = (item) => item) =>
  Array.isArray(value)
    ? value.map((item) => name(String(item))).join(', ')
    : value === undefined || value === null
      ? ''
      : name(String(value));

/**
 * A problem as the editor should read it, in the admin's language: the text of its code with its values, or, for a
 * problem without a known code, the server's message.
 */
export const problemMessage = (t: Translate, problem: Problem): string => {
  const { code } = problem;
  if (!isKnownCode(code)) return problem.message ?? t('errors.unknown', 'Something went wrong.');
  const values = problem.values ?? {};
  switch (code) {
    case ERROR_CODES.outOfRange: {
      const hasMin = values.min !== undefined;
      const hasMax = values.max !== undefined;
      if (hasMin && !hasMax) return t(`errors.${code}.min`, RANGE_MESSAGES.min, { min: Number(values.min) });
      if (hasMax && !hasMin) return t(`errors.${code}.max`, RANGE_MESSAGES.max, { max: Number(values.max) });
      return t(`errors.${code}`, PROBLEM_MESSAGES[code], {
        min: Number(values.min ?? 0),
        max: Number(values.max ?? 0),
      });
    }
    case ERROR_CODES.requiredChecks:
      return t(`errors.${code}`, PROBLEM_MESSAGES[code], {
        missing: list(values.missing, (check) =>
          check in CHECK_NAMES ? t(`checks.name.${check}`, CHECK_NAMES[check]) : check
        ),
      });
    case ERROR_CODES.publishGate: {
      const ai = String(values.aiInvolvement ?? '');
      return t(`errors.${code}`, PROBLEM_MESSAGES[code], {
        aiInvolvement: ai in AI_LABELS ? t(`ai.${ai}`, AI_LABELS[ai]) : ai,
      });
    }
    default: {
      const formatted: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(values))
        formatted[key] = typeof value === 'number' ? value : list(value);
      return t(`errors.${code}`, PROBLEM_MESSAGES[code], formatted);
    }
  }
};

/** Problems by their dotted path ("sources.2.url"), translated; the first problem of a path wins. */
export const problemsByPath = (t: Translate, problems: Problem[]): Record<string, string> => {
  const byPath: Record<string, string> = {};
  for (const problem of problems) {
    const key = (problem.path ?? []).join('.');
    if (!(key in byPath)) byPath[key] = problemMessage(t, problem);
  }
  return byPath;
};

/** Failures without a problem code, by HTTP status: what the editor can do about each. */
export const STATUS_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Log in again.',
  403: 'You do not have the permission for this, on this entry or in this locale.',
  404: 'This entry or locale no longer exists, or trust labels are not enabled on its content type.',
  409: 'The entry changed meanwhile. Reload it, then try again.',
  413: 'The request is too large.',
  429: 'Too many requests. Wait a moment, then try again.',
  503: 'The database is busy. Try again in a moment.',
};

/**
 * A failed request as the editor should read it: its first problem with a known code, translated; else a translated
 * text for its HTTP status; else the server's message (English).
 */
const requestErrorMessage = (
  t: Translate,
  message: string,
  problems: Problem[],
  status: number | null = null
): string => {
  const coded = problems.find((problem) => isKnownCode(problem.code));
  if (coded) return problemMessage(t, coded);
  if (status !== null && status in STATUS_MESSAGES) return t(`errors.http.${status}`, STATUS_MESSAGES[status]);
  return message;
};

/** Any failed request to the plugin's API, as the editor should read it (see requestErrorMessage). */
export const errorMessage = (t: Translate, error: unknown): string => {
  const { message, details, status } = readError(error);
  return requestErrorMessage(t, message, details, status);
};
