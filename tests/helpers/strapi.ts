import type { AddressInfo } from 'net';

import type { Core } from '@strapi/strapi';

import { stopAllChildren } from './child';
import { createTestDatabase, type TestDatabase } from './database';
import { PLAYGROUND_DIR, PLAYGROUND_DIST_DIR } from './paths';

export interface StartOptions {
  /** Replaces the plugin config of the playground (config/plugins.ts reads TRUST_LABELS_CONFIG). */
  pluginConfig?: unknown;
  /** Reuse an existing database (for example to start a second Strapi on the same one). */
  database?: TestDatabase;
  /** Extra environment for this Strapi. */
  env?: Record<string, string>;
}

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** http://127.0.0.1:<random port> */
  baseUrl: string;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

const applyEnv = (env: Record<string, string | undefined>) => {
  const previous: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    previous[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => applyEnv(previous);
};

/**
 * Boots the playground in this process on a fresh database (or the one given), listening on a random
 * port of 127.0.0.1. The playground must have been compiled (the Jest global setup does it).
 */
export async function startStrapi(options: StartOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const { createStrapi } = await import('@strapi/strapi');

  const restoreEnv = applyEnv({
    ...database.env,
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    TRUST_LABELS_SEED: 'false',
    // Gzip, as most production setups have it: fetch asks for it, so every test checks trust survives it.
    PLAYGROUND_COMPRESSION: 'true',
    TRUST_LABELS_CONFIG: options.pluginConfig === undefined ? undefined : JSON.stringify(options.pluginConfig),
    ...options.env,
  });

  let strapi: Core.Strapi | undefined;
  try {
    strapi = createStrapi({
      appDir: PLAYGROUND_DIR,
      distDir: PLAYGROUND_DIST_DIR,
      autoReload: false,
      serveAdminPanel: false,
    });
    strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'error';
    await strapi.load();
    const server = strapi.server;
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    restoreEnv();
    await strapi?.destroy().catch(() => undefined);
    if (!options.database) await database.drop().catch(() => undefined);
    throw error;
  }
  restoreEnv();

  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const app = strapi;

  return {
    strapi: app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop({ keepDatabase = false } = {}) {
      // A test that failed before stopping its second process must not leave it running on this database.
      await stopAllChildren();
      await app.destroy();
      if (!keepDatabase) await database.drop();
    },
  };
}

/**
 * Tries to boot the playground with a plugin config that should be refused. Resolves with the startup
 * error's message, or with null when Strapi started (which a test then reports as a failure).
 */
export async function startupError(pluginConfig: unknown): Promise<string | null> {
  try {
    const app = await startStrapi({ pluginConfig });
    await app.stop();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
