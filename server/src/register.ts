import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../shared/constants';
import { parsePluginConfig } from './config';
import { checkConfigAgainstSchemas } from './validation/config-against-schemas';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = parsePluginConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
  const problems = checkConfigAgainstSchemas(config, (uid) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes]);
  if (problems.length > 0) {
    // Thrown from register(), this stops Strapi's startup with the message below.
    throw new Error(`Error regarding ${PLUGIN_ID} config: ${problems.join('; ')}`);
  }
};

export default register;
