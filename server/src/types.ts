// Types that every layer may import (controllers, services, database/, validation/, permissions.ts): they import
// nothing of the plugin's own, so no import of them can close a cycle.

/** The document and locale a trust action acts on (checked by the controller, see validation/targets.ts). */
export interface Target {
  uid: string;
  documentId: string;
  locale: string | null;
}

/** The admin user behind a request (what the plugin reads of Strapi's `ctx.state.user`). */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}
