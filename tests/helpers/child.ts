import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

import type { TestDatabase } from './database';
import { createHttpClient, type HttpClient } from './http';

export interface ChildStrapi {
  http: HttpClient;
  pid: number;
  /** Whether the process is still running (false once it crashed, was killed or stopped). */
  alive(): boolean;
  /** What the process wrote on stderr so far (a crash's stack, for instance). */
  stderr(): string;
  /** What the process wrote on stdout so far (Strapi's log lines). */
  stdout(): string;
  /** Sends a signal and waits for the exit (SIGKILL: a crash without any cleanup). */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every child still running. A test that fails before its own `stop()` would otherwise leave a Strapi process
 * holding the test runner open (Jest then never exits): `bootTestApp`'s `stop()` ends them all, and so does the
 * runner's exit.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Ends every child Strapi that is still running (SIGKILL) and waits for them to exit. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        })
    )
  );
}

/** Boots a second Strapi in its own Node process on the given database. */
export async function startChildStrapi(database: TestDatabase, env: Record<string, string> = {}): Promise<ChildStrapi> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'child-strapi.js')], {
    env: {
      ...process.env,
      ...database.env,
      NODE_ENV: 'test',
      STRAPI_TELEMETRY_DISABLED: 'true',
      TRUST_LABELS_SEED: 'false',
      PLAYGROUND_COMPRESSION: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));

  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child Strapi did not start in 120 s: ${stderr}`)), 120_000);
    child.stdout?.on('data', () => {
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

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    http: createHttpClient(`http://127.0.0.1:${port}`),
    pid: child.pid as number,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    stdout: () => stdout,
    kill,
    stop: () => kill('SIGTERM'),
  };
}
