import path from 'path';

/**
 * SQLite (better-sqlite3) by default. Set DATABASE_CLIENT=postgres or DATABASE_CLIENT=mysql, with either
 * DATABASE_URL or DATABASE_HOST / DATABASE_PORT / DATABASE_NAME / DATABASE_USERNAME / DATABASE_PASSWORD,
 * to run the same app on PostgreSQL or MySQL/MariaDB.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: {
          filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
      },
    };
  }

  if (client !== 'postgres' && client !== 'mysql') {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql, not "${client}"`);
  }

  const defaults =
    client === 'postgres'
      ? { port: 5432, user: 'postgres', database: 'test' }
      : { port: 3306, user: 'root', database: 'test' };

  return {
    connection: {
      client,
      connection: env('DATABASE_URL')
        ? client === 'postgres'
          ? { connectionString: env('DATABASE_URL') }
          : { uri: env('DATABASE_URL') }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', defaults.port),
            database: env('DATABASE_NAME', defaults.database),
            user: env('DATABASE_USERNAME', defaults.user),
            password: env('DATABASE_PASSWORD', ''),
            ssl: env.bool('DATABASE_SSL', false),
            // PostgreSQL: names this process's connections in pg_stat_activity (the fault tests terminate them).
            ...(client === 'postgres' && env('DATABASE_APPLICATION_NAME')
              ? { application_name: env('DATABASE_APPLICATION_NAME') }
              : {}),
          },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
