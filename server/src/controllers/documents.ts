import type { Core } from '@strapi/strapi';

import { getService } from '../utils';

const documents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const { uid, documentId } = ctx.params;
    ctx.body = { data: await getService(strapi, 'trust').getDocumentState(uid, documentId, ctx.query.locale) };
  },

  async update(ctx: any) {
    const { uid, documentId } = ctx.params;
    ctx.body = {
      data: await getService(strapi, 'trust').editDraft(uid, documentId, ctx.query.locale, ctx.request.body),
    };
  },
});

export default documents;
