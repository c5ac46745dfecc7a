import type { Core } from '@strapi/strapi';

import { DOCUMENT_ID_PATTERN, ERROR_CODES, LOCALE_CODE_PATTERN } from '../../../shared/schemas';
import { invalid, notFound } from '../errors';
import type { Target } from '../types';
import { defaultLocaleOf, isEnabledUid, isLocalized } from '../utils';

/**
 * The checks every route that names a document makes at its edge, in one place: the uid must be an enabled type
 * (404), the documentId well-formed (404, as for a document that does not exist), the locale a locale code (400)
 * and given only for localized types. Services then take a `Target` and trust it.
 */

/** 404 unless trust labels are enabled for this uid. */
export const assertEnabledUid = (strapi: Core.Strapi, uid: unknown): string => {
  if (typeof uid !== 'string' || !isEnabledUid(strapi, uid) || !strapi.contentType(uid as any)) {
    throw notFound(typeof uid === 'string' ? `Trust labels are not enabled for "${uid.slice(0, 100)}"` : 'Not Found');
  }
  return uid;
};

/**
 * The locale to act on: the one given, else the default locale, for localized types; null for the others.
 * `strict` (admin routes) refuses a locale on a type that is not localized; public outputs ignore it, as the
 * content API does.
 */
export const resolveLocale = async (
  strapi: Core.Strapi,
  uid: string,
  locale: unknown,
  { strict = true } = {}
): Promise<string | null> => {
  const given = locale !== undefined && locale !== '';
  if (given && (typeof locale !== 'string' || !LOCALE_CODE_PATTERN.test(locale))) {
    throw invalid(['locale'], 'locale must be a locale code such as en or fr', ERROR_CODES.locale);
  }
  if (!isLocalized(strapi, uid)) {
    if (given && strict) throw invalid(['locale'], `"${uid}" is not localized: omit locale`, ERROR_CODES.locale);
    return null;
  }
  return given ? (locale as string) : defaultLocaleOf(strapi);
};

const assertDocumentId = (documentId: unknown): string => {
  if (typeof documentId !== 'string' || !DOCUMENT_ID_PATTERN.test(documentId)) throw notFound('Document not found');
  return documentId;
};

/** uid, documentId and locale of a request, checked. */
export const documentTarget = async (
  strapi: Core.Strapi,
  { uid, documentId, locale }: { uid: unknown; documentId: unknown; locale: unknown },
  options: { strict?: boolean } = {}
): Promise<Target> => {
  const checkedUid = assertEnabledUid(strapi, uid);
  return {
    uid: checkedUid,
    documentId: assertDocumentId(documentId),
    locale: await resolveLocale(strapi, checkedUid, locale, options),
  };
};
