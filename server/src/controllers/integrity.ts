import type { Core } from '@strapi/strapi';

import type { Integrity } from '../../../shared/contracts';
import { getService } from '../utils';

/** GET checks the stored statuses against the content (read); POST also repairs them (verify). */
const integrity = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const body: Integrity.Response = { data: await getService(strapi, 'integrity').check() };
    ctx.body = body;
  },

  async repair(ctx: any) {
    const body: Integrity.Response = { data: await getService(strapi, 'integrity').repair() };
    ctx.body = body;
  },
});

export default integrity;
