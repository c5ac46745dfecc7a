// Request and response types of the settings routes, shared by the server and the admin panel.
import type { Settings } from '../trust';

/** A stored setting that failed validation; it reads as its default until an admin saves it. */
export interface SettingsProblem {
  key: string;
  message: string;
}

/** GET /trust-labels/settings (settings.read) */
export declare namespace GetSettings {
  export interface Response {
    data: Settings;
    /** `contentTypes`: the enabled types, for the per-type settings (publicInterest). */
    meta: { problems: SettingsProblem[]; contentTypes: Array<{ uid: string; displayName: string }> };
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
