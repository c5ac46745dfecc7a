import type { Core } from '@strapi/strapi';

import { seedDemo } from './seed/demo';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Only `npm run demo` seeds; the test harness starts this app on empty databases.
    if (process.env.TRUST_LABELS_SEED === 'true') {
      await seedDemo(strapi);
    }
  },
};
