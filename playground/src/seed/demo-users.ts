// Logins of the demo's admin users. Printed by `npm run demo`; for a local playground only.
export const DEMO_PASSWORD = 'TrustLabels-Demo-1';

export const DEMO_ADMINS = [
  { email: 'admin@trust-labels.local', firstname: 'Ada', lastname: 'Admin', roleCode: 'strapi-super-admin' },
  { email: 'editor@trust-labels.local', firstname: 'Eddie', lastname: 'Editor', roleCode: 'strapi-editor' },
  { email: 'author@trust-labels.local', firstname: 'Aurora', lastname: 'Author', roleCode: 'strapi-author' },
] as const;
