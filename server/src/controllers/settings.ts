import type { Core } from '@strapi/strapi';

import type { GetSettings, UpdateSettings } from '../../../shared/contracts';
import { settingsUpdateSchema } from '../../../shared/schemas';
import { getPluginConfig } from '../utils';
import { getService } from '../services/registry';
import { parseInput } from '../validation/input';

const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const { settings, problems } = await getService(strapi, 'settings').getWithProblems();
    // Stored values that failed validation: each reads as its default, and the Settings page says so.
    const contentTypes = getPluginConfig(strapi).contentTypes.map((uid) => ({
      uid,
      displayName: (strapi.contentType(uid as any) as any)?.info?.displayName ?? uid,
    }));
    const body: GetSettings.Response = { data: settings, meta: { problems, contentTypes } };
    ctx.body = body;
  },

  async update(ctx: any) {
    const update = parseInput(settingsUpdateSchema, ctx.request.body);
    const body: UpdateSettings.Response = { data: await getService(strapi, 'settings').update(update) };
    ctx.body = body;
  },
});

export default settings;
