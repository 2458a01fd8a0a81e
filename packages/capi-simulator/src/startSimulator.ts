import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  CAPI_LABELS,
  createCrdValidator,
} from '@internal/plugin-multicloud-common';
import { MANAGEMENT_BUILTIN_TYPES } from './api/builtins';
import { fromCrd, storageKeyOf } from './api/registry';
import type { KubeObject } from './api/types';
import { defaultCapiObject } from './capi/webhooks';
import { Controller } from './controller/controller';
import { Writer } from './controller/writer';
import { Counters } from './counters';
import { loadCrdsInWorker } from './crds';
import { Faults } from './faults';
import { generateFleet, generateToken } from './generator/fleet';
import type { ClusterPlan } from './generator/plan';
import { createRng, NAME_SUFFIX_ALPHABET } from './generator/prng';
import { createDispatcher } from './http/dispatch';
import { createEndpoint } from './http/endpoint';
import { SimServer } from './http/server';
import { createTlsMaterial } from './http/tls';
import { buildKubeconfig } from './kubeconfig';
import { createScenarios, type Scenarios } from './scenarios';
import { WorkloadClusters } from './workload/workloadClusters';

export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Only loopback addresses are allowed (default 127.0.0.1). */
  host?: string;
  /** Seed of the fleet and of everything random (default `capi-sim`). */
  seed?: string;
  /** Fleet size; default: the seed document's three clusters. */
  clusters?: number;
  /** Simulated seconds per real second for the controller loop (default 1). */
  speed?: number;
  /** Run the controller on a timer (default true); tests may call `tick()` instead. */
  autoTick?: boolean;
  /** Write the management kubeconfig here. */
  kubeconfigOut?: string;
  /** Embedded into every generated token (the management token included). */
  secretMarker?: string;
  /** Interval of BOOKMARK events on watches that allow them (default 60 s). */
  bookmarkIntervalMs?: number;
  /** Events retained for watch resumption before 410 Gone (default 10,000). */
  eventWindow?: number;
  /** Clock for timestamps (default: wall clock). */
  now?: () => Date;
}

/** Direct access to the management cluster's objects, bypassing the API (for tests). */
export interface SimulatorStore {
  /** The stored object (any served version of the group); `apiVersion` selects the group. */
  get(
    apiVersion: string,
    kind: string,
    namespace: string,
    name: string,
  ): KubeObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): KubeObject[];
  /** Creates or replaces an object without validation; watchers see the event. */
  put(obj: KubeObject): KubeObject;
  readonly resourceVersion: number;
}

export interface Simulator {
  /** `https://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The management cluster's kubeconfig (YAML): CA data and bearer token. */
  kubeconfig: string;
  kubeConfigPath?: string;
  token: string;
  /** PEM of the CA that signed the server certificate. */
  caCert: string;
  counters: Counters;
  resetCounters(): void;
  scenarios: Scenarios;
  store: SimulatorStore;
  /** The generated clusters' plans (cloud, region, owner, environment, health). */
  clusters: ClusterPlan[];
  /** Catalog service → `namespace/name` of the clusters it runs on. */
  placements: Record<string, string[]>;
  /** One controller step (also run by the timer unless `autoTick: false`). */
  tick(): void;
  close(): Promise<void>;
}

/** Simulated seconds one controller tick stands for. */
const TICK_SECONDS = 5;

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** Starts the simulated management cluster (HTTPS, Kubernetes API) in this process. */
export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host))
    throw new Error(
      `capi-simulator only binds loopback addresses, not ${host}`,
    );
  const seed = options.seed ?? 'capi-sim';
  const now = options.now ?? (() => new Date());
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError('speed must be positive');
  const bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000;
  const eventWindow = options.eventWindow ?? 10_000;
  const rng = createRng(seed);
  const apiRng = rng.fork('api');
  const ids = {
    uid: () => apiRng.uuid(),
    nameSuffix: () => apiRng.chars(5, NAME_SUFFIX_ALPHABET),
  };
  const token = `${
    options.secretMarker ? `${options.secretMarker}.` : ''
  }${randomBytes(24).toString('base64url')}`;
  const counters = new Counters();
  const faults = new Faults(rng.fork('faults'));
  const tls = await createTlsMaterial();
  const validator = createCrdValidator(await loadCrdsInWorker());

  // The listener comes first: generated kubeconfigs need the port.
  let dispatch: (req: any, res: any) => void = (_req, res) => res.destroy();
  const server = new SimServer(tls, (req, res) => dispatch(req, res), host);
  const port = await server.listen(options.port ?? 0);
  const url = `https://${host === '::1' ? '[::1]' : host}:${port}`;
  const serverAddress = `${host}:${port}`;

  const fleet = generateFleet({
    seed,
    clusters: options.clusters,
    now: now(),
    serverUrl: url,
    caCert: tls.caCert,
    secretMarker: options.secretMarker,
  });
  const management = createEndpoint({
    counterPrefix: '',
    types: [...MANAGEMENT_BUILTIN_TYPES, ...validator.resources().map(fromCrd)],
    objects: fleet.objects(),
    validator,
    mutate: defaultCapiObject,
    ids,
    now,
    counters,
    bookmarkIntervalMs,
    eventWindow,
    indexedLabel: CAPI_LABELS.clusterName,
    serverAddress,
  });
  const workloads = new WorkloadClusters({
    management: management.store,
    seed,
    placements: fleet.placements,
    counters,
    now,
    bookmarkIntervalMs,
    eventWindow,
    serverAddress,
  });
  const controller = new Controller({
    store: management.store,
    writer: new Writer(management.api, management.registry),
    now,
    nameSuffix: ids.nameSuffix,
    uid: ids.uid,
    newWorkloadToken: ref =>
      generateToken(
        rng.fork(`token/${ref}/${management.store.resourceVersion}`),
        options.secretMarker,
      ),
    serverUrl: url,
    caCert: tls.caCert,
  });
  const scenarios = createScenarios({
    controller,
    faults,
    server,
    endpoints: () => [management, ...workloads.all()],
  });
  const tick = () => controller.tick();
  // A failing reconcile must not take the API down with it: report and keep serving.
  const timedTick = () => {
    try {
      tick();
    } catch (error) {
      process.stderr.write(
        `capi-simulator: controller tick failed: ${
          (error as Error).stack ?? error
        }\n`,
      );
    }
  };
  dispatch = createDispatcher({
    token,
    management,
    workloads,
    faults,
    admin: {
      scenarios,
      counters,
      tick,
      state: () => ({
        url,
        resourceVersion: management.store.resourceVersion,
        openWatches: management.watches.openWatches,
        faults: {
          latencyMs: faults.latencyMs,
          errorRate: faults.errorRate,
          resetConnections: faults.resetConnections,
          down: server.down,
        },
        clusters: management.store.count(
          storageKeyOf({
            apiVersion: 'cluster.x-k8s.io/v1beta2',
            kind: 'Cluster',
          }),
        ),
        memory: process.memoryUsage(),
      }),
    },
  });
  const timer =
    options.autoTick === false
      ? undefined
      : setInterval(timedTick, Math.max(10, (TICK_SECONDS * 1000) / speed));

  const kubeconfig = buildKubeconfig({
    name: 'capi-sim',
    server: url,
    caCert: tls.caCert,
    token,
    namespace: 'default',
  });
  let kubeConfigPath: string | undefined;
  if (options.kubeconfigOut) {
    kubeConfigPath = path.resolve(options.kubeconfigOut);
    await fs.mkdir(path.dirname(kubeConfigPath), { recursive: true });
    await fs.writeFile(kubeConfigPath, kubeconfig, { mode: 0o600 });
  }

  const store = management.store;
  const storeAccess: SimulatorStore = {
    get: (apiVersion, kind, namespace, name) =>
      store.read(storageKeyOf({ apiVersion, kind }), namespace, name),
    list: (apiVersion, kind, namespace) => {
      const key = storageKeyOf({ apiVersion, kind });
      return store
        .keys(key, namespace)
        .map(k => JSON.parse(store.getByKey(key, k)!.json));
    },
    put: obj => {
      const copy = structuredClone(obj);
      copy.metadata ??= {};
      const existing = store.get(
        storageKeyOf(copy),
        copy.metadata.namespace ?? '',
        copy.metadata.name ?? '',
      );
      copy.metadata.uid ??= existing?.uid ?? ids.uid();
      copy.metadata.creationTimestamp ??= now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      return JSON.parse(store.put(storageKeyOf(copy), copy).json);
    },
    get resourceVersion() {
      return store.resourceVersion;
    },
  };

  return {
    url,
    port,
    kubeconfig,
    kubeConfigPath,
    token,
    caCert: tls.caCert,
    counters,
    resetCounters: () => counters.reset(),
    scenarios,
    store: storeAccess,
    clusters: fleet.plans,
    placements: fleet.placements,
    tick,
    close: async () => {
      if (timer) clearInterval(timer);
      controller.close();
      management.watches.close();
      workloads.close();
      await server.close();
    },
  };
}
