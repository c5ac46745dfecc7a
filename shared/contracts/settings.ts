// Request and response types of the settings routes, shared by the server and the admin panel.
import type { Settings } from '../trust';

/** GET /trust-labels/settings (settings.read) */
export declare namespace GetSettings {
  export interface Response {
    data: Settings;
  }
}

/** PUT /trust-labels/settings (settings.update): any subset of the keys; each given key replaces its value. */
export declare namespace UpdateSettings {
  export interface Request {
    body: Partial<Settings>;
  }
  export interface Response {
    data: Settings;
  }
}
