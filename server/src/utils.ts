import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../../shared/config-schema';
import { PLUGIN_ID } from '../../shared/constants';
import type { AuditService } from './services/audit';
import type { IntegrityService } from './services/integrity';
import type { LabelsService } from './services/labels';
import type { OutputsService } from './services/outputs';
import type { ReportService } from './services/report';
import type { SettingsService } from './services/settings';
import type { SuggestionsService } from './services/suggestions';
import type { TrustService } from './services/trust';
import type { VerificationService } from './services/verification';

export const getPluginConfig = (strapi: Core.Strapi): PluginConfig => strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;

export const isEnabledUid = (strapi: Core.Strapi, uid: string): boolean => getPluginConfig(strapi).contentTypes.includes(uid);

interface Services {
  audit: AuditService;
  integrity: IntegrityService;
  labels: LabelsService;
  outputs: OutputsService;
  report: ReportService;
  settings: SettingsService;
  suggestions: SuggestionsService;
  trust: TrustService;
  verification: VerificationService;
}

/** Typed access to the plugin's services. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];

export const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  (strapi.contentType(uid as any) as any)?.pluginOptions?.i18n?.localized === true;

export const hasDraftAndPublish = (strapi: Core.Strapi, uid: string): boolean =>
  (strapi.contentType(uid as any) as any)?.options?.draftAndPublish === true;
