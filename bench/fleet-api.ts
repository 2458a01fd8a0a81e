/**
 * Fleet API benchmark: the real backend (packages/backend, started as a process) on a
 * 1,000-cluster simulated management cluster, against a naive baseline server that lists
 * from the management cluster and summarises on every request.
 *
 *   yarn bench:fleet [--clusters 1000] [--duration 10] [--connections 50]
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { buildFleet, type KubeObject } from '@internal/plugin-multicloud-common';
import { WATCHED_KINDS } from '@internal/plugin-multicloud-node';

const ROOT = path.resolve(__dirname, '..');
const RUN = path.join(ROOT, '.run/bench');
const TOKEN = 'bench-static-token-0123456789';
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

const children: ChildProcess[] = [];
function start(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; log: string }) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', fs.openSync(options.log, 'w'), fs.openSync(options.log, 'a')],
    detached: true,
  });
  children.push(child);
  return child;
}
function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

async function getJson(url: string): Promise<any> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/** RSS of a process tree's largest member (the backend's node process under backstage-cli). */
function largestRssMb(rootPid: number): number {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    const children = fs.existsSync(`/proc/${pids[i]}/task/${pids[i]}/children`)
      ? fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
      : [];
    pids.push(...children.map(Number));
  }
  let max = 0;
  for (const pid of pids) {
    const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    max = Math.max(max, kb / 1024);
  }
  return Math.round(max);
}

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

async function load(url: string, withAuth: boolean) {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: withAuth ? { Authorization: `Bearer ${TOKEN}` } : {},
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  fs.mkdirSync(RUN, { recursive: true });
  const kubeconfig = path.join(RUN, 'kubeconfig');
  fs.rmSync(kubeconfig, { force: true });

  console.log(`Starting the simulator with ${clusters} clusters ...`);
  start('node', ['packages/capi-simulator/bin/capi-sim', '--port', String(SIM_PORT), '--clusters', String(clusters), '--kubeconfig-out', kubeconfig, '--bookmark-interval', '30'], { log: path.join(RUN, 'sim.log') });
  await waitFor(async () => fs.existsSync(kubeconfig), 180_000, 'the simulator start');

  const config = path.join(RUN, 'app-config.bench.yaml');
  fs.writeFileSync(
    config,
    [
      'backend:',
      `  baseUrl: http://localhost:${BACKEND_PORT}`,
      `  listen: { port: ${BACKEND_PORT} }`,
      '  auth:',
      '    externalAccess:',
      '      - type: static',
      `        options: { token: ${TOKEN}, subject: bench }`,
      'multicloud:',
      '  managementClusters:',
      `    - name: simulated`,
      `      kubeconfig: { path: ${kubeconfig} }`,
      '',
    ].join('\n'),
  );
  console.log('Starting the backend ...');
  const backend = start(
    'yarn',
    ['workspace', 'backend', 'start', '--config', '../../app-config.yaml', '--config', config],
    { log: path.join(RUN, 'backend.log') },
  );
  const base = `http://localhost:${BACKEND_PORT}/api/multicloud`;
  await waitFor(async () => (await fetch(`${base}/health`)).ok, 300_000, 'the backend start');
  const healthyAt = Date.now();
  await waitFor(async () => (await getJson(`${base}/status`)).synced, 120_000, 'the initial sync');
  const syncMs = Date.now() - healthyAt;
  const status = await getJson(`${base}/status`);
  const objects = status.managementClusters[0].kinds.reduce((n: number, k: { objects: number }) => n + k.objects, 0);
  const fleet = await getJson(`${base}/fleet`);
  console.log(`Synced ${objects} objects (${fleet.summary.total.clusters} clusters, ${fleet.summary.total.machines.total} machines) ${syncMs} ms after the backend answered`);
  // Let the post-sync work (catalog entities, first history sample) settle before measuring.
  await new Promise(r => setTimeout(r, 20_000));
  const rss = largestRssMb(backend.pid!);

  const fleetResult = await load(`${base}/fleet`, true);
  const clustersResult = await load(`${base}/clusters?limit=50&sort=verdict`, true);
  const baselineServer = await startBaseline(kubeconfig);
  const baselineResult = await load(`http://127.0.0.1:${BASELINE_PORT}/`, false);
  baselineServer.close();

  const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
    `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`;
  console.log('');
  console.log(`| endpoint (${connections} connections, ${duration} s) | req/s | p50 ms | p99 ms | errors |`);
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('backend GET /fleet (watch cache, serialised once)', fleetResult));
  console.log(row('backend GET /clusters?limit=50', clustersResult));
  console.log(row('baseline: list from the management cluster per request', baselineResult));
  console.log('');
  console.log(`initial sync: ${syncMs} ms (target < 2000); backend RSS: ${rss} MB (target < 400)`);
  console.log(
    `GET /fleet vs baseline: ${(fleetResult.rps / Math.max(1, baselineResult.rps)).toFixed(1)}x throughput, ` +
      `p99 ${fleetResult.p99} ms vs ${baselineResult.p99} ms (targets: >= 2000 req/s, p99 <= 50 ms)`,
  );
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
