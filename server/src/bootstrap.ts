import type { Core } from '@strapi/strapi';

import { ACTIONS, AUDIT_CHAIN_UID, AUDIT_EVENT_UID, PLUGIN_ID, TRUST_EVENTS } from '../../shared/constants';
import { ensureIndexes } from './database/indexes';
import { attachTrustToResponse } from './middlewares/attach-trust';
import { getPluginConfig } from './utils';
import { getService } from './services/registry';

const actions = [
  { uid: 'read', displayName: 'Read trust labels', section: 'plugins', pluginName: PLUGIN_ID },
  { uid: 'edit', displayName: 'Edit trust labels', section: 'plugins', pluginName: PLUGIN_ID },
  { uid: 'verify', displayName: 'Verify and unverify', section: 'plugins', pluginName: PLUGIN_ID },
  { uid: 'settings.read', displayName: 'Read', section: 'plugins', subCategory: 'settings', pluginName: PLUGIN_ID },
  { uid: 'settings.update', displayName: 'Update', section: 'plugins', subCategory: 'settings', pluginName: PLUGIN_ID },
];

/** Built-in roles and what they get on the plugin's first start against a database. */
const DEFAULT_GRANTS: Record<string, string[]> = {
  'strapi-editor': [ACTIONS.read, ACTIONS.edit, ACTIONS.verify],
  'strapi-author': [ACTIONS.read, ACTIONS.edit],
};

/**
 * Grants the default permissions once per database and role. A record in the plugin store remembers which
 * roles were granted, so that permissions an admin later removes in Settings → Roles stay removed across
 * restarts. On a brand-new database the built-in roles do not exist yet when plugins bootstrap (the admin
 * creates them right after), so the grant then happens as the admin creates each role.
 */
const grantDefaultPermissions = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'default-permissions' });
  const granted: Record<string, string> = ((await store.get({})) as Record<string, string> | null) ?? {};

  const grant = async (role: { id: number; code: string }) => {
    const actions = DEFAULT_GRANTS[role.code];
    if (!actions || granted[role.code]) return;
    await strapi.service('admin::role').addPermissions(
      role.id,
      actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
    );
    granted[role.code] = new Date().toISOString();
    await store.set({ value: { ...granted } });
  };

  const pending: string[] = [];
  for (const code of Object.keys(DEFAULT_GRANTS)) {
    if (granted[code]) continue;
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (role) await grant(role);
    else pending.push(code);
  }

  if (pending.length > 0) {
    strapi.db.lifecycles.subscribe({
      models: ['admin::role'],
      async afterCreate(event: any) {
        if (pending.includes(event.result?.code)) await grant(event.result);
      },
    });
  }
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered at bootstrap, after the app's middlewares (config/middlewares), so that it is the innermost
  // one around the router: it adds trust to the controller's response before any of them (compression,
  // response transformers) turns the body into something else.
  strapi.server.use(attachTrustToResponse(strapi));
  await strapi.service('admin::permission').actionProvider.registerMany(actions as any);
  // Settings → Webhooks can subscribe to these, e.g. to rebuild a static site when a badge changes.
  const webhookStore = strapi.get('webhookStore');
  webhookStore.addAllowedEvent('TRUST_LABELS_VERIFIED', TRUST_EVENTS.verified);
  webhookStore.addAllowedEvent('TRUST_LABELS_UNVERIFIED', TRUST_EVENTS.unverified);
  webhookStore.addAllowedEvent('TRUST_LABELS_STALE', TRUST_EVENTS.stale);
  await grantDefaultPermissions(strapi);
  await keepAuditLogTables(strapi);
  await ensureIndexes(strapi);
  const audit = getService(strapi, 'audit');
  await audit.ensureHead();
  await audit.chainUnchainedEvents();
  const integrity = getService(strapi, 'integrity');
  await integrity.ensureRow();
  // Startup does not wait for the integrity check: it starts once the server listens (services/integrity.ts). A
  // Strapi that never listens (a script that only loads it) runs none.
  const start = () => integrity.start({ checkOnStartup: getPluginConfig(strapi).integrityCheckOnStartup });
  const httpServer = (strapi.server as any)?.httpServer;
  if (httpServer?.listening) start();
  else httpServer?.once('listening', start);
};

/**
 * The audit log outlives the plugin: its tables are listed in Strapi's `persisted_tables`, which Strapi's schema
 * sync never drops, so starting the app once without the plugin does not erase the record of every decision.
 * (docs/install-and-configure.md#disabling-or-removing-the-plugin says how to remove them.)
 */
const keepAuditLogTables = async (strapi: Core.Strapi) => {
  const tables = [AUDIT_EVENT_UID, AUDIT_CHAIN_UID].map(
    (uid) => (strapi.db as any).metadata.get(uid).tableName as string
  );
  const store = { type: 'core', key: 'persisted_tables' } as const;
  const current = ((await strapi.store.get(store)) as Array<string | { name: string }> | null) ?? [];
  const names = new Set(current.map((entry) => (typeof entry === 'string' ? entry : entry?.name)));
  const missing = tables.filter((table) => !names.has(table));
  if (missing.length > 0) await strapi.store.set({ ...store, value: [...current, ...missing] });
};

export default bootstrap;
