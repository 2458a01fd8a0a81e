import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * The plugin's database with its migrations applied. Every store opens it through here;
 * `migrate.latest` is idempotent, so whichever store opens first runs them.
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-multicloud-backend',
        'migrations',
      ),
      tableName: 'multicloud_knex_migrations',
    });
  }
  return knex;
}
