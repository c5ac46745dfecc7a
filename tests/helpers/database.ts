import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * Each integration test file gets a database of its own, so files cannot see each other's data.
 * TEST_DB picks the engine: sqlite (default), postgres or mysql (MariaDB). The server settings default to
 * this machine's and CI's (127.0.0.1, postgres/root, no password); TEST_PG_* and TEST_MYSQL_* override them.
 */
export type TestDbClient = 'sqlite' | 'postgres' | 'mysql';

export interface TestDatabase {
  client: TestDbClient;
  /** Environment variables that point the playground's config/database.ts at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const testDbClient = (): TestDbClient => {
  const value = (process.env.TEST_DB ?? 'sqlite').toLowerCase();
  if (value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql' || value === 'pg') return 'postgres';
  if (value === 'mysql' || value === 'mariadb') return 'mysql';
  throw new Error(`TEST_DB must be sqlite, postgres or mysql, not "${value}"`);
};

const uniqueName = () => `trust_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

const pgSettings = () => ({
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD ?? '',
  adminDatabase: process.env.TEST_PG_DATABASE ?? 'test',
});

const mysqlSettings = () => ({
  host: process.env.TEST_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_MYSQL_PORT ?? 3306),
  user: process.env.TEST_MYSQL_USER ?? 'root',
  password: process.env.TEST_MYSQL_PASSWORD ?? '',
});

async function withPgAdmin<T>(run: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const settings = pgSettings();
  const client = new Client({ ...settings, database: settings.adminDatabase });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function withMysqlAdmin<T>(run: (conn: import('mysql2/promise').Connection) => Promise<T>): Promise<T> {
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection(mysqlSettings());
  try {
    return await run(conn);
  } finally {
    await conn.end();
  }
}

/** Creates a fresh, empty database. `name` lets two Strapi processes share one (see createSharedDatabase). */
export async function createTestDatabase(
  name = uniqueName(),
  client: TestDbClient = testDbClient()
): Promise<TestDatabase> {
  if (client === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-labels-'));
    const filename = path.join(dir, `${name}.db`);
    return {
      client,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }

  if (client === 'postgres') {
    const settings = pgSettings();
    await withPgAdmin((pg) => pg.query(`CREATE DATABASE "${name}"`));
    return {
      client,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: settings.host,
        DATABASE_PORT: String(settings.port),
        DATABASE_NAME: name,
        DATABASE_USERNAME: settings.user,
        DATABASE_PASSWORD: settings.password,
      },
      drop: () => withPgAdmin((pg) => pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }

  const settings = mysqlSettings();
  await withMysqlAdmin((conn) =>
    conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  );
  return {
    client,
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: settings.host,
      DATABASE_PORT: String(settings.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: settings.user,
      DATABASE_PASSWORD: settings.password,
    },
    drop: () => withMysqlAdmin((conn) => conn.query(`DROP DATABASE IF EXISTS \`${name}\``)).then(() => undefined),
  };
}
