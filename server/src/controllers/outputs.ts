import { createHash } from 'crypto';

import type { Core } from '@strapi/strapi';

import type { GetReceipt } from '../../../shared/contracts';
import { serializeJsonLd } from '../../../shared/json-ld';
import { assertContentApiFind } from '../content-api-access';
import { getService } from '../services/registry';
import { assertEnabledUid, documentTarget } from '../validation/targets';

const MAX_AGE_SECONDS = 60;

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** True when an If-None-Match header lists this ETag (weak or strong), or is `*`. */
const matchesIfNoneMatch = (header: unknown, etag: string): boolean => {
  if (typeof header !== 'string' || header === '') return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
};

/**
 * Answers a cacheable representation: ETag (SHA-256 of the body) and Cache-Control, and a 304 without body when
 * the client already has it. Anonymous answers may be cached by shared caches; answers to a token are private.
 */
const sendCacheable = (ctx: any, body: string, contentType: string) => {
  const etag = etagOf(body);
  const hasCredentials = Boolean(ctx.get('Authorization'));
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', `${hasCredentials ? 'private' : 'public'}, max-age=${MAX_AGE_SECONDS}`);
  ctx.vary('Authorization');
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.set('Content-Type', contentType);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.status = 200;
  ctx.body = body;
};

const outputs = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * 404 for a type without trust labels, then the content API's `find` permission on that type (403), then the
   * documentId (404) and locale (400; ignored on a type that is not localized, as the content API does).
   */
  const guard = async (ctx: any) => {
    // Errors (403, 404…) must not be cached: the answer changes as soon as the entry is published.
    ctx.set('Cache-Control', 'no-store');
    const uid = assertEnabledUid(strapi, ctx.params.uid);
    await assertContentApiFind(strapi, ctx, uid);
    return documentTarget(
      strapi,
      { uid, documentId: ctx.params.documentId, locale: ctx.query.locale },
      { strict: false }
    );
  };

  return {
    /** GET /api/trust-labels/badge/:uid/:documentId.svg?locale= */
    async badge(ctx: any) {
      const badge = await getService(strapi, 'outputs').badge(await guard(ctx));
      // The badge is meant to be embedded by other sites (<img src>), and must never run anything.
      ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      sendCacheable(ctx, badge.svg, 'image/svg+xml; charset=utf-8');
    },

    /** GET /api/trust-labels/receipt/:uid/:documentId?locale= */
    async receipt(ctx: any) {
      const body: GetReceipt.Response = { data: await getService(strapi, 'outputs').receipt(await guard(ctx)) };
      sendCacheable(ctx, JSON.stringify(body), 'application/json; charset=utf-8');
    },

    /** GET /api/trust-labels/json-ld/:uid/:documentId?locale= */
    async jsonLd(ctx: any) {
      const doc = await getService(strapi, 'outputs').jsonLd(await guard(ctx));
      sendCacheable(ctx, serializeJsonLd(doc), 'application/ld+json; charset=utf-8');
    },
  };
};

export default outputs;
