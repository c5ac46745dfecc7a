/**
 * Strapi's default middlewares. PLAYGROUND_COMPRESSION=true adds strapi::compression (gzip for clients that ask
 * for it), as most production setups have: the integration tests turn it on, since trust must survive it. The
 * benchmark and the demo run the default set, as a new Strapi app does.
 */
export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  ...(env.bool('PLAYGROUND_COMPRESSION', false) ? ['strapi::compression'] : []),
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
