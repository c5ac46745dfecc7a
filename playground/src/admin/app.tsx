export default {
  config: {
    locales: ['fr'],
    // The demo starts on a seeded app; Strapi's onboarding tour would cover the pages.
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {},
};
