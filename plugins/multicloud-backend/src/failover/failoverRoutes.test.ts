import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MULTICLOUD_LABELS } from '@internal/plugin-multicloud-common';
import express from 'express';
import Router from 'express-promise-router';
import type { Knex } from 'knex';
import request from 'supertest';
import { failoverDatabases } from './__testUtils__/databases';
import {
  AWS,
  AZURE,
  eventually,
  recordingAuditor,
  startHarness,
  type Harness,
} from './__testUtils__/simulatorHarness';
import { createFailoverRoutes } from './failoverRoutes';

jest.setTimeout(60_000);

describe('failover routes', () => {
  const databases = failoverDatabases();
  let h: Harness | undefined;
  let knex: Knex;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function serve(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
    knex = await databases.open('SQLITE_3');
    h = await startHarness(knex);
    const harness = h;
    const audit = recordingAuditor();
    const plugin = createBackendPlugin({
      pluginId: 'multicloud',
      register(env) {
        env.registerInit({
          deps: {
            httpRouter: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
            permissions: coreServices.permissions,
          },
          async init({ httpRouter, httpAuth, permissions }) {
            const router = Router();
            router.use(express.json());
            router.use(
              createFailoverRoutes({
                service: harness.engine.service,
                breakers: harness.engine.breakers,
                fleet: harness.fleet,
                httpAuth,
                permissions,
                auditor: audit.auditor,
                resolveAccess: async () => ({ scope: 'all' }),
              }),
            );
            httpRouter.use(router);
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [plugin, mockServices.permissions.factory({ result })],
    });
    h.sim.resetCounters();
    return { api: request(server), audit };
  }

  const count = async (table: string) =>
    Number((await knex(`multicloud_failover_${table}`).count({ n: '*' }))[0].n);

  it('refuses a run without multicloud.failover.execute with 403 and writes nothing', async () => {
    const { api, audit } = await serve(AuthorizeResult.DENY);
    const res = await api
      .post('/api/multicloud/failover/runs')
      .send({ cluster: AWS, action: 'failover' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `multicloud.failover.execute is not allowed on ${AWS}`,
    );
    expect(h!.sim.counters.snapshot().writes).toBe(0);
    expect(await count('runs')).toBe(0);
    expect(await count('leases')).toBe(0);
    expect(audit.events).toEqual([
      expect.objectContaining({ eventId: 'failover-run', outcome: 'fail' }),
    ]);
  });

  it('plans without writing, starts a run once, and lists, reads and cancels it', async () => {
    const { api } = await serve(AuthorizeResult.ALLOW);
    const plan = await api
      .post('/api/multicloud/failover/plan')
      .send({ cluster: AWS, action: 'failover' });
    expect(plan.status).toBe(200);
    expect(
      plan.body.plan.steps.map((s: { action: string }) => s.action),
    ).toEqual([
      'scale-standby',
      'wait-standby',
      'shift-traffic',
      'shift-traffic',
      'mark-primary',
    ]);
    expect(plan.body.plan.steps[0].patch).toEqual({
      metadata: {
        annotations: {
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '6',
        },
      },
      spec: { replicas: 6 },
    });
    expect(h!.sim.counters.snapshot().writes).toBe(0);
    expect(await count('runs')).toBe(0);

    const first = await api
      .post('/api/multicloud/failover/runs')
      .send({ cluster: AWS, action: 'failover' });
    expect(first.status).toBe(201);
    expect(first.body.run).toMatchObject({
      cluster: AWS,
      target: AZURE,
      action: 'failover',
      actor: 'user:default/mock',
      mode: 'manual',
    });
    const again = await api
      .post('/api/multicloud/failover/runs')
      .send({ cluster: AWS, action: 'failover' });
    expect(again.status).toBe(200);
    expect(again.body.run.id).toBe(first.body.run.id);
    const other = await api
      .post('/api/multicloud/failover/runs')
      .send({ cluster: AWS, action: 'failback' });
    expect(other.status).toBe(409);

    const listed = await api.get(
      `/api/multicloud/failover/runs?cluster=${AWS}`,
    );
    expect(listed.body.runs.map((r: { id: string }) => r.id)).toEqual([
      first.body.run.id,
    ]);
    const read = await api.get(
      `/api/multicloud/failover/runs/${first.body.run.id}`,
    );
    expect(read.body.run.steps[0]).toMatchObject({
      action: 'scale-standby',
      execution: { index: 0 },
    });

    // The standby never becomes available (no controller ticks): cancel it while it waits.
    const cancel = await api.post(
      `/api/multicloud/failover/runs/${first.body.run.id}/cancel`,
    );
    expect(cancel.status).toBe(200);
    const cancelled = await eventually(async () => {
      const run = (
        await api.get(`/api/multicloud/failover/runs/${first.body.run.id}`)
      ).body.run;
      return run.status === 'cancelled' && run;
    });
    expect(
      cancelled.steps.map(
        (s: { execution: { status: string } }) => s.execution.status,
      ),
    ).toEqual([
      'succeeded',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(
      (
        await api.post(
          `/api/multicloud/failover/runs/${first.body.run.id}/cancel`,
        )
      ).status,
    ).toBe(200);
  });

  it('answers bad input with 400 naming the field and rule, unknown things with 404', async () => {
    const { api } = await serve(AuthorizeResult.ALLOW);
    const bad = await api
      .post('/api/multicloud/failover/plan')
      .send({ cluster: 'AWS', action: 'explode' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /body\.cluster: must be namespace\/name of a cluster/,
    );
    expect(bad.body.error.message).toMatch(/body\.action: /);
    expect(
      (
        await api
          .post('/api/multicloud/failover/plan')
          .send({ cluster: 'default/nope', action: 'failover' })
      ).status,
    ).toBe(404);
    expect((await api.get('/api/multicloud/failover/runs/nope')).status).toBe(
      400,
    );
    expect(
      (
        await api.get(
          '/api/multicloud/failover/runs/6f1d2b0e-8c1a-4c7e-9a57-2f0c1d9e4b3a',
        )
      ).status,
    ).toBe(404);
    expect(
      (await api.get('/api/multicloud/failover/runs?cluster=x')).status,
    ).toBe(400);
    const failback = await api
      .post('/api/multicloud/failover/plan')
      .send({ cluster: AWS, action: 'failback' });
    expect(failback.status).toBe(409);
    expect(failback.body.error.message).toBe(
      `nothing to fail back: no change of a failover run of ${AWS} is recorded`,
    );
  });

  it('refuses a GDPR primary a non-GDPR target, with the reason, and lists the policy as invalid', async () => {
    const { api } = await serve(AuthorizeResult.ALLOW);
    h!.editCluster(AWS, c => {
      c.metadata!.labels![MULTICLOUD_LABELS.dataClass] = 'gdpr';
    });
    await eventually(
      () => h!.fleet.getCluster(AWS)?.labels.dataClass === 'gdpr',
    );
    const reason =
      'default/trustram-azure-cluster is in azure region westus2, not allowed for data class gdpr of default/trustram-aws-cluster ' +
      '(dataClasses.gdpr.allowedRegions = [eu-west-1, westeurope, europe-west1])';

    const named = await api
      .post('/api/multicloud/failover/plan')
      .send({ cluster: AWS, target: AZURE, action: 'failover' });
    expect(named.status).toBe(400);
    expect(named.body.error.message).toBe(`body.target: ${reason}`);
    const byPolicy = await api
      .post('/api/multicloud/failover/runs')
      .send({ cluster: AWS, action: 'failover' });
    expect(byPolicy.status).toBe(409);
    expect(byPolicy.body.error.message).toContain(reason);

    const policies = await api.get('/api/multicloud/failover/policies');
    expect(policies.body.policies).toEqual([
      expect.objectContaining({
        cluster: AWS,
        valid: false,
        targets: [{ ref: AZURE, valid: false, reasons: [reason] }],
      }),
    ]);
    expect(h!.sim.counters.snapshot().writes).toBe(0);
    expect(await count('runs')).toBe(0);
  });

  it('lists breakers, with transitions for one cluster', async () => {
    const { api } = await serve(AuthorizeResult.ALLOW);
    await h!.engine.monitor.check();
    const all = await api.get('/api/multicloud/failover/breakers');
    expect(all.body.breakers).toEqual([
      expect.objectContaining({
        cluster: AWS,
        state: expect.objectContaining({ position: 'closed' }),
      }),
    ]);
    const one = await api.get(
      `/api/multicloud/failover/breakers?cluster=${AWS}`,
    );
    expect(one.body.breakers[0].transitions).toEqual([]);
  });
});
