// Fresh PostgreSQL databases for the benchmark (same server settings as the tests: TEST_PG_*).
const crypto = require('crypto');

const settings = () => ({
  host: process.env.TEST_PG_HOST || '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT || 5432),
  user: process.env.TEST_PG_USER || 'postgres',
  password: process.env.TEST_PG_PASSWORD || '',
  database: process.env.TEST_PG_DATABASE || 'postgres',
});

async function withAdmin(run) {
  const { Client } = require('pg');
  const client = new Client(settings());
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(label) {
  const name = `trust_bench_${label}_${crypto.randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return { name, drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
}

module.exports = { createPostgresDatabase };
