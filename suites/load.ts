/**
 * Load suite: 200 concurrent clients (autocannon, loopback) for 60 s against the fleet,
 * clusters and placement routes of the real backend on a 1,000-cluster simulated fleet.
 * Every response must be a 2xx; throughput and p99 are reported per route.
 *
 *   yarn suite:load [--duration 60] [--connections 200] [--clusters 1000]
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { TOKEN, backendRssMb } from '../bench/lib/processes';
import { waitForFresh } from './lib/fleet';
import {
  runDir,
  startBackendProcess,
  startSimulatorProcess,
} from './lib/portal';
import { runSuite } from './lib/report';

const SIM_PORT = 26444;
const BACKEND_PORT = 27008;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    clusters: { type: 'string', default: '1000' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const clusters = Number(values.clusters);

// As a browser sends them: responses come gzipped (the backend caches them per fleet version).
const headers = {
  Authorization: `Bearer ${TOKEN}`,
  'Content-Type': 'application/json',
  'Accept-Encoding': 'gzip',
};
const get = (path: string) => ({
  method: 'GET' as const,
  path: `/api/multicloud${path}`,
  headers,
});

/** What dashboards and the placement form send; each connection cycles through its route's list. */
const ROUTES: Array<{
  name: string;
  share: number;
  requests: autocannon.Request[];
}> = [
  { name: 'GET /fleet', share: 0.35, requests: [get('/fleet')] },
  {
    name: 'GET /clusters',
    share: 0.35,
    requests: [
      get('/clusters?limit=50'),
      get('/clusters?cloud=aws&sort=cost&order=desc&limit=100'),
      get('/clusters?verdict=unhealthy'),
      get('/clusters?q=prod&offset=50&limit=50'),
      get('/clusters?cloud=gcp&environment=staging&sort=name'),
      get('/clusters?region=eu-west-1&verdict=healthy&limit=200'),
    ],
  },
  {
    name: 'POST /placement/evaluate',
    share: 0.3,
    requests: [
      {
        cpu: 2,
        memory: 4,
        replicas: 3,
        environment: 'production',
        dataClass: 'gdpr',
        preferredRegions: ['eu-west-1'],
      },
      {
        cpu: 1,
        memory: 2,
        replicas: 10,
        environment: 'staging',
        allowedClouds: ['aws', 'gcp'],
      },
      {
        cpu: 8,
        memory: 32,
        replicas: 2,
        environment: 'production',
        maxHourlyCost: 5,
      },
      {
        cpu: 4,
        memory: 16,
        replicas: 5,
        environment: 'development',
        preferredRegions: ['us-west-2', 'westus2'],
      },
    ].map(body => ({
      method: 'POST' as const,
      path: '/api/multicloud/placement/evaluate',
      headers,
      body: JSON.stringify(body),
    })),
  },
];

void runSuite('load', async report => {
  const dir = runDir('load');
  console.log(
    `Starting the simulator (${clusters} clusters) and the backend ...`,
  );
  const sim = await startSimulatorProcess({
    dir,
    port: SIM_PORT,
    clusters,
    bookmarkIntervalSeconds: 30,
  });
  const backend = await startBackendProcess({
    dir,
    name: 'backend',
    port: BACKEND_PORT,
    kubeconfigPath: sim.kubeconfigPath,
  });
  const syncMs = await waitForFresh(backend, 300_000);
  const fleet = await backend.get('/fleet');
  report.check(
    'the backend synced the fleet',
    fleet.summary.total.clusters === clusters,
    `${fleet.summary.total.clusters} clusters, fresh ${(syncMs / 1000).toFixed(
      1,
    )} s after start`,
  );
  const rssBefore = backendRssMb(backend.process.pid!);

  // The routes share the clients: all three are under load at the same time.
  const origin = new URL(backend.base).origin;
  let assigned = 0;
  const runs = ROUTES.map((route, i) => {
    const share =
      i === ROUTES.length - 1
        ? connections - assigned
        : Math.round(connections * route.share);
    assigned += share;
    return autocannon({
      url: origin,
      connections: share,
      duration,
      timeout: 10,
      requests: route.requests,
    }).then(result => ({
      route,
      share,
      result,
    }));
  });
  console.log(`${connections} clients for ${duration} s ...`);
  const results = await Promise.all(runs);
  const rssAfter = backendRssMb(backend.process.pid!);

  for (const { route, share, result } of results) {
    const failures = result.errors + result.non2xx;
    report.check(
      `${route.name}: no errors under load`,
      failures === 0 && result['2xx'] > 0,
      `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} of them timeouts)`,
    );
    report.figure(
      `${route.name} (${share} clients): ${result.requests.average.toFixed(
        0,
      )} req/s, p99 ${result.latency.p99} ms`,
    );
  }
  report.figure(
    `backend RSS ${rssBefore} MB → ${rssAfter} MB; ${clusters} clusters, ${connections} clients, ${duration} s`,
  );
});
