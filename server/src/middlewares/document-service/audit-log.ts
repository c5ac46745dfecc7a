import type { Core } from '@strapi/strapi';

import { AUDIT_CHAIN_UID, AUDIT_EVENT_UID } from '../../../../shared/constants';
import { TrustLabelsError, toStrapiError } from '../../errors';
import type { DocumentMiddleware } from './types';

/**
 * The audit log is the plugin's alone: it appends and reads events through the query engine, and nothing may
 * reach them through the document service (the Content Manager, the content API, GraphQL, app code), to read or
 * to write. So no event can be forged, edited or deleted, and no actor name or note leaks.
 */
export const auditLogMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== AUDIT_EVENT_UID && ctx.uid !== AUDIT_CHAIN_UID) return next();
    throw toStrapiError(
      strapi,
      new TrustLabelsError(
        'ForbiddenError',
        'The trust labels audit log is append-only and reachable only through the plugin’s admin routes'
      )
    );
  };
