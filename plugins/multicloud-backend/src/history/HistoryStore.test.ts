import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import {
  DAY_MS,
  HOUR_MS,
  HistoryStore,
  RETENTION,
  type ClusterSample,
} from './HistoryStore';

jest.setTimeout(60_000);

const sample = (
  ref: string,
  cloud: string,
  overrides: Partial<ClusterSample> = {},
): ClusterSample => ({
  clusterRef: ref,
  cloud,
  region: 'us-west-2',
  owner: 'team-payments',
  environment: 'production',
  verdict: 'healthy',
  phase: 'Provisioned',
  machinesTotal: 6,
  machinesRunning: 6,
  machinesByPhase: { Running: 6 },
  costPerHour: 1.5,
  complianceFailures: 0,
  ...overrides,
});

describe('HistoryStore', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  async function createStore(
    databaseId: (typeof databases)['supportedIds'][number],
  ) {
    const knex = await databases.init(databaseId);
    return HistoryStore.create(mockServices.database({ knex }));
  }

  it.each(databases.eachSupportedId())(
    'writes each tick once per cluster, whoever runs it (%p)',
    async id => {
      const store = await createStore(id);
      const t0 = 10 * HOUR_MS;
      expect(await store.hasTick(t0)).toBe(false);
      // Two replicas waking in the same tick at once: exactly one records it.
      const results = await Promise.all([
        store.recordTick(t0, [
          sample('default/a', 'aws'),
          sample('default/b', 'gcp'),
        ]),
        store.recordTick(t0, [
          sample('default/a', 'aws', { costPerHour: 99 }),
          sample('default/c', 'azure'),
          sample('default/d', 'azure'),
        ]),
      ]);
      const winner = results[0] === undefined ? 1 : 0;
      expect(results[1 - winner]).toBeUndefined();
      expect(results[winner]).toBe(winner === 0 ? 2 : 3);
      expect(await store.hasTick(t0)).toBe(true);
      // A later wake-up in the same tick writes nothing either.
      expect(
        await store.recordTick(t0, [sample('default/a', 'aws')]),
      ).toBeUndefined();

      const series = await store.query({
        metric: 'cost_per_hour',
        from: 0,
        to: t0 + 1,
        step: 'raw',
      });
      expect(series).toEqual([
        { key: 'fleet', points: [{ t: t0, value: winner === 0 ? 3 : 102 }] },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reports unknown cost as null, never 0 (%p)',
    async id => {
      const store = await createStore(id);
      await store.recordTick(HOUR_MS, [
        sample('default/a', 'aws'),
        sample('default/b', 'aws', { costPerHour: null }),
      ]);
      const [aws] = await store.query({
        metric: 'cost_per_hour',
        from: 0,
        to: 2 * HOUR_MS,
        step: 'raw',
        groupBy: 'cloud',
      });
      expect(aws).toEqual({
        key: 'aws',
        points: [{ t: HOUR_MS, value: null }],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls samples up into hours and days, idempotently (%p)',
    async id => {
      const store = await createStore(id);
      const day = 3 * DAY_MS;
      for (let minute = 0; minute < 120; minute += 30) {
        await store.recordTick(day + minute * 60_000, [
          sample('default/a', 'aws', {
            costPerHour: minute < 60 ? 1 : 3,
            verdict: minute === 90 ? 'degraded' : 'healthy',
            machinesRunning: minute < 60 ? 4 : 6,
          }),
        ]);
      }
      const now = day + DAY_MS + HOUR_MS;
      expect(await store.rollUp(now)).toEqual({ hourly: 2, daily: 1 });
      await store.rollUp(now);

      const hourly = await store.query({
        cluster: 'default/a',
        metric: 'cost_per_hour',
        from: day,
        to: now,
        step: 'hour',
      });
      expect(hourly).toEqual([
        {
          key: 'default/a',
          points: [
            { t: day, value: 1 },
            { t: day + HOUR_MS, value: 3 },
          ],
        },
      ]);
      const verdicts = await store.query({
        cluster: 'default/a',
        metric: 'verdicts',
        from: day,
        to: now,
        step: 'day',
      });
      expect(verdicts[0].points).toEqual([
        {
          t: day,
          value: 3,
          verdicts: { healthy: 3, degraded: 1, unhealthy: 0, other: 0 },
        },
      ]);
      const machines = await store.query({
        cluster: 'default/a',
        metric: 'machines_running',
        from: day,
        to: now,
        step: 'day',
      });
      expect(machines[0].points).toEqual([{ t: day, value: 5 }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes each resolution past its retention (%p)',
    async id => {
      const store = await createStore(id);
      const now = 800 * DAY_MS;
      await store.recordTick(now - RETENTION.raw - HOUR_MS, [
        sample('default/old', 'aws'),
      ]);
      await store.recordTick(now - HOUR_MS, [sample('default/new', 'aws')]);
      await store.prune(now);
      expect(await store.hasTick(now - RETENTION.raw - HOUR_MS)).toBe(false);
      expect(await store.hasTick(now - HOUR_MS)).toBe(true);
      const series = await store.query({
        metric: 'machines_total',
        from: 0,
        to: now,
        step: 'raw',
        groupBy: 'cloud',
      });
      expect(series).toEqual([
        { key: 'aws', points: [{ t: now - HOUR_MS, value: 6 }] },
      ]);
    },
  );
});
