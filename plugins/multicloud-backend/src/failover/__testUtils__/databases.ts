import {
  mockServices,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import { testDatabaseIds } from '../../__testUtils__/testDatabaseIds';
import { migrateDatabase } from '../../database/migrateDatabase';

/** TestDatabases for SQLite and, when configured, Postgres; each `open` is a fresh migrated database. */
export function failoverDatabases() {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });
  const opened: Knex[] = [];
  afterAll(() => Promise.all(opened.map(k => k.destroy())));
  return {
    ids: () => databases.eachSupportedId(),
    async open(id: TestDatabaseId): Promise<Knex> {
      return migrateDatabase(
        mockServices.database({ knex: await databases.init(id) }),
      );
    },
    /**
     * Another client of the same database, as a second replica would have: a new connection
     * pool on Postgres; the same client on SQLite (an in-memory database has one connection).
     */
    secondClient(knex: Knex): Knex {
      if (knex.client.config.client !== 'pg') return knex;
      const other = knexFactory({
        client: 'pg',
        connection: knex.client.config.connection,
      });
      opened.push(other);
      return other;
    },
  };
}
