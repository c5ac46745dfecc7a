import type { Core } from '@strapi/strapi';

import { ERROR_CODES } from '../../../../shared/schemas';
import { invalid, toStrapiError } from '../../errors';
import { getPluginConfig } from '../../utils';
import type { DocumentMiddleware } from './types';

/** Actions whose `filters` (and relation populates' `filters`) Strapi's query engine runs. */
const FILTERING_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const MAX_DEPTH = 20;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const LOGICAL = new Set(['$and', '$or', '$not']);

/**
 * The only trust fields anyone may filter on (components/index.ts): everything else under `trust` is internal. Strapi
 * refuses private fields in the content API, but not the row's `id`, and not for other callers.
 */
const FILTERABLE_TRUST_FIELDS = new Set(['status', 'verifiedAt', 'aiInvolvement']);

/** The path of the first field in a trust filter that is not filterable (through `$and`/`$or`/`$not`), or null. */
const unfilterableField = (condition: unknown, path: string[], depth = 0): string[] | null => {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(condition)) {
    for (const [i, item] of condition.entries()) {
      const found = unfilterableField(item, [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(condition)) return null;
  for (const [key, value] of Object.entries(condition)) {
    if (LOGICAL.has(key)) {
      const found = unfilterableField(value, [...path, key], depth + 1);
      if (found) return found;
    } else if (!key.startsWith('$') && !FILTERABLE_TRUST_FIELDS.has(key)) {
      return [...path, key];
    }
  }
  return null;
};

/**
 * Where, in a trust filter, an operator is given another operator instead of a value (`[status][$eq][$ne]=x`):
 * Strapi's WHERE builder fails on it with a 500 (for every attribute; for trust the plugin answers a 400). Returns the
 * path of the first such operator, or null.
 */
const misplacedOperator = (condition: unknown, path: string[], depth = 0): string[] | null => {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(condition)) {
    for (const [i, item] of condition.entries()) {
      const found = misplacedOperator(item, [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(condition)) return null;
  for (const [key, value] of Object.entries(condition)) {
    if (LOGICAL.has(key)) {
      const found = misplacedOperator(value, [...path, key], depth + 1);
      if (found) return found;
    } else {
      const found = misplacedInField(value, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return null;
};

/** A field's condition: its operators take a value or a list of values; only `$not` takes operators. */
const misplacedInField = (condition: unknown, path: string[], depth: number): string[] | null => {
  if (depth > MAX_DEPTH || !isPlainObject(condition)) return null;
  for (const [operator, operand] of Object.entries(condition)) {
    if (operator === '$not') {
      const found = misplacedInField(operand, [...path, operator], depth + 1);
      if (found) return found;
    } else if (
      isPlainObject(operand) ||
      (Array.isArray(operand) && operand.some((item) => item !== null && typeof item === 'object'))
    ) {
      return [...path, operator];
    }
  }
  return null;
};

/**
 * Strapi's query engine cannot run `$not` directly under a component filter: `filters[trust][$not][status][$eq]=x`
 * fails in its WHERE builder ("Undefined attribute level operator"), a 500 in REST and GraphQL (GraphQL even offers
 * `trust: { not: … }`). The trust attribute is one component per version, so "its trust is not X" is "not (its trust
 * is X)": `{ trust: { $not: X, …rest } }` becomes `{ $and: [{ trust: rest }, { $not: { trust: X } }] }`, which Strapi
 * runs. Everything else is left as it was written; relation filters and `$and`/`$or`/`$not` are walked to find trust
 * filters of enabled types wherever they are.
 */
const rewriteTrustFilters = (strapi: Core.Strapi, uid: string, where: unknown, depth = 0): unknown => {
  if (depth > MAX_DEPTH) return where;
  if (Array.isArray(where)) return where.map((item) => rewriteTrustFilters(strapi, uid, item, depth + 1));
  if (!isPlainObject(where)) return where;
  const { contentTypes, attributeName } = getPluginConfig(strapi);
  const attributes: Record<string, any> = (strapi.getModel(uid as any) as any)?.attributes ?? {};
  const kept: Record<string, unknown> = {};
  const negations: unknown[] = [];
  const isTrust = (key: string) => key === attributeName && contentTypes.includes(uid);
  for (const [key, value] of Object.entries(where)) {
    const unfilterable = isTrust(key) ? unfilterableField(value, [key]) : null;
    if (unfilterable) {
      const message = `${unfilterable.join('.')}: only ${[...FILTERABLE_TRUST_FIELDS].join(', ')} can be filtered under ${key}`;
      throw toStrapiError(strapi, invalid(unfilterable, message, ERROR_CODES.filter));
    }
    const misplaced = isTrust(key) ? misplacedOperator(value, [key]) : null;
    if (misplaced) {
      throw toStrapiError(
        strapi,
        invalid(
          misplaced,
          `${misplaced.join('.')}: an operator takes a value or a list of values, not another operator`,
          ERROR_CODES.filter
        )
      );
    }
    if (LOGICAL.has(key)) {
      kept[key] = rewriteTrustFilters(strapi, uid, value, depth + 1);
    } else if (isTrust(key) && isPlainObject(value) && (isPlainObject(value.$not) || Array.isArray(value.$not))) {
      const { $not: negated, ...rest } = value;
      if (Object.keys(rest).length > 0) kept[key] = rest;
      // A list under `$not` (`[$not][0][…]`) is its items together, as Strapi reads a list anywhere in a filter.
      const condition = Array.isArray(negated) ? { $and: negated } : negated;
      negations.push({ $not: rewriteTrustFilters(strapi, uid, { [key]: condition }, depth + 1) });
    } else if (attributes[key]?.type === 'relation' && typeof attributes[key].target === 'string') {
      kept[key] = rewriteTrustFilters(strapi, attributes[key].target, value, depth + 1);
    } else {
      kept[key] = value;
    }
  }
  if (negations.length === 0) return kept;
  return { $and: Object.keys(kept).length > 0 ? [kept, ...negations] : negations };
};

/** The same, in the filters of a populate (relations' own filters, and their populates, at any depth). */
const rewritePopulate = (strapi: Core.Strapi, uid: string, populate: unknown, depth = 0): unknown => {
  if (depth > MAX_DEPTH || !isPlainObject(populate)) return populate;
  const attributes: Record<string, any> = (strapi.getModel(uid as any) as any)?.attributes ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, nested] of Object.entries(populate)) {
    const attribute = attributes[name];
    const target =
      attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : null;
    out[name] =
      typeof target === 'string' && isPlainObject(nested) ? rewriteParams(strapi, target, nested, depth + 1) : nested;
  }
  return out;
};

const rewriteParams = (
  strapi: Core.Strapi,
  uid: string,
  params: Record<string, any>,
  depth = 0
): Record<string, any> => {
  const out = { ...params };
  if (params.filters !== undefined) out.filters = rewriteTrustFilters(strapi, uid, params.filters, depth);
  if (params.populate !== undefined) out.populate = rewritePopulate(strapi, uid, params.populate, depth);
  return out;
};

/** Every read, from any caller (content API, GraphQL, the admin panel, app code): trust filters Strapi can run. */
export const trustFiltersMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (!FILTERING_ACTIONS.has(ctx.action) || !isPlainObject(ctx.params)) return next();
    if (ctx.params.filters === undefined && !isPlainObject(ctx.params.populate)) return next();
    ctx.params = rewriteParams(strapi, ctx.uid, ctx.params);
    return next();
  };
