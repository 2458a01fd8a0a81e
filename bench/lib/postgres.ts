import knexFactory from 'knex';

/**
 * The backend's database settings for a benchmark run on Postgres, as production runs it
 * (the embedded default keeps the catalog, search index and app assets in an in-memory
 * SQLite inside the backend process). Each run gets its own databases by name prefix.
 */
export function postgresDatabase(url: string) {
  const prefix = `bench_fleet_${Date.now()}_`;
  return {
    config: [
      '  database:',
      '    client: pg',
      `    connection: ${JSON.stringify(url)}`,
      `    prefix: ${prefix}`,
    ],
    /** Drops the run's databases; call once the backend has stopped. */
    drop: () => dropDatabases(url, prefix),
  };
}

/** Drops every database whose name starts with `prefix` (Backstage's per-plugin databases). */
export async function dropDatabases(url: string, prefix: string) {
  const admin = knexFactory({ client: 'pg', connection: url });
  try {
    const { rows } = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows as Array<{ datname: string }>) {
      await admin.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}
