import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { ServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startSimulator, type Simulator } from '@internal/capi-simulator';
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { multicloudPlugin } from '../plugin';

/**
 * The multicloud backend plugin in a test backend, reaching an in-process simulated
 * management cluster through its kubeconfig exactly as it would reach a real one.
 */
export async function startSimulatedBackend(
  options: {
    clusters?: number;
    features?: ServiceFactory[];
    config?: Record<string, unknown>;
    entities?: Entity[];
    /** Embedded into every token the simulator generates (secrets tests search for it). */
    secretMarker?: string;
  } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-backend-'));
  const kubeconfigOut = path.join(dir, 'kubeconfig');
  const sim: Simulator = await startSimulator({
    clusters: options.clusters,
    kubeconfigOut,
    autoTick: false,
    secretMarker: options.secretMarker,
  });
  const backend = await startTestBackend({
    features: [
      multicloudPlugin,
      mockServices.rootConfig.factory({
        data: {
          multicloud: {
            managementClusters: [
              { name: 'sim', kubeconfig: { path: kubeconfigOut } },
            ],
            fleet: { debounceMs: 20 },
            ...options.config,
          },
        },
      }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.features ?? []),
    ],
  });
  return {
    sim,
    server: backend.server,
    async stop() {
      await backend.stop();
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
