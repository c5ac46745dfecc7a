import type { Core } from '@strapi/strapi';

import type { GetSettings, UpdateSettings } from '../../../shared/contracts';
import { getService } from '../utils';

const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const body: GetSettings.Response = { data: await getService(strapi, 'settings').get() };
    ctx.body = body;
  },

  async update(ctx: any) {
    const body: UpdateSettings.Response = { data: await getService(strapi, 'settings').update(ctx.request.body) };
    ctx.body = body;
  },
});

export default settings;
