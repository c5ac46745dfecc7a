const { ensurePluginBuilt, compilePlayground } = require('../scripts/lib/prepare');

/** Runs once before the integration tests: the plugin's dist/ and the playground's dist/ must be fresh. */
export default async function globalSetup() {
  ensurePluginBuilt({ quiet: true });
  await compilePlayground();
}
