/**
 * Faults suite: the real backend against the simulator process, through each of the
 * simulator's faults. For every fault it checks that the portal
 *  - keeps serving the last known fleet while the fault lasts (marked stale where the
 *    watches cannot be healthy),
 *  - recovers by itself within 30 s of the fault ending, and shows a change made afterwards,
 *  - makes no more list/watch requests than its backoff policy allows (no request storm),
 *  - loses neither the failover run started as the fault began nor a history sample.
 *
 *   yarn suite:faults [--quick] [--only <fault>,<fault>...]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { waitFor } from '../bench/lib/processes';
import { maxAttemptsWithin } from './lib/backoff';
import {
  attemptsOf,
  kindsOf,
  waitForCluster,
  waitForFresh,
  type FleetStatus,
} from './lib/fleet';
import { sampleExecutions } from './lib/history';
import {
  runDir,
  startBackendProcess,
  startSimulatorProcess,
  type BackendProcess,
  type SimulatorProcess,
} from './lib/portal';
import { runSuite, type SuiteReport } from './lib/report';

const SIM_PORT = 26443;
const BACKEND_PORT = 27007;
const CLUSTERS = 20;
const RECOVERY_MS = 30_000;
const HISTORY_INTERVAL_S = 5;
const IDLE_TIMEOUT_S = 5;
const PRIMARY = 'default/trustram-aws-cluster';
/** A cluster no failover run touches: failed and recovered to make a change. */
const CHANGED_WHILE_STALLED = 'default/trustram-gcp-cluster';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = values.quick!;

interface Fault {
  name: string;
  /** Seconds the fault lasts: full run, `--quick`. */
  seconds: [number, number];
  /** Whether the watches cannot be healthy during the fault, so `stale: true` must show. */
  expectStale: boolean;
  start(sim: SimulatorProcess, seconds: number): Promise<void>;
  /** Repeated every `everyMs` while the fault lasts; each one may cost every kind a reconnect. */
  repeat?: { everyMs: number; action(sim: SimulatorProcess): Promise<void> };
  /** Lifts the fault; resolves when the management cluster answers normally again. */
  stop(sim: SimulatorProcess): Promise<void>;
  /**
   * Where requests are counted: at the simulator, or by the backend's own count of attempts
   * when the fault stops them before the simulator sees them (refused or reset connections).
   */
  countedBy: 'simulator' | 'backend';
  /** Reconnects the fault forces on each kind on top of its backoff (a drop, a 410). */
  forcedReconnects: number;
  /** A check of the backend's own account once recovered: what it must have done about the fault. */
  verify?: {
    name: string;
    check(
      before: FleetStatus,
      after: FleetStatus,
    ): { ok: boolean; detail: string };
  };
}

const dropWatches = (sim: SimulatorProcess) =>
  sim.admin('POST', 'watches/drop');

/**
 * A fault that is a simulator setting: `on` at the start, `off` at the end. With `drop`, every
 * watch is dropped once it is on, so each kind reconnects through it.
 */
const setting = (
  on: string,
  off: string,
  { drop }: { drop: boolean },
): Pick<Fault, 'start' | 'stop'> => ({
  start: async sim => {
    await sim.admin('POST', on);
    if (drop) await dropWatches(sim);
  },
  stop: async sim => {
    await sim.admin('POST', off);
  },
});

const FAULTS: Fault[] = [
  {
    name: 'down',
    countedBy: 'backend',
    seconds: [120, 10],
    expectStale: true,
    forcedReconnects: 1,
    start: (sim, seconds) => sim.admin('POST', `down?seconds=${seconds}`),
    // The simulator lifts `down` by itself after its duration; the fault ends when it answers.
    stop: sim =>
      waitFor(
        async () => (await sim.state()).faults.down === false,
        60_000,
        'the simulator to come back',
      ),
  },
  {
    name: 'slow',
    countedBy: 'simulator',
    seconds: [60, 8],
    expectStale: false,
    forcedReconnects: 1,
    ...setting('latency?ms=2000', 'latency?ms=0', { drop: true }),
  },
  {
    name: '5xx-20%',
    countedBy: 'simulator',
    seconds: [60, 8],
    expectStale: false,
    forcedReconnects: 1,
    ...setting('error-rate?fraction=0.2', 'error-rate?fraction=0', {
      drop: true,
    }),
  },
  {
    name: 'watches-dropped',
    countedBy: 'simulator',
    seconds: [60, 8],
    expectStale: false,
    forcedReconnects: 0,
    start: dropWatches,
    repeat: { everyMs: 4000, action: dropWatches },
    stop: async () => {},
  },
  {
    name: 'watches-stalled',
    countedBy: 'simulator',
    seconds: [60, 2.5 * IDLE_TIMEOUT_S],
    expectStale: true,
    forcedReconnects: 0,
    ...setting('watches/stall?enabled=true', 'watches/stall?enabled=false', {
      drop: false,
    }),
  },
  {
    name: 'forced-410',
    countedBy: 'simulator',
    seconds: [30, 6],
    expectStale: false,
    // A resumed watch gets 410: one relist and one watch more per kind.
    forcedReconnects: 2,
    // Watches held silent miss a change; the window is then compacted past it and the watches
    // dropped, so every kind resumes from a version the server no longer has.
    start: async sim => {
      await sim.admin('POST', 'watches/stall?enabled=true');
      await sim.admin('POST', `clusters/${CHANGED_WHILE_STALLED}/fail`);
      await sim.admin('POST', `clusters/${CHANGED_WHILE_STALLED}/recover`);
      await sim.admin('POST', 'watches/expire');
      await dropWatches(sim);
      await sim.admin('POST', 'watches/stall?enabled=false');
    },
    stop: async () => {},
    verify: {
      name: 'every kind relisted after its 410',
      check: (before, after) => {
        const listsBefore = new Map(
          kindsOf(before).map(k => [k.kind, k.lists]),
        );
        const notRelisted = kindsOf(after)
          .filter(k => k.lists <= (listsBefore.get(k.kind) ?? 0))
          .map(k => k.kind);
        return {
          ok: notRelisted.length === 0,
          detail: `kinds not relisted: ${notRelisted.join(', ') || 'none'}`,
        };
      },
    },
  },
  {
    name: 'connection-resets',
    countedBy: 'backend',
    seconds: [60, 8],
    expectStale: true,
    forcedReconnects: 1,
    ...setting(
      'connections/reset?enabled=true',
      'connections/reset?enabled=false',
      { drop: true },
    ),
  },
];

interface Observation {
  requests: number;
  failures: string[];
  sawStale: boolean;
  clusterCounts: Set<number>;
}

/** GET /fleet once a second while the fault lasts, as a dashboard would. */
async function observe(
  backend: BackendProcess,
  until: number,
  onTick: () => Promise<void>,
): Promise<Observation> {
  const seen: Observation = {
    requests: 0,
    failures: [],
    sawStale: false,
    clusterCounts: new Set(),
  };
  while (Date.now() < until) {
    const tickAt = Date.now();
    seen.requests++;
    try {
      const fleet = await backend.get('/fleet');
      seen.sawStale ||= fleet.stale === true;
      seen.clusterCounts.add(fleet.summary.total.clusters);
    } catch (error) {
      seen.failures.push((error as Error).message);
    }
    await onTick();
    await sleep(Math.max(0, 1000 - (Date.now() - tickAt)));
  }
  return seen;
}

/**
 * List and watch requests the simulator received; requests it answered with an injected 500
 * are counted apart and added (a few of them may be the failover run's, which only makes the
 * count stricter).
 */
const listWatchRequests = async (sim: SimulatorProcess) => {
  const counters = await sim.counters();
  return counters.byVerb.list + counters.byVerb.watch + counters.injectedErrors;
};

async function runFault(
  fault: Fault,
  index: number,
  ctx: {
    sim: SimulatorProcess;
    backend: BackendProcess;
    report: SuiteReport;
    changeTargets: string[];
    failedOver: boolean;
  },
) {
  const { sim, backend, report } = ctx;
  const seconds = fault.seconds[quick ? 1 : 0];
  const label = `${fault.name} (${seconds} s)`;
  console.log(`\n== ${label}`);
  await waitForFresh(backend, RECOVERY_MS);
  const before: FleetStatus = await backend.get('/status');
  const clusters = (await backend.get('/fleet')).summary.total.clusters;
  const kinds = kindsOf(before).length;

  // A run that has to outlive the fault: failover, then failback once it succeeded, and so on.
  const started = await backend.post(
    '/failover/runs',
    {
      cluster: PRIMARY,
      action: ctx.failedOver ? 'failback' : 'failover',
    },
    'guest',
  );
  if (
    !report.check(
      `${fault.name}: failover run accepted`,
      started.status === 201,
      `HTTP ${started.status} ${JSON.stringify(started.body).slice(0, 200)}`,
    )
  )
    return;
  const runId: string = started.body.run.id;

  await sim.resetCounters();
  const faultStart = Date.now();
  await fault.start(sim, seconds);
  let repeats = 0;
  let nextRepeat = faultStart + (fault.repeat?.everyMs ?? Infinity);
  const seen = await observe(backend, faultStart + seconds * 1000, async () => {
    if (fault.repeat && Date.now() >= nextRepeat) {
      repeats++;
      nextRepeat += fault.repeat.everyMs;
      await fault.repeat.action(sim);
    }
  });
  const during: FleetStatus = await backend.get('/status');
  const requests =
    fault.countedBy === 'backend'
      ? attemptsOf(during) - attemptsOf(before)
      : await listWatchRequests(sim);
  await fault.stop(sim);
  const faultEnd = Date.now();

  report.check(
    `${label}: served the last known fleet throughout`,
    seen.failures.length === 0 &&
      seen.clusterCounts.size === 1 &&
      seen.clusterCounts.has(clusters),
    `${seen.requests} GET /fleet, ${seen.failures.length} failed${
      seen.failures[0] ? ` (${seen.failures[0]})` : ''
    }, cluster counts seen ${[...seen.clusterCounts].join(',')} of ${clusters}`,
  );
  if (fault.expectStale)
    report.check(
      `${label}: marked stale while it lasted`,
      seen.sawStale,
      `stale seen: ${seen.sawStale}`,
    );
  else console.log(`  stale seen during the fault: ${seen.sawStale}`);

  const perKind =
    2 * (maxAttemptsWithin(seconds * 1000) + fault.forcedReconnects + repeats);
  const bound = kinds * perKind;
  report.check(
    `${label}: no request storm`,
    requests <= bound,
    `${requests} list/watch ${
      fault.countedBy === 'backend'
        ? 'attempts (backend count)'
        : 'requests at the simulator'
    } for ${kinds} kinds; bound ${bound} (${perKind} per kind from the backoff)`,
  );

  // Waits past the bound, so a slow recovery is measured rather than only failed.
  const recovery = await waitForFresh(backend, 4 * RECOVERY_MS).then(
    ms => ({
      ok: ms <= RECOVERY_MS,
      detail: `fresh ${(ms / 1000).toFixed(1)} s after the fault ended`,
    }),
    (error: Error) => ({ ok: false, detail: error.message }),
  );
  report.check(
    `${label}: recovered by itself within 30 s`,
    recovery.ok,
    recovery.detail,
  );
  if (fault.verify) {
    const { ok, detail } = fault.verify.check(
      before,
      await backend.get('/status'),
    );
    report.check(`${label}: ${fault.verify.name}`, ok, detail);
  }

  const target = ctx.changeTargets[index % ctx.changeTargets.length];
  const [namespace, name] = target.split('/');
  await sim.admin('POST', `clusters/${namespace}/${name}/fail`);
  let visibleMs = Infinity;
  try {
    visibleMs = await waitForCluster(
      backend,
      target,
      c => c.health.verdict === 'unhealthy',
      RECOVERY_MS,
    );
  } catch {
    // reported below
  }
  report.check(
    `${label}: a change after recovery is visible`,
    visibleMs < RECOVERY_MS,
    `${target} unhealthy after ${(visibleMs / 1000).toFixed(1)} s`,
  );
  await sim.admin('POST', `clusters/${namespace}/${name}/recover`);

  let run: any;
  try {
    await waitFor(
      async () => {
        run = (await backend.get(`/failover/runs/${runId}`)).run;
        return !['pending', 'running'].includes(run.status);
      },
      180_000,
      `run ${runId} to finish`,
    );
  } catch {
    // reported below
  }
  if (run?.status === 'succeeded') ctx.failedOver = run.action === 'failover';
  const stepErrors = (run?.steps ?? [])
    .map((s: any) => s.execution?.error)
    .filter(Boolean);
  report.check(
    `${label}: the failover run started with the fault completed`,
    run?.status === 'succeeded',
    `${run?.action} run ${runId}: ${run?.status}${
      stepErrors.length ? ` (${stepErrors.join('; ').slice(0, 300)})` : ''
    }`,
  );

  await checkHistory(backend, report, label, faultStart, faultEnd);
  console.log(`  fault ended ${new Date(faultEnd).toISOString()}`);
}

/**
 * Every interval while the fault lasted was sampled (the task claims each one once) and
 * every sample it logged is stored.
 */
async function checkHistory(
  backend: BackendProcess,
  report: SuiteReport,
  label: string,
  faultStart: number,
  faultEnd: number,
) {
  const intervalMs = HISTORY_INTERVAL_S * 1000;
  // From the interval the fault began in, unless the sampler had not started yet then (the
  // first fault may begin right after the backend's first sync).
  const firstLogged = Math.min(...sampleExecutions(backend.logPath));
  const first = Math.max(
    Math.floor(faultStart / intervalMs) * intervalMs,
    Number.isFinite(firstLogged) ? firstLogged : 0,
  );
  // The bucket the fault ended in is sampled during that bucket: wait until it is over.
  await sleep(
    Math.max(
      0,
      Math.floor(faultEnd / intervalMs) * intervalMs +
        intervalMs +
        1000 -
        Date.now(),
    ),
  );
  const runs = sampleExecutions(backend.logPath).filter(
    bucket => bucket >= first && bucket <= faultEnd,
  );
  const history = await backend.get(
    `/history?cluster=${encodeURIComponent(
      PRIMARY,
    )}&metric=machines_total&step=raw&from=${first - 1}&to=${Date.now()}`,
  );
  const stored = new Set<number>(
    history.series.flatMap((s: any) => s.points.map((p: any) => p.t)),
  );
  const lost = runs
    .filter(bucket => !stored.has(bucket))
    .map(bucket => new Date(bucket).toISOString().slice(11, 19));
  const intervals = Math.floor((faultEnd - first) / intervalMs) + 1;
  report.check(
    `${label}: no history sample lost`,
    lost.length === 0 && new Set(runs).size >= intervals,
    `${
      runs.length
    } sampling runs in ${intervals} buckets of ${HISTORY_INTERVAL_S} s during the fault; samples lost: ${
      lost.join(', ') || 'none'
    }`,
  );
}

void runSuite('faults', async report => {
  const dir = runDir('faults');
  const only = values.only?.split(',');
  const unknown =
    only?.filter(name => !FAULTS.some(f => f.name === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(
      `--only: no fault named ${unknown.join(', ')}; faults: ${FAULTS.map(
        f => f.name,
      ).join(', ')}`,
    );
  const faults = only ? FAULTS.filter(f => only.includes(f.name)) : FAULTS;
  console.log(
    `Starting the simulator (${CLUSTERS} clusters) and the backend ...`,
  );
  const sim = await startSimulatorProcess({
    dir,
    port: SIM_PORT,
    clusters: CLUSTERS,
    bookmarkIntervalSeconds: 2,
    speed: 8,
  });
  const backend = await startBackendProcess({
    dir,
    name: 'backend',
    port: BACKEND_PORT,
    kubeconfigPath: sim.kubeconfigPath,
    multicloud: {
      fleet: { idleTimeoutSeconds: IDLE_TIMEOUT_S },
      history: { intervalSeconds: HISTORY_INTERVAL_S },
      failover: { checkIntervalSeconds: 5, stepTimeoutSeconds: 300 },
    },
  });
  await waitForFresh(backend, 120_000);
  const listed = await backend.get('/clusters?verdict=healthy&limit=100');
  const changeTargets: string[] = listed.items
    .map((c: any) => c.ref)
    .filter((ref: string) => !ref.startsWith('default/trustram-'));
  if (changeTargets.length === 0)
    throw new Error('no healthy generated cluster to change');
  const ctx = { sim, backend, report, changeTargets, failedOver: false };
  for (const [i, fault] of faults.entries()) await runFault(fault, i, ctx);
  report.figure(`${faults.length} faults${quick ? ', quick durations' : ''}`);
});
