import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../shared/constants';
import { componentRegistryEntries, TRUST_COMPONENT_UID } from './components';
import { parsePluginConfig } from './config';
import { registerMigrations } from './database/migrations';
import { retryContentManagerActions } from './database/retry-content-manager';
import { registerGraphQL } from './graphql';
import { registerMcpTools } from './mcp';
import { auditLogMiddleware } from './middlewares/document-service/audit-log';
import { consistencyMiddleware } from './middlewares/document-service/consistency';
import { contentApiReadMiddleware } from './middlewares/document-service/content-api-read';
import { protectTrustMiddleware } from './middlewares/document-service/protect-trust';
import { trustFiltersMiddleware } from './middlewares/document-service/trust-filters';
import { normalizeBodyErrors, respondWithPluginErrors } from './middlewares/errors';
import { installProcessGuard } from './process-guard';
import { getService } from './services/registry';
import { checkConfigAgainstSchemas } from './validation/config-against-schemas';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = parsePluginConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
  const problems = checkConfigAgainstSchemas(
    config,
    (uid) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes]
  );
  if (problems.length > 0) {
    // Thrown from register(), this stops Strapi's startup with the message below.
    throw new Error(`Error regarding ${PLUGIN_ID} config: ${problems.join('; ')}`);
  }

  strapi.get('components').add(componentRegistryEntries());

  for (const uid of config.contentTypes) {
    strapi.get('content-types').extend(uid, (contentType: any) => {
      const localized = contentType.pluginOptions?.i18n?.localized === true;
      // Read by the admin panel (list view column) to know which types carry trust labels.
      contentType.options = { ...contentType.options, trustLabels: { attributeName: config.attributeName } };
      contentType.attributes[config.attributeName] = {
        type: 'component',
        component: TRUST_COMPONENT_UID,
        repeatable: false,
        // Editors change trust data through the Trust panel and its admin routes, never the edit form.
        configurable: false,
        visible: false,
        // Trust data is per locale: a non-localized component would be copied to every locale (strapi#25802).
        ...(localized ? { pluginOptions: { i18n: { localized: true } } } : {}),
      };
      // Hidden from the admin API (the Content Manager, Strapi's MCP tools: its permissions manager removes hidden
      // attributes from outputs, populates and filters). The raw trust row carries hashes, admin ids and the text
      // as verified (every hashed field, whatever the user's field permissions); trust data is read through the
      // plugin's routes only, which check the plugin's `read` and the Content Manager's permissions, fields included.
      contentType.config = {
        ...contentType.config,
        attributes: {
          ...contentType.config?.attributes,
          [config.attributeName]: { ...contentType.config?.attributes?.[config.attributeName], hidden: true },
        },
      };
    });
  }

  registerMigrations(strapi);

  // Document-service middlewares, one concern each, outermost first (each returns next() unless its action).
  strapi.documents.use(auditLogMiddleware(strapi));
  strapi.documents.use(consistencyMiddleware(strapi));
  strapi.documents.use(protectTrustMiddleware(strapi));
  strapi.documents.use(contentApiReadMiddleware(strapi));
  strapi.documents.use(trustFiltersMiddleware(strapi));
  // The Content Manager's own transactions, run again when a deadlock picked them.
  retryContentManagerActions(strapi);

  // Outside Strapi's own middlewares (registered later, at bootstrap), so it sees the body parser's 400s.
  strapi.server.use(normalizeBodyErrors(strapi));
  // On the APIs' routers before any route is added (at bootstrap), so it wraps each route's authentication too.
  const answerErrors = respondWithPluginErrors(strapi);
  strapi.server.api('admin').use(answerErrors);
  strapi.server.api('content-api').use(answerErrors);
  registerGraphQL(strapi, config);
  // Strapi's MCP server takes tools only before it starts (at bootstrap).
  registerMcpTools(strapi);
  processGuards.set(strapi, installProcessGuard(strapi));
};

const processGuards = new WeakMap<Core.Strapi, () => void>();

/** The plugin's destroy(): a stopped Strapi leaves no listener behind (the tests start many in one process). */
export const unregister = async ({ strapi }: { strapi: Core.Strapi }) => {
  processGuards.get(strapi)?.();
  processGuards.delete(strapi);
  // The integrity check's batch under way ends before the database closes; its progress stays for the next holder.
  await getService(strapi, 'integrity').stop();
};

export default register;
