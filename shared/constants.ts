// Names that users, integrators and tests rely on (the names the docs/ pages and the API use), and the uids of the
// plugin's own models. The one place for them: imported by the server and the admin panel.
export const PLUGIN_ID = 'trust-labels';
export const DEFAULT_ATTRIBUTE_NAME = 'trust';

export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  edit: `plugin::${PLUGIN_ID}.edit`,
  verify: `plugin::${PLUGIN_ID}.verify`,
  settingsRead: `plugin::${PLUGIN_ID}.settings.read`,
  settingsUpdate: `plugin::${PLUGIN_ID}.settings.update`,
} as const;

/** The component attached to every enabled content type (its row per version holds the trust data). */
export const TRUST_COMPONENT_UID = 'trust-labels.trust';

/** The append-only audit log, and the head of its hash chain. */
export const AUDIT_EVENT_UID = `plugin::${PLUGIN_ID}.audit-event`;
export const AUDIT_CHAIN_UID = `plugin::${PLUGIN_ID}.audit-chain`;

/** The integrity check's one row: its lease, the running check's progress, the last completed check. */
export const INTEGRITY_RUN_UID = `plugin::${PLUGIN_ID}.integrity-run`;

/** Events on Strapi's event hub, also offered to webhooks. */
export const TRUST_EVENTS = {
  verified: 'trust-labels.verified',
  unverified: 'trust-labels.unverified',
  stale: 'trust-labels.stale',
} as const;

// `repair`: the integrity check made a version follow the rule again (to unverified); `unverify` is a person's.
export const AUDIT_ACTIONS = ['verify', 'unverify', 'stale', 'restore', 'edit', 'repair'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
