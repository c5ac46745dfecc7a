import { toValidationDetails } from '../../../shared/schemas';
import { validationError } from '../errors';

interface Schema<T> {
  safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: any[] } };
}

/**
 * A request's body or query, checked with a shared zod schema (the admin panel's forms use the same): the parsed,
 * typed value, or a 400 in Strapi's format naming each problem with its path and code. The one place where a zod
 * result becomes a ValidationError.
 */
export const parseInput = <T>(schema: Schema<T>, value: unknown): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues));
  return parsed.data;
};
