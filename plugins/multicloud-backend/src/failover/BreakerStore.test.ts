import {
  INITIAL_BREAKER_STATE,
  stepBreaker,
} from '@internal/plugin-multicloud-common';
import { failoverDatabases } from './__testUtils__/databases';
import { BreakerStore } from './BreakerStore';

jest.setTimeout(60_000);

describe('BreakerStore', () => {
  const databases = failoverDatabases();

  it.each(databases.ids())(
    'persists state and transitions together (%p)',
    async id => {
      const store = new BreakerStore(await databases.open(id));
      const thresholds = {
        failureThreshold: 1,
        successThreshold: 1,
        openSeconds: 60,
        unhealthySeconds: 60,
      };
      const { state, transitions } = stepBreaker(
        INITIAL_BREAKER_STATE,
        { verdict: 'unhealthy', at: 5_000 },
        thresholds,
      );
      await store.save('default/aws', state, 'unhealthy', 5_000, transitions);
      await store.save('default/aws', state, 'unhealthy', 6_000, []);

      expect(await store.list()).toEqual([
        {
          cluster: 'default/aws',
          state: {
            position: 'open',
            consecutiveFailures: 1,
            consecutiveSuccesses: 0,
            unhealthySince: 5_000,
            openedAt: 5_000,
          },
          lastVerdict: 'unhealthy',
          updatedAt: 6_000,
        },
      ]);
      expect(await store.transitions('default/aws')).toEqual([
        {
          cluster: 'default/aws',
          from: 'closed',
          to: 'open',
          verdict: 'unhealthy',
          at: 5_000,
          reason: '1 consecutive unhealthy checks (threshold 1)',
        },
      ]);
    },
  );
});
