/**
 * Fleet API benchmark: the real backend (packages/backend, started as a process) on a
 * 1,000-cluster simulated management cluster, against a naive baseline server that lists
 * from the management cluster and summarises on every request. The backend runs built, as
 * a deployment runs it (`--mode dev`: through `backstage-cli package start`, as
 * scripts/start.sh does); the fleet cache's own heap is measured in this process.
 *
 *   yarn bench:fleet [--clusters 1000] [--duration 10] [--connections 50] [--mode built|dev]
 *                    [--reuse-build]
 *   BENCH_POSTGRES=postgresql://user@host:5432: the backend on Postgres, as production runs
 *   it (default: the embedded SQLite in memory).
 */
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  buildFleet,
  type KubeObject,
} from '@internal/plugin-multicloud-common';
import { WATCHED_KINDS } from '@internal/plugin-multicloud-node';
import type { measureFleetHeap } from './lib/fleetHeap';
import { postgresDatabase } from './lib/postgres';
import {
  TOKEN,
  getJson,
  backendRssMb,
  startPortalBackend,
  stopAll,
  waitFor,
  type BackendMode,
} from './lib/processes';

const SIM_PORT = 16443;
const BACKEND_PORT = 17007;
const BASELINE_PORT = 17008;

const { values } = parseArgs({
  options: {
    clusters: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    mode: { type: 'string', default: 'built' },
    'reuse-build': { type: 'boolean', default: false },
  },
});
if (values.mode !== 'built' && values.mode !== 'dev') {
  throw new Error(`--mode must be built or dev; got '${values.mode}'`);
}
const mode: BackendMode = values.mode;
const postgres = process.env.BENCH_POSTGRES
  ? postgresDatabase(process.env.BENCH_POSTGRES)
  : undefined;
const clusters = Number(values.clusters);
const duration = Number(values.duration);
const connections = Number(values.connections);

/**
 * The naive approach: every request lists every kind from the management cluster. `stop`
 * also waits for the requests the load generator gave up on: they keep listing and holding
 * whole listings after their connections are gone.
 */
async function startBaseline(kubeconfigPath: string) {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const api = kc.makeApiClient(CustomObjectsApi);
  const handling = new Set<Promise<void>>();
  const server = http.createServer((_req, res) => {
    const handled = answerNaively(api, res);
    handling.add(handled);
    handled.finally(() => handling.delete(handled));
  });
  await new Promise<void>(resolve =>
    server.listen(BASELINE_PORT, '127.0.0.1', resolve),
  );
  return {
    async stop() {
      await new Promise(resolve => server.close(resolve));
      await Promise.allSettled([...handling]);
    },
  };
}

async function answerNaively(api: CustomObjectsApi, res: http.ServerResponse) {
  try {
    const lists = await Promise.all(
      WATCHED_KINDS.map(k =>
        api
          .listClusterCustomObject({
            group: k.group,
            version: k.versions[0],
            plural: k.plural,
          })
          .then((body: any) =>
            (body.items as KubeObject[]).map(o => ({
              ...o,
              kind: o.kind ?? k.kind,
            })),
          )
          .catch(() => [] as KubeObject[]),
      ),
    );
    const fleet = buildFleet(lists.flat());
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ summary: fleet.summary }));
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

function measureFleetHeapInChild(
  kubeconfigPath: string,
): Awaited<ReturnType<typeof measureFleetHeap>> {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'lib/fleetHeapMain.ts'),
      kubeconfigPath,
    ],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) {
    throw new Error(`measuring the fleet cache's heap failed: ${child.stderr}`);
  }
  return JSON.parse(child.stdout);
}

async function load(
  url: string,
  withAuth: boolean,
  options: { connections: number; timeout?: number; duration?: number } = {
    connections,
  },
) {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration ?? duration,
    timeout: options.timeout ?? 10,
    headers: withAuth ? { Authorization: `Bearer ${TOKEN}` } : {},
  });
  return {
    rps: Number(result.requests.average.toFixed(1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const loadAtStart = os.loadavg()[0];
  console.log(
    `Starting the simulator with ${clusters} clusters and the backend (${mode}) ...`,
  );
  const {
    backend,
    base: root,
    kubeconfig,
  } = await startPortalBackend({
    clusters,
    simPort: SIM_PORT,
    backendPort: BACKEND_PORT,
    mode,
    reuseBuild: values['reuse-build'],
    database: postgres?.config,
  });
  const base = `${root}/api/multicloud`;
  const healthyAt = Date.now();
  // Synced (every kind listed) and not stale (a fleet version built from it is served).
  await waitFor(
    async () => {
      const status = await getJson(`${base}/status`);
      return status.synced && !status.stale;
    },
    120_000,
    'the initial sync',
  );
  const sinceHealthyMs = Date.now() - healthyAt;
  const status = await getJson(`${base}/status`);
  const objects = status.managementClusters[0].kinds.reduce(
    (n: number, k: { objects: number }) => n + k.objects,
    0,
  );
  const fleet = await getJson(`${base}/fleet`);
  // The fleet service starts listing while other plugins still initialise, so the time from
  // the health check is not the sync's: this is from its lists starting to the version served.
  const syncMs =
    Date.parse(fleet.builtAt) -
    Date.parse(status.managementClusters[0].watchingSince);
  console.log(
    `Synced ${objects} objects (${fleet.summary.total.clusters} clusters, ${fleet.summary.total.machines.total} machines) ${sinceHealthyMs} ms after the backend answered`,
  );
  // Let the post-sync work (catalog entities, first history sample) settle before measuring.
  await new Promise(r => setTimeout(r, 20_000));
  const rss = backendRssMb(backend.pid!);

  const fleetResult = await load(`${base}/fleet`, true);
  const clustersResult = await load(
    `${base}/clusters?limit=50&sort=verdict`,
    true,
  );
  const rssAfterLoad = backendRssMb(backend.pid!);
  const baseline = await startBaseline(kubeconfig);
  // A baseline request takes seconds: fewer connections, a long timeout and a longer run,
  // or nothing completes.
  const baselineResult = await load(
    `http://127.0.0.1:${BASELINE_PORT}/`,
    false,
    {
      connections: 4,
      timeout: 120,
      duration: Math.max(30, duration),
    },
  );
  // The baseline's abandoned requests would disturb the measurements below.
  await baseline.stop();
  // After the backend's figures, so its work does not disturb them.
  const heap = measureFleetHeapInChild(kubeconfig);

  const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
    `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`;
  console.log('');
  console.log(
    `load average while it ran (1 min): ${loadAtStart.toFixed(
      1,
    )} at the start, ${os.loadavg()[0].toFixed(1)} at the end, on ${
      os.cpus().length
    } CPUs`,
  );
  console.log(
    `| endpoint (${connections} connections, ${duration} s) | req/s | p50 ms | p99 ms | errors |`,
  );
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    row('backend GET /fleet (watch cache, serialised once)', fleetResult),
  );
  console.log(row('backend GET /clusters?limit=50', clustersResult));
  console.log(
    row(
      `baseline: list from the management cluster per request (4 connections, ${Math.max(
        30,
        duration,
      )} s)`,
      baselineResult,
    ),
  );
  console.log('');
  console.log(
    `initial sync through the backend: ${syncMs} ms from its lists starting to the first fleet version (target < 2000); ` +
      `${sinceHealthyMs} ms after its health check answered`,
  );
  console.log(
    `initial sync of the fleet cache alone (in this process): ${heap.syncMs} ms from start to the first fleet version, ` +
      `${heap.syncCpuMs} ms of CPU`,
  );
  console.log(
    `backend RSS (${mode}, ${
      postgres ? 'Postgres' : 'SQLite in memory'
    }): ${rss} MB after sync, ${rssAfterLoad} MB after the load (target < 400)`,
  );
  console.log(
    `fleet cache live heap: ${heap.cacheMb} MB for ${heap.objects} objects, vs ${heap.naiveMb} MB that one naive listing ` +
      `holds while it answers (${heap.naiveObjects} objects): ${(
        heap.cacheMb / Math.max(1, heap.naiveMb)
      ).toFixed(2)}x`,
  );
  console.log(
    `GET /fleet vs baseline: ${(
      fleetResult.rps / Math.max(0.01, baselineResult.rps)
    ).toFixed(0)}x throughput, ` +
      `p99 ${fleetResult.p99} ms vs ${baselineResult.p99} ms (targets: >= 2000 req/s, p99 <= 50 ms)`,
  );
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    stopAll();
    await postgres?.drop();
  });
