import type { Core } from '@strapi/strapi';

/**
 * Strapi logs, with a stack trace, every error that its error middleware does not recognise: the body parser's
 * refusal of malformed JSON or of a body too large, for instance, even though the plugin answers them with a 400.
 * A test that sends such input on purpose would fill a green run with red traces, and a newcomer could not tell it
 * from a broken one.
 *
 * `expectingErrorLog(strapi, expected, request)` runs `request` with Strapi's error log held back: what Strapi logs
 * meanwhile that matches `expected` is kept out of the output, anything else is logged as usual (an unexpected
 * error must still show). The test asserts on the answer, as always.
 */
export async function expectingErrorLog<T>(
  strapi: Core.Strapi,
  expected: RegExp,
  request: () => Promise<T>
): Promise<T> {
  const log = strapi.log as unknown as { error: (...args: unknown[]) => unknown };
  const hadOwn = Object.prototype.hasOwnProperty.call(log, 'error');
  const original = log.error;
  log.error = function error(this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = first instanceof Error ? first.message : typeof first === 'string' ? first : '';
    if (expected.test(text)) return log;
    return original.apply(this, args);
  };
  try {
    return await request();
  } finally {
    if (hadOwn) log.error = original;
    else delete (log as { error?: unknown }).error;
  }
}

/** What Strapi logs for a body its body parser refuses: JSON that is not an object or array, or too large. */
export const BODY_PARSER_ERROR = /JSON|request entity too large/;
