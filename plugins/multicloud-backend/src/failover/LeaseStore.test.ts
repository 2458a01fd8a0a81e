import { failoverDatabases } from './__testUtils__/databases';
import { LeaseStore } from './LeaseStore';

jest.setTimeout(60_000);

describe('LeaseStore', () => {
  const databases = failoverDatabases();

  it.each(databases.ids())(
    'gives a cluster to one holder until it expires or is released (%p)',
    async id => {
      const knex = await databases.open(id);
      let now = 1_000;
      const a = new LeaseStore(knex, () => now);
      const b = new LeaseStore(databases.secondClient(knex), () => now);

      expect(await a.acquire('default/aws', 'a', 30_000)).toBe(true);
      expect(await b.acquire('default/aws', 'b', 30_000)).toBe(false);
      expect(await b.acquire('default/gcp', 'b', 30_000)).toBe(true);
      expect(await a.acquire('default/aws', 'a', 30_000)).toBe(true); // re-entrant for its holder

      now += 30_001;
      expect(await b.acquire('default/aws', 'b', 30_000)).toBe(true); // a's lease expired
      expect(await a.renew('default/aws', 'a', 30_000)).toBe(false); // a learns it lost it
      expect(await b.renew('default/aws', 'b', 30_000)).toBe(true);

      await a.release('default/aws', 'a'); // not a's to release
      expect(await a.acquire('default/aws', 'a', 30_000)).toBe(false);
      await b.release('default/aws', 'b');
      expect(await a.acquire('default/aws', 'a', 30_000)).toBe(true);
    },
  );

  it.each(databases.ids())(
    'lets exactly one of many racing holders win (%p)',
    async id => {
      const knex = await databases.open(id);
      const stores = [knex, databases.secondClient(knex)].map(
        k => new LeaseStore(k),
      );
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          stores[i % 2].acquire('default/race', `holder-${i}`, 30_000),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    },
  );
});
