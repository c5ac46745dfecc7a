import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/constants';
import type services from './index';

/** Each service as its factory makes it. */
export type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/**
 * The one way to reach a service: typed, through Strapi's registry (so app code that extends or replaces a service is
 * heard). Only the services, controllers and the plugin's entry points use it; database/, domain/, validation/ and
 * permissions.ts take what they need as arguments, so none of them imports a service.
 */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];
