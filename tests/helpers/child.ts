import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

import type { TestDatabase } from './database';
import { createHttpClient, type HttpClient } from './http';

export interface ChildStrapi {
  http: HttpClient;
  stop(): Promise<void>;
}

/** Boots a second Strapi in its own Node process on the given database. */
export async function startChildStrapi(database: TestDatabase, env: Record<string, string> = {}): Promise<ChildStrapi> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'child-strapi.js')], {
    env: { ...process.env, ...database.env, NODE_ENV: 'test', STRAPI_TELEMETRY_DISABLED: 'true', TRUST_LABELS_SEED: 'false', PLAYGROUND_COMPRESSION: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`child Strapi did not start in 120 s: ${stderr}`)), 120_000);
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /\{"port":(\d+)\}/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child Strapi exited with ${code}: ${stderr}`));
    });
  });

  return {
    http: createHttpClient(`http://127.0.0.1:${port}`),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
