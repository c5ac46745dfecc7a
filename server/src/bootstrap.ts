import type { Core } from '@strapi/strapi';

import { ACTIONS, PLUGIN_ID } from '../../shared/constants';

const actions = [
  { uid: 'read', displayName: 'Read trust labels', section: 'plugins', pluginName: PLUGIN_ID },
  { uid: 'edit', displayName: 'Edit trust labels', section: 'plugins', pluginName: PLUGIN_ID },
  { uid: 'verify', displayName: 'Verify and unverify', section: 'plugins', pluginName: PLUGIN_ID },
  { uid: 'settings.read', displayName: 'Read', section: 'plugins', subCategory: 'settings', pluginName: PLUGIN_ID },
  { uid: 'settings.update', displayName: 'Update', section: 'plugins', subCategory: 'settings', pluginName: PLUGIN_ID },
] as const;

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions as any);
  strapi.log.debug(`[${PLUGIN_ID}] registered ${Object.values(ACTIONS).length} RBAC actions`);
};

export default bootstrap;
