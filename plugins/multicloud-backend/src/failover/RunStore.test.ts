import type { FailoverPlan } from '@internal/plugin-multicloud-common';
import { failoverDatabases } from './__testUtils__/databases';
import { RunStore, type NewRun } from './RunStore';

jest.setTimeout(60_000);

const plan: FailoverPlan = {
  action: 'failover',
  primary: 'default/aws',
  standby: 'default/azure',
  warnings: [],
  steps: [
    {
      id: 'shift-traffic:Cluster/default/azure',
      type: 'patch',
      action: 'shift-traffic',
      title: 'weight',
      doneWhen: 'weight is 100',
      timeoutSeconds: 60,
      target: {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        namespace: 'default',
        name: 'azure',
      },
      patchType: 'application/merge-patch+json',
      patch: {
        metadata: { annotations: { 'multicloud.io/traffic-weight': '100' } },
      },
    },
  ],
};

const newRun = (id: string, createdAt = 1_000): NewRun => ({
  id,
  cluster: 'default/aws',
  target: 'default/azure',
  action: 'failover',
  actor: 'user:default/oncall',
  mode: 'manual',
  plan,
  createdAt,
});

describe('RunStore', () => {
  const databases = failoverDatabases();

  it.each(databases.ids())(
    'keeps one active run per cluster, even when replicas race (%p)',
    async id => {
      const knex = await databases.open(id);
      const stores = [
        new RunStore(knex),
        new RunStore(databases.secondClient(knex)),
      ];
      const results = await Promise.all(
        ['r1', 'r2', 'r3', 'r4'].map((runId, i) =>
          stores[i % 2].create(newRun(runId)),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      const winner = results.find(r => r.created)!.run;
      expect(results.every(r => r.run.id === winner.id)).toBe(true);
      expect(winner).toMatchObject({
        status: 'pending',
        steps: [{ index: 0, status: 'pending', attempts: 0 }],
      });

      await stores[0].finish(winner.id, 'succeeded', 2_000);
      const next = await stores[1].create(newRun('r5', 3_000));
      expect(next.created).toBe(true);
      expect(
        (await stores[0].list({ cluster: 'default/aws' })).map(r => [
          r.id,
          r.status,
        ]),
      ).toEqual([
        ['r5', 'pending'],
        [winner.id, 'succeeded'],
      ]);
    },
  );

  it.each(databases.ids())(
    'records step progress and walks the state machine (%p)',
    async id => {
      const store = new RunStore(await databases.open(id));
      await store.create(newRun('r1'));
      expect(await store.markRunning('r1', 1_500)).toBe(true);
      const revert = {
        metadata: { annotations: { 'multicloud.io/traffic-weight': null } },
      };
      await store.updateStep('r1', 0, {
        status: 'succeeded',
        attempts: 1,
        revert,
        patch: { a: '1' },
        result: 'patched',
        startedAt: 1_600,
        finishedAt: 1_700,
      });
      await store.finish('r1', 'succeeded', 1_800);
      expect(await store.markRunning('r1', 1_900)).toBe(false);
      expect(await store.get('r1')).toMatchObject({
        status: 'succeeded',
        startedAt: 1_500,
        finishedAt: 1_800,
        steps: [
          {
            status: 'succeeded',
            attempts: 1,
            revert,
            patch: { a: '1' },
            result: 'patched',
            startedAt: 1_600,
            finishedAt: 1_700,
          },
        ],
      });
      expect(await store.active('default/aws')).toBeUndefined();
    },
  );

  it.each(databases.ids())(
    'cancels a pending run at once and flags a running one (%p)',
    async id => {
      const store = new RunStore(await databases.open(id));
      await store.create(newRun('r1'));
      expect(await store.cancel('r1', 2_000)).toMatchObject({
        status: 'cancelled',
        steps: [{ status: 'cancelled' }],
      });
      await store.create(newRun('r2'));
      await store.markRunning('r2', 2_500);
      expect(await store.cancel('r2', 3_000)).toMatchObject({
        status: 'running',
        cancelRequested: true,
      });
      expect(await store.cancelRequested('r2')).toBe(true);
    },
  );
});
