// Server entry of the plugin. `strapi-plugin build` bundles it into dist/server (the `./strapi-server` export).
export { default } from './server/src';
