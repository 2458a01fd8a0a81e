import { mockServices } from '@backstage/backend-test-utils';
import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  CAPI_LABELS,
  MULTICLOUD_ANNOTATIONS,
  type KubeObject,
  type MergePatch,
  type ObjectTarget,
} from '@internal/plugin-multicloud-common';
import type { Knex } from 'knex';
import { failoverDatabases } from './__testUtils__/databases';
import {
  AWS,
  AZURE,
  CAPI_V1BETA2,
  eventually,
  recordingAuditor,
  startHarness,
  TEST_CONFIG,
  type Harness,
} from './__testUtils__/simulatorHarness';
import { FailoverExecutor } from './FailoverExecutor';
import { MONITOR_ACTOR } from './FailoverMonitor';
import { LeaseStore } from './LeaseStore';
import type { ObjectClient } from './ObjectClient';
import { RunStore, type FailoverRun } from './RunStore';

jest.setTimeout(120_000);

const AZURE_MD = 'default/trustram-azure-cluster-md-0';
const MIN_SIZE = CAPI_AUTOSCALER_ANNOTATIONS.minSize;
const WEIGHT = MULTICLOUD_ANNOTATIONS.trafficWeight;
const STATE = MULTICLOUD_ANNOTATIONS.failoverState;

describe('failover against the simulated management cluster', () => {
  const databases = failoverDatabases();
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const patches = () => h!.sim.counters.snapshot().byVerb.patch;
  const annotations = (kind: string, ref: string) =>
    h!.object(kind, ref).metadata?.annotations ?? {};
  const runningWorkers = (cluster: string) =>
    h!.sim.store
      .list(CAPI_V1BETA2, 'Machine', 'default')
      .filter(
        m =>
          m.metadata?.labels?.[CAPI_LABELS.clusterName] === cluster &&
          m.metadata.labels[CAPI_LABELS.controlPlane] === undefined &&
          m.status?.phase === 'Running',
      ).length;
  const finished = (id: string) => async () => {
    const run = await h!.engine.service.getRun(id);
    return run && !['pending', 'running'].includes(run.status)
      ? run
      : undefined;
  };

  /** A failover run of AWS → Azure, created but not executed. */
  async function pendingRun(knex: Knex): Promise<FailoverRun> {
    const plan = await h!.engine.service.plan(
      { cluster: AWS, action: 'failover' },
      'user:default/oncall',
    );
    const { run } = await new RunStore(knex).create({
      id: 'run-1',
      cluster: AWS,
      target: AZURE,
      action: 'failover',
      actor: 'user:default/oncall',
      mode: 'manual',
      plan,
      createdAt: h!.now(),
    });
    return run;
  }

  function executor(
    knex: Knex,
    client: ObjectClient,
    holder: string,
    auditor = recordingAuditor().auditor,
  ) {
    return new FailoverExecutor({
      runs: new RunStore(knex),
      leases: new LeaseStore(knex, h!.now),
      client,
      auditor,
      logger: mockServices.logger.mock(),
      holder,
      pollMs: 20,
      now: h!.now,
    });
  }

  /** The real client, with a hook after each PATCH the API server accepted. */
  function hookedClient(
    afterPatch: (count: number) => Promise<void> | void,
  ): ObjectClient {
    let count = 0;
    return {
      get: target => h!.client.get(target),
      async mergePatch(
        target: ObjectTarget,
        body: MergePatch,
      ): Promise<KubeObject> {
        const result = await h!.client.mergePatch(target, body);
        await afterPatch(++count);
        return result;
      },
    };
  }

  it.each(databases.ids())(
    'the AWS cluster fails: automatic failover to Azure, failback after recovery (%p)',
    async id => {
      h = await startHarness(await databases.open(id));
      const { sim, engine, fleet } = h;
      h.editCluster(AWS, c => {
        c.metadata!.annotations![MULTICLOUD_ANNOTATIONS.failoverMode] =
          'automatic';
      });
      await h.driveUntil(
        () =>
          fleet.getCluster(AWS)?.annotations[
            MULTICLOUD_ANNOTATIONS.failoverMode
          ] === 'automatic',
      );
      sim.resetCounters();

      await engine.monitor.check();
      sim.scenarios.failCluster(AWS);
      await h.driveUntil(
        () => fleet.getCluster(AWS)?.health.verdict === 'unhealthy',
      );
      h.advance(30_000);
      await engine.monitor.check();
      expect(await engine.service.listRuns(AWS)).toEqual([]);
      h.advance(30_000);
      await engine.monitor.check(); // second unhealthy check: the breaker opens

      const [started] = await engine.service.listRuns(AWS);
      expect(started).toMatchObject({
        action: 'failover',
        mode: 'automatic',
        actor: MONITOR_ACTOR,
        target: AZURE,
      });
      const run = await h.driveUntil(finished(started.id));
      expect(run.status).toBe('succeeded');
      expect(run.steps.map(s => s.status)).toEqual([
        'succeeded',
        'succeeded',
        'succeeded',
        'succeeded',
        'succeeded',
      ]);

      const md = h.object('MachineDeployment', AZURE_MD);
      expect(md.spec.replicas).toBe(6);
      expect(md.metadata!.annotations![MIN_SIZE]).toBe('6');
      expect(md.status.availableReplicas).toBe(6);
      expect(runningWorkers('trustram-azure-cluster')).toBe(6);
      expect(annotations('Cluster', AZURE)[WEIGHT]).toBe('100');
      expect(annotations('Cluster', AWS)).toMatchObject({
        [WEIGHT]: '0',
        [STATE]: 'failed-over',
        'multicloud.io/failed-over-by': MONITOR_ACTOR,
      });
      expect(patches()).toBe(4);
      expect(
        (await engine.breakers.transitions(AWS)).map(t => `${t.from}→${t.to}`),
      ).toEqual(['closed→open']);
      const stepEvents = h.auditEvents.filter(
        e => e.eventId === 'failover-step',
      );
      expect(
        stepEvents.map(e => [e.meta.step, e.meta.actor, e.outcome]),
      ).toEqual(run.plan.steps.map(s => [s.id, MONITOR_ACTOR, 'success']));
      expect(stepEvents[0].meta.patch).toEqual(
        run.plan.steps[0].type === 'patch' && run.plan.steps[0].patch,
      );

      // Recovery: half-open after the cool-down, closed after two healthy checks, failback after the hold.
      sim.scenarios.recoverCluster(AWS);
      await h.driveUntil(() => {
        const aws = fleet.getCluster(AWS);
        return (
          aws?.health.verdict === 'healthy' &&
          aws.annotations[STATE] === 'failed-over'
        );
      });
      h.advance(60_000);
      await engine.monitor.check();
      h.advance(30_000);
      await engine.monitor.check();
      expect((await engine.breakers.list())[0].state.position).toBe('closed');
      expect(await engine.service.listRuns(AWS)).toHaveLength(1); // still within the hold period
      h.advance(120_000);
      await engine.monitor.check();

      const [failback] = await engine.service.listRuns(AWS);
      expect(failback).toMatchObject({
        action: 'failback',
        mode: 'automatic',
        target: AZURE,
      });
      expect((await h.driveUntil(finished(failback.id))).status).toBe(
        'succeeded',
      );
      const restored = h.object('MachineDeployment', AZURE_MD);
      expect(restored.spec.replicas).toBe(3);
      expect(restored.metadata!.annotations![MIN_SIZE]).toBe('3');
      expect(annotations('Cluster', AZURE)[WEIGHT]).toBeUndefined();
      expect(annotations('Cluster', AWS)[WEIGHT]).toBeUndefined();
      expect(annotations('Cluster', AWS)[STATE]).toBeUndefined();
      expect(
        annotations('Cluster', AWS)[MULTICLOUD_ANNOTATIONS.failoverTarget],
      ).toBe(AZURE);
      await h.driveUntil(() => runningWorkers('trustram-azure-cluster') === 3);
    },
  );

  it.each(databases.ids())(
    'a dry run writes nothing, neither to the cluster nor to the database (%p)',
    async id => {
      const knex = await databases.open(id);
      h = await startHarness(knex);
      h.sim.resetCounters();
      const plan = await h.engine.service.plan(
        { cluster: AWS, action: 'failover' },
        'user:default/oncall',
      );
      expect(plan.steps).toHaveLength(5);
      expect(h.sim.counters.snapshot().writes).toBe(0);
      for (const table of [
        'runs',
        'run_steps',
        'leases',
        'breakers',
        'breaker_transitions',
      ]) {
        expect(
          Number(
            (await knex(`multicloud_failover_${table}`).count({ n: '*' }))[0].n,
          ),
        ).toBe(0);
      }
    },
  );

  it.each(databases.ids())(
    'an executor stopped after step 1: a new one resumes and applies nothing twice (%p)',
    async id => {
      const knex = await databases.open(id);
      h = await startHarness(knex);
      const run = await pendingRun(knex);
      h.sim.resetCounters();

      const first: FailoverExecutor = executor(
        knex,
        hookedClient(() => void first.stop()),
        'replica-a',
      );
      expect(await first.execute(run.id)).toBe('interrupted');
      const interrupted = (await h.engine.service.getRun(run.id))!;
      expect(interrupted.status).toBe('running');
      expect(interrupted.steps.map(s => s.status)).toEqual([
        'succeeded',
        'pending',
        'pending',
        'pending',
        'pending',
      ]);
      expect(patches()).toBe(1);

      const second = executor(knex, h.client, 'replica-b');
      const outcome = second.execute(run.id);
      await h.driveUntil(finished(run.id));
      expect(await outcome).toBe('finished');
      const done = (await h.engine.service.getRun(run.id))!;
      expect(done.status).toBe('succeeded');
      expect(done.steps[0].attempts).toBe(1);
      expect(patches()).toBe(4);
    },
  );

  it.each(databases.ids())(
    'a replica dying between a write and its bookkeeping: the successor finds it already done (%p)',
    async id => {
      const knex = await databases.open(id);
      h = await startHarness(knex);
      const run = await pendingRun(knex);
      h.sim.resetCounters();

      let release: (error: Error) => void = () => {};
      const hung = new Promise<void>((_, reject) => {
        release = reject;
      });
      const dying = executor(
        knex,
        hookedClient(() => hung),
        'replica-a',
      );
      const dyingOutcome = dying.execute(run.id);
      await h.driveUntil(() => patches() === 1);
      h.advance(31_000); // the dead replica's lease expires

      const successor = executor(knex, h.client, 'replica-b');
      const outcome = successor.execute(run.id);
      const done = await h.driveUntil(finished(run.id));
      expect(await outcome).toBe('finished');
      expect(done.status).toBe('succeeded');
      expect(done.steps[0]).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        result: expect.stringMatching(/^already done/),
      });
      expect(done.steps[0].revert).toEqual({
        metadata: { annotations: { [MIN_SIZE]: '3' } },
        spec: { replicas: 3 },
      });
      expect(patches()).toBe(4);

      // The zombie wakes up: its lease is gone, so it records nothing over its successor's work.
      release(new Error('connection reset'));
      expect(await dyingOutcome).toBe('interrupted');
      expect((await h.engine.service.getRun(run.id))!.steps[0].status).toBe(
        'succeeded',
      );
    },
  );

  it.each(databases.ids())(
    'two executors sharing the database: exactly one executes (%p)',
    async id => {
      const knex = await databases.open(id);
      h = await startHarness(knex);
      const run = await pendingRun(knex);
      h.sim.resetCounters();
      const audits = [recordingAuditor(), recordingAuditor()];
      const executors = [
        executor(knex, h.client, 'replica-a', audits[0].auditor),
        executor(
          databases.secondClient(knex),
          h.client,
          'replica-b',
          audits[1].auditor,
        ),
      ];
      const outcomes = Promise.all(executors.map(e => e.execute(run.id)));
      await h.driveUntil(finished(run.id));
      expect((await outcomes).sort()).toEqual(['busy', 'finished']);
      expect(patches()).toBe(4);
      expect(audits.map(a => a.events.length).sort()).toEqual([0, 5]);
    },
  );
  it('re-reads and retries a step whose object changed since it was read (409)', async () => {
    const knex = await databases.open('SQLITE_3');
    h = await startHarness(knex);
    const run = await pendingRun(knex);
    h.sim.resetCounters();
    let raced = false;
    const racing: ObjectClient = {
      async get(target) {
        const object = await h!.client.get(target);
        if (!raced && target.kind === 'MachineDeployment') {
          raced = true; // someone else writes between our read and our patch
          const changed = structuredClone(object) as any;
          changed.metadata.annotations['example.com/owner'] = 'gitops';
          h!.sim.store.put(changed);
        }
        return object;
      },
      mergePatch: (target, body) => h!.client.mergePatch(target, body),
    };
    const outcome = executor(knex, racing, 'replica-a').execute(run.id);
    await h.driveUntil(finished(run.id));
    expect(await outcome).toBe('finished');
    const md = h.object('MachineDeployment', AZURE_MD);
    expect(md.spec.replicas).toBe(6);
    expect(md.metadata!.annotations!['example.com/owner']).toBe('gitops');
    expect(
      h.sim.counters.snapshot().byResource[
        'machinedeployments.cluster.x-k8s.io'
      ].patch,
    ).toBe(2);
  });

  it('rides out a management cluster that resets connections, then answers 500 to half the requests', async () => {
    const knex = await databases.open('SQLITE_3');
    h = await startHarness(knex);
    const run = await pendingRun(knex);
    const pause = (ms: number) => new Promise(r => setTimeout(r, ms));
    h.sim.scenarios.resetConnections(true);
    const outcome = executor(knex, h.client, 'replica-a').execute(run.id);
    await pause(300);
    h.sim.scenarios.resetConnections(false);
    h.sim.scenarios.setErrorRate(0.5);
    await pause(300);
    h.sim.scenarios.setErrorRate(0);
    const done = await h.driveUntil(finished(run.id));
    expect(await outcome).toBe('finished');
    expect(done.status).toBe('succeeded');
    expect(done.steps.map(s => s.attempts)).toEqual([1, 1, 1, 1, 1]);
    expect(h.object('MachineDeployment', AZURE_MD).spec.replicas).toBe(6);
  });

  it('fails a run whose standby does not become available in time; a retry does not scale it twice', async () => {
    const knex = await databases.open('SQLITE_3');
    h = await startHarness(knex, { ...TEST_CONFIG, stepTimeoutSeconds: 1 });
    const run = await pendingRun(knex);
    expect(await executor(knex, h.client, 'replica-a').execute(run.id)).toBe(
      'finished',
    ); // no ticks: no new machines
    const failed = (await h.engine.service.getRun(run.id))!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(
      'wait-standby:default/trustram-azure-cluster: timed out after 1s: trustram-azure-cluster-md-0 3/6 available',
    );
    expect(failed.steps.map(s => s.status)).toEqual([
      'succeeded',
      'failed',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);

    await h.driveUntil(
      () => h!.fleet.getCluster(AZURE)?.workerPools[0].replicas.desired === 6,
    );
    h.sim.resetCounters();
    const { run: retry } = await h.engine.service.startRun(
      { cluster: AWS, action: 'failover' },
      'user:default/oncall',
      'manual',
    );
    expect(retry.plan.capacity!.pools[0]).toMatchObject({
      replicasBefore: 3,
      replicasAfter: 6,
    });
    expect((await h.driveUntil(finished(retry.id))).status).toBe('succeeded');
    expect(h.object('MachineDeployment', AZURE_MD).spec.replicas).toBe(6);
    expect(
      h.sim.counters.snapshot().byResource[
        'machinedeployments.cluster.x-k8s.io'
      ]?.patch,
    ).toBeUndefined();
  });

  it('a manual policy opens the breaker but starts nothing', async () => {
    h = await startHarness(await databases.open('SQLITE_3'));
    h.sim.scenarios.failCluster(AWS);
    await h.driveUntil(
      () => h!.fleet.getCluster(AWS)?.health.verdict === 'unhealthy',
    );
    for (let i = 0; i < 3; i++) {
      h.advance(30_000);
      await h.engine.monitor.check();
    }
    expect((await h.engine.breakers.list())[0].state.position).toBe('open');
    expect(await h.engine.service.listRuns()).toEqual([]);
  });

  it('an unreachable management cluster is no evidence: the breaker stays closed', async () => {
    h = await startHarness(await databases.open('SQLITE_3'));
    h.editCluster(AWS, c => {
      c.metadata!.annotations![MULTICLOUD_ANNOTATIONS.failoverMode] =
        'automatic';
    });
    await h.driveUntil(
      () =>
        h!.fleet.getCluster(AWS)?.annotations[
          MULTICLOUD_ANNOTATIONS.failoverMode
        ] === 'automatic',
    );
    await h.sim.scenarios.down(true);
    await eventually(() => h!.fleet.getFleet().stale);
    for (let i = 0; i < 5; i++) {
      h.advance(300_000);
      await h.engine.monitor.check();
    }
    const [breaker] = await h.engine.breakers.list();
    expect(breaker).toMatchObject({
      lastVerdict: 'unknown',
      state: { position: 'closed', consecutiveFailures: 0 },
    });
    expect(await h.engine.service.listRuns()).toEqual([]);
    await h.sim.scenarios.down(false);
  });
});
