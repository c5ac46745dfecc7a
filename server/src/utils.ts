import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../../shared/config-schema';
import { PLUGIN_ID } from '../../shared/constants';

export const getPluginConfig = (strapi: Core.Strapi): PluginConfig =>
  strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;

export const isEnabledUid = (strapi: Core.Strapi, uid: string): boolean =>
  getPluginConfig(strapi).contentTypes.includes(uid);

/** The i18n default locale, or 'en' when i18n is not installed or cannot say. */
export const defaultLocaleOf = async (strapi: Core.Strapi): Promise<string> => {
  const i18n = strapi.plugin('i18n');
  if (!i18n) return 'en';
  try {
    return (await i18n.service('locales').getDefaultLocale()) ?? 'en';
  } catch {
    return 'en';
  }
};

export const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  (strapi.contentType(uid as any) as any)?.pluginOptions?.i18n?.localized === true;

export const hasDraftAndPublish = (strapi: Core.Strapi, uid: string): boolean =>
  (strapi.contentType(uid as any) as any)?.options?.draftAndPublish === true;
