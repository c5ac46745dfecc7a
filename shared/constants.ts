// Names that users, integrators and tests rely on (SPEC.md "Names"). One place, imported by server and admin.
export const PLUGIN_ID = 'trust-labels';
export const DEFAULT_ATTRIBUTE_NAME = 'trust';

export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  edit: `plugin::${PLUGIN_ID}.edit`,
  verify: `plugin::${PLUGIN_ID}.verify`,
  settingsRead: `plugin::${PLUGIN_ID}.settings.read`,
  settingsUpdate: `plugin::${PLUGIN_ID}.settings.update`,
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
