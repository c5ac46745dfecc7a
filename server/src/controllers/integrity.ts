import type { Core } from '@strapi/strapi';

import { getService } from '../utils';

/** GET checks the stored statuses against the content (read); POST also repairs them (verify). */
const integrity = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'integrity').check() };
  },

  async repair(ctx: any) {
    ctx.body = { data: await getService(strapi, 'integrity').repair() };
  },
});

export default integrity;
