import type { AuditorService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { startSimulator } from '@internal/capi-simulator';
import {
  PriceBook,
  DEFAULT_COMPLIANCE_RULES,
  type KubeObject,
} from '@internal/plugin-multicloud-common';
import {
  KubeListWatchClient,
  WatchCache,
} from '@internal/plugin-multicloud-node';
import { KubeConfig } from '@kubernetes/client-node';
import type { Knex } from 'knex';
import { createFailoverEngine } from '../createFailoverEngine';
import type { FailoverConfig } from '../failoverConfig';
import { KubeObjectClient } from '../ObjectClient';

export const AWS = 'default/trustram-aws-cluster';
export const AZURE = 'default/trustram-azure-cluster';
export const CAPI_V1BETA2 = 'cluster.x-k8s.io/v1beta2';

export const TEST_CONFIG: FailoverConfig = {
  defaults: { defaultMode: 'manual', automaticEnabled: true },
  breaker: {
    failureThreshold: 2,
    successThreshold: 2,
    openSeconds: 60,
    unhealthySeconds: 600,
  },
  failbackHoldSeconds: 120,
  stepTimeoutSeconds: 30,
  checkIntervalSeconds: 30,
};

export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 20));
  }
}

/** An auditor that keeps every event and how it ended. */
export function recordingAuditor() {
  const events: Array<{
    eventId: string;
    meta: Record<string, unknown>;
    outcome?: 'success' | 'fail';
    detail?: unknown;
  }> = [];
  const auditor: AuditorService = {
    async createEvent(options) {
      const event: (typeof events)[number] = {
        eventId: options.eventId,
        meta: { ...options.meta },
      };
      events.push(event);
      return {
        async success(done) {
          event.outcome = 'success';
          event.detail = done?.meta;
        },
        async fail({ error }) {
          event.outcome = 'fail';
          event.detail = error.message;
        },
      };
    },
  };
  return { auditor, events };
}

/**
 * The simulated management cluster with the real read path (watch cache) and write path
 * (client-node), plus a controllable clock: `advance(ms)` moves every failover component's
 * time forward without waiting.
 */
export async function startHarness(
  knex: Knex,
  config: FailoverConfig = TEST_CONFIG,
) {
  const sim = await startSimulator({
    autoTick: false,
    bookmarkIntervalMs: 200,
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(sim.kubeconfig);
  const fleet = new WatchCache({
    managementClusters: [
      { name: 'sim', client: new KubeListWatchClient(kubeConfig) },
    ],
    logger: mockServices.logger.mock(),
    debounceMs: 10,
  });
  await fleet.start();
  await eventually(
    () =>
      fleet.getStatus().synced &&
      !fleet.getFleet().stale &&
      fleet.getFleet().clusters.length === 3,
  );
  let offset = 0;
  const now = () => Date.now() + offset;
  const { auditor, events } = recordingAuditor();
  const client = new KubeObjectClient([{ name: 'sim', kubeConfig }]);
  const engine = await createFailoverEngine({
    database: mockServices.database({ knex, migrations: { skip: true } }),
    fleet,
    client,
    auditor,
    logger: mockServices.logger.mock(),
    config,
    specs: new PriceBook(),
    rules: DEFAULT_COMPLIANCE_RULES,
    pollMs: 20,
    now,
  });
  return {
    sim,
    fleet,
    client,
    engine,
    auditEvents: events,
    now,
    advance: (ms: number) => {
      offset += ms;
    },
    /** Changes a Cluster's metadata directly in the simulator's store (no API request counted). */
    editCluster(ref: string, edit: (cluster: KubeObject) => void) {
      const [namespace, name] = ref.split('/');
      const cluster = sim.store.get(CAPI_V1BETA2, 'Cluster', namespace, name)!;
      edit(cluster);
      sim.store.put(cluster);
    },
    object(kind: string, ref: string): KubeObject {
      const [namespace, name] = ref.split('/');
      return sim.store.get(CAPI_V1BETA2, kind, namespace, name)!;
    },
    /** Runs the simulator's controller until `done` holds (machines converge a phase per tick). */
    async driveUntil<T>(
      done: () => Promise<T | undefined | false> | T | undefined | false,
      timeoutMs = 20_000,
    ): Promise<T> {
      return eventually(async () => {
        sim.tick();
        return done();
      }, timeoutMs);
    },
    async close() {
      await engine.executor.stop();
      await fleet.stop();
      await sim.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
