import { formatIssues, pluginConfigSchema, type PluginConfig } from '../../../shared/config-schema';
import { DEFAULT_ATTRIBUTE_NAME } from '../../../shared/constants';

/**
 * Strapi merges these defaults with the host app's `config/plugins.ts` and then calls `validator`
 * synchronously while loading plugins. Checks that need the content-type registry (does the uid exist,
 * does the attribute clash) run later, in `register()`, because the registry is not filled yet here.
 */
export default {
  default: {
    attributeName: DEFAULT_ATTRIBUTE_NAME,
    hashAttributes: {},
    integrityCheckOnStartup: true,
    integrityBatchSize: 500,
    integrityLeaseSeconds: 60,
  },
  validator(config: unknown): void {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(formatIssues(result.error.issues));
    }
  },
};

/** The validated config with defaults applied. */
export const parsePluginConfig = (config: unknown): PluginConfig => pluginConfigSchema.parse(config);
