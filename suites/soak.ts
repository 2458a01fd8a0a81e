/**
 * Soak suite: fleet churn for 30 minutes (scaling MachineDeployments through the API,
 * failing and recovering clusters, now and then dropping every watch) while the backend's
 * RSS, V8 heap and open sockets and the simulator's open watches are sampled every 10 s.
 * After a warm-up, none may grow beyond its bound: a leak grows with time, churn does not.
 *
 *   yarn suite:soak [--minutes 30] [--clusters 200]
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { backendRssMb } from '../bench/lib/processes';
import { waitForFresh } from './lib/fleet';
import {
  runDir,
  startBackendProcess,
  startSimulatorProcess,
  type SimulatorProcess,
} from './lib/portal';
import { runSuite, type SuiteReport } from './lib/report';

const SIM_PORT = 26446;
const BACKEND_PORT = 27011;
const SAMPLE_MS = 10_000;
const CHURN_MS = 2_000;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    clusters: { type: 'string', default: '200' },
  },
});
const durationMs = Number(values.minutes) * 60_000;
const clusters = Number(values.clusters);
// Caches, JIT and connection pools fill during the first minutes; growth is measured after.
const warmUpMs = Math.min(5 * 60_000, durationMs / 4);

interface Sample {
  at: number;
  rssMb: number;
  heapMb: number;
  sockets: number;
  openWatches: number;
}

/** A seeded generator, so a run's churn can be replayed (mulberry32). */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The backend's V8 heap from a diagnostic report (`--report-on-signal`): no inspector needed. */
async function heapMb(pid: number, reportPath: string): Promise<number> {
  fs.rmSync(reportPath, { force: true });
  process.kill(pid, 'SIGUSR2');
  // The report appears before it is completely written: read until it parses.
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    try {
      const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
      return Math.round(report.javascriptHeap.usedMemory / 2 ** 20);
    } catch {
      // not there or not complete yet
    }
  }
  throw new Error(`no diagnostic report from ${pid} in ${reportPath}`);
}

function procStats(pid: number): { rssMb: number; sockets: number } {
  const fds = fs.readdirSync(`/proc/${pid}/fd`);
  let sockets = 0;
  for (const fd of fds) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:'))
        sockets++;
    } catch {
      // closed meanwhile
    }
  }
  return { rssMb: backendRssMb(pid), sockets };
}

/** One churn step: what a busy fleet does to the management cluster. */
async function churn(
  sim: SimulatorProcess,
  random: () => number,
  pools: Array<{ apiVersion: string; namespace: string; name: string }>,
  refs: string[],
  failed: Set<string>,
) {
  const roll = random();
  if (roll < 0.6) {
    const pool = pools[Math.floor(random() * pools.length)];
    await sim.request(
      'PATCH',
      `/apis/cluster.x-k8s.io/${pool.apiVersion}/namespaces/${pool.namespace}/machinedeployments/${pool.name}`,
      { spec: { replicas: 1 + Math.floor(random() * 5) } },
      'application/merge-patch+json',
    );
  } else if (roll < 0.95) {
    const ref = refs[Math.floor(random() * refs.length)];
    const [namespace, name] = ref.split('/');
    const action = failed.has(ref) ? 'recover' : 'fail';
    await sim.admin('POST', `clusters/${namespace}/${name}/${action}`);
    if (action === 'fail') failed.add(ref);
    else failed.delete(ref);
  } else {
    await sim.admin('POST', 'watches/drop');
  }
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function checkGrowth(
  report: SuiteReport,
  samples: Sample[],
  metric: 'rssMb' | 'heapMb' | 'sockets',
  allowed: (base: number) => number,
  unit: string,
) {
  const after = samples.filter(s => s.at >= samples[0].at + warmUpMs);
  const window = Math.max(1, Math.floor(after.length / 4));
  const base = median(after.slice(0, window).map(s => s[metric]));
  const end = median(after.slice(-window).map(s => s[metric]));
  const bound = base + allowed(base);
  report.check(
    `${metric}: no growth beyond the bound after warm-up`,
    after.length >= 4 && end <= bound,
    `median of the first quarter after warm-up ${base} ${unit}, of the last quarter ${end} ${unit}, bound ${Math.round(
      bound,
    )} ${unit}, peak ${Math.max(...after.map(s => s[metric]))} ${unit}`,
  );
}

void runSuite('soak', async report => {
  const dir = runDir('soak');
  const reportName = 'heap-report.json';
  console.log(
    `Starting the simulator (${clusters} clusters) and the backend ...`,
  );
  const sim = await startSimulatorProcess({
    dir,
    port: SIM_PORT,
    clusters,
    speed: 4,
  });
  const backend = await startBackendProcess({
    dir,
    name: 'backend',
    port: BACKEND_PORT,
    kubeconfigPath: sim.kubeconfigPath,
    multicloud: { history: { intervalSeconds: 10 } },
    env: {
      NODE_OPTIONS: `--report-on-signal --report-signal=SIGUSR2 --report-directory=${dir} --report-filename=${reportName}`,
    },
  });
  await waitForFresh(backend, 180_000);
  const pid = backend.process.pid!;
  const listed = await backend.get(`/clusters?limit=${clusters}`);
  const refs: string[] = listed.items.map((c: any) => c.ref);
  const pools = listed.items.flatMap((c: any) =>
    c.workerPools
      .filter((p: any) => p.kind === 'MachineDeployment')
      // Through the version the objects were written with (the simulator validates against it).
      .map((p: any) => ({
        apiVersion: c.apiVersion,
        namespace: c.namespace,
        name: p.name,
      })),
  );
  const kinds = (await backend.get('/status')).managementClusters.flatMap(
    (mc: any) => mc.kinds,
  ).length;

  const random = prng(20261124);
  const failed = new Set<string>();
  const samples: Sample[] = [];
  const startedAt = Date.now();
  let steps = 0;
  let churnErrors = 0;
  let nextSample = startedAt;
  console.log(
    `Churning for ${durationMs / 60_000} min (${refs.length} clusters, ${
      pools.length
    } machine deployments) ...`,
  );
  while (Date.now() - startedAt < durationMs) {
    await churn(sim, random, pools, refs, failed).catch(error => {
      churnErrors++;
      console.log(`churn step failed: ${(error as Error).message}`);
    });
    steps++;
    if (Date.now() >= nextSample) {
      nextSample += SAMPLE_MS;
      const sample: Sample = {
        at: Date.now(),
        ...procStats(pid),
        heapMb: await heapMb(pid, path.join(dir, reportName)),
        openWatches: (await sim.state()).openWatches,
      };
      samples.push(sample);
      console.log(
        `${((sample.at - startedAt) / 60_000).toFixed(1)} min: RSS ${
          sample.rssMb
        } MB, heap ${sample.heapMb} MB, sockets ${
          sample.sockets
        }, open watches ${sample.openWatches}`,
      );
    }
    await sleep(CHURN_MS);
  }

  for (const ref of failed) {
    const [namespace, name] = ref.split('/');
    await sim.admin('POST', `clusters/${namespace}/${name}/recover`);
  }
  const freshMs = await waitForFresh(backend, 30_000).catch(() => Infinity);
  report.check(
    'the fleet is fresh after the churn',
    freshMs < 30_000,
    `fresh after ${(freshMs / 1000).toFixed(1)} s`,
  );
  report.check(
    'the churn ran',
    steps > 0 && churnErrors === 0,
    `${steps} steps, ${churnErrors} failed`,
  );
  checkGrowth(
    report,
    samples,
    'rssMb',
    base => Math.max(64, base * 0.15),
    'MB',
  );
  checkGrowth(
    report,
    samples,
    'heapMb',
    base => Math.max(32, base * 0.15),
    'MB',
  );
  checkGrowth(report, samples, 'sockets', () => 10, 'sockets');
  const maxWatches = Math.max(...samples.map(s => s.openWatches));
  report.check(
    'no leaked watches',
    maxWatches <= 2 * kinds,
    `at most ${maxWatches} open watches at the simulator for ${kinds} kinds (bound ${
      2 * kinds
    })`,
  );
  const last = samples[samples.length - 1];
  report.figure(
    `${
      durationMs / 60_000
    } min, ${clusters} clusters, ${steps} churn steps; RSS ${
      samples[0].rssMb
    } → ${last.rssMb} MB, heap ${samples[0].heapMb} → ${
      last.heapMb
    } MB, sockets ${samples[0].sockets} → ${
      last.sockets
    }, watches ≤ ${maxWatches}`,
  );
});
