import type { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * SQLite always; Postgres too when scripts/test.sh found a server and exported its
 * connection string (TestDatabases would otherwise try to start a container).
 */
export function testDatabaseIds(): TestDatabaseId[] {
  return process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? ['SQLITE_3', 'POSTGRES_15']
    : ['SQLITE_3'];
}
