/**
 * Fleet API benchmark: the real backend (packages/backend, started as a process) on a
 * 1,000-cluster simulated management cluster, against a naive baseline server that lists
 * from the management cluster and summarises on every request.
 *
 *   yarn bench:fleet [--clusters 1000] [--duration 10] [--connections 50]
 */
import autocannon from 'autocannon';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { buildFleet, type KubeObject } from '@internal/plugin-multicloud-common';
import { WATCHED_KINDS } from '@internal/plugin-multicloud-node';
import { TOKEN, getJson, backendRssMb, startPortalBackend, stopAll, waitFor } from './lib/processes';

const SIM_PORT = 16443;
const BACKEND_PORT = 17007;
const BASELINE_PORT = 17008;

const { values } = parseArgs({
  options: {
    clusters: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const clusters = Number(values.clusters);
const duration = Number(values.duration);
const connections = Number(values.connections);

/** The naive approach: every request lists every kind from the management cluster. */
function startBaseline(kubeconfigPath: string): Promise<http.Server> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const api = kc.makeApiClient(CustomObjectsApi);
  const server = http.createServer(async (_req, res) => {
    try {
      const lists = await Promise.all(
        WATCHED_KINDS.map(k =>
          api
            .listClusterCustomObject({ group: k.group, version: k.versions[0], plural: k.plural })
            .then((body: any) => (body.items as KubeObject[]).map(o => ({ ...o, kind: o.kind ?? k.kind })))
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
  });
  return new Promise(resolve => server.listen(BASELINE_PORT, '127.0.0.1', () => resolve(server)));
}

async function load(url: string, withAuth: boolean, options: { connections: number; timeout?: number } = { connections }) {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration,
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
  console.log(`Starting the simulator with ${clusters} clusters and the backend ...`);
  const { backend, base: root, kubeconfig } = await startPortalBackend({ clusters, simPort: SIM_PORT, backendPort: BACKEND_PORT });
  const base = `${root}/api/multicloud`;
  const healthyAt = Date.now();
  await waitFor(async () => (await getJson(`${base}/status`)).synced, 120_000, 'the initial sync');
  const syncMs = Date.now() - healthyAt;
  const status = await getJson(`${base}/status`);
  const objects = status.managementClusters[0].kinds.reduce((n: number, k: { objects: number }) => n + k.objects, 0);
  const fleet = await getJson(`${base}/fleet`);
  console.log(`Synced ${objects} objects (${fleet.summary.total.clusters} clusters, ${fleet.summary.total.machines.total} machines) ${syncMs} ms after the backend answered`);
  // Let the post-sync work (catalog entities, first history sample) settle before measuring.
  await new Promise(r => setTimeout(r, 20_000));
  const rss = backendRssMb(backend.pid!);

  const fleetResult = await load(`${base}/fleet`, true);
  const clustersResult = await load(`${base}/clusters?limit=50&sort=verdict`, true);
  const rssAfterLoad = backendRssMb(backend.pid!);
  const baselineServer = await startBaseline(kubeconfig);
  // A baseline request takes seconds: fewer connections and a long timeout, or nothing completes.
  const baselineResult = await load(`http://127.0.0.1:${BASELINE_PORT}/`, false, { connections: 4, timeout: 120 });
  baselineServer.close();

  const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
    `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`;
  console.log('');
  console.log(`| endpoint (${connections} connections, ${duration} s) | req/s | p50 ms | p99 ms | errors |`);
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('backend GET /fleet (watch cache, serialised once)', fleetResult));
  console.log(row('backend GET /clusters?limit=50', clustersResult));
  console.log(row('baseline: list from the management cluster per request (4 connections)', baselineResult));
  console.log('');
  console.log(
    `initial sync: ${syncMs} ms (target < 2000); backend RSS: ${rss} MB after sync, ${rssAfterLoad} MB after the load (target < 400)`,
  );
  console.log(
    `GET /fleet vs baseline: ${(fleetResult.rps / Math.max(0.01, baselineResult.rps)).toFixed(0)}x throughput, ` +
      `p99 ${fleetResult.p99} ms vs ${baselineResult.p99} ms (targets: >= 2000 req/s, p99 <= 50 ms)`,
  );
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
