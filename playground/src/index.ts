import type { Core } from '@strapi/strapi';

import { registerReaderPages } from './reader';
import { seedDemo } from './seed/demo';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // /read: each article as a reader sees it, labels drawn by the plugin's front-end renderer; the admin's Preview.
    registerReaderPages(strapi);
    // Only `npm run demo` seeds; the test harness starts this app on empty databases.
    if (process.env.TRUST_LABELS_SEED === 'true') {
      await seedDemo(strapi);
    }
  },
};
