/**
 * Replicas suite: two backends sharing one Postgres database (a throwaway one per run) and
 * one simulated management cluster. Checks that
 *  - the history sampling task samples each tick once across both replicas and skips none
 *    (executions counted from their logs), and every tick stores exactly one sample per
 *    cluster;
 *  - failover and failback runs started on one replica, while both replicas' executor
 *    tasks offer them, apply each of their patches exactly once (PATCH requests counted at
 *    the simulator).
 *
 *   yarn suite:replicas [--seconds 40] [--postgres postgresql://postgres@127.0.0.1:5432]
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import knexFactory from 'knex';
import { dropDatabases } from '../bench/lib/postgres';
import { stopAll, waitFor } from '../bench/lib/processes';
import { waitForFresh } from './lib/fleet';
import { sampleExecutions } from './lib/history';
import {
  runDir,
  startBackendProcess,
  startSimulatorProcess,
  type BackendProcess,
  type SimulatorProcess,
} from './lib/portal';
import { runSuite, type SuiteReport } from './lib/report';

const SIM_PORT = 26445;
const BACKEND_PORTS = [27009, 27010];
const CLUSTERS = 20;
const HISTORY_INTERVAL_S = 5;
const PRIMARY = 'default/trustram-aws-cluster';
const RUN_LATENCY_MS = 700;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '40' },
    postgres: {
      type: 'string',
      default:
        process.env.MULTICLOUD_SUITE_POSTGRES ??
        'postgresql://postgres@127.0.0.1:5432',
    },
  },
});
const observeSeconds = Number(values.seconds);

async function checkScheduledTasks(
  report: SuiteReport,
  replicas: BackendProcess[],
  samples: (bucket: number) => Promise<number>,
) {
  const perReplica = replicas.map(r => sampleExecutions(r.logPath));
  const all = perReplica.flat();
  const counts = new Map<number, number>();
  for (const bucket of all) counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  const iso = (t: number) => new Date(t).toISOString().slice(11, 19);
  const twice = [...counts]
    .filter(([, n]) => n > 1)
    .map(([bucket]) => iso(bucket));
  const ticks = [...counts.keys()].sort((a, b) => a - b);
  const missed: string[] = [];
  for (
    let t = ticks[0];
    t < ticks[ticks.length - 1];
    t += HISTORY_INTERVAL_S * 1000
  ) {
    if (!counts.has(t)) missed.push(iso(t));
  }
  report.figure(
    `history: ${all.length} sampling runs (${perReplica
      .map(e => e.length)
      .join(' + ')} per replica) in ${observeSeconds}+ s`,
  );
  report.check(
    'history sampling ran once per tick across both replicas, none skipped',
    all.length >= Math.floor(observeSeconds / HISTORY_INTERVAL_S) - 2 &&
      twice.length === 0 &&
      missed.length === 0,
    `${all.length} executions (${perReplica
      .map(e => e.length)
      .join(' + ')} per replica) over ${counts.size} ticks; ticks run twice: ${
      twice.join(', ') || 'none'
    }; ticks skipped: ${missed.join(', ') || 'none'}`,
  );
  const wrong: string[] = [];
  for (const bucket of counts.keys()) {
    const n = await samples(bucket);
    if (n !== CLUSTERS) wrong.push(`${iso(bucket)}: ${n}`);
  }
  report.check(
    'every tick stored exactly one sample per cluster',
    counts.size > 0 && wrong.length === 0,
    `${counts.size} ticks of ${CLUSTERS} clusters; wrong: ${
      wrong.join(', ') || 'none'
    }`,
  );
}

/** How often each replica's executor task has offered active runs (it logs each offer). */
function offerCounts(replicas: BackendProcess[]): number[] {
  return replicas.map(
    r =>
      (
        fs.readFileSync(r.logPath, 'utf8').match(/active run\(s\) offered/g) ??
        []
      ).length,
  );
}

/**
 * Runs one failover action started on replica `starter` to its end: every patch must be
 * applied once although both replicas' executor tasks may offer the run meanwhile.
 * Returns the offers of the replica that did not start it (cross-replica contention).
 */
async function runOnOneReplica(
  report: SuiteReport,
  replicas: BackendProcess[],
  starter: number,
  action: 'failover' | 'failback',
  resetPatches: () => Promise<void>,
  patches: () => Promise<{ sent: number; conflicts: number }>,
): Promise<number | undefined> {
  await resetPatches();
  const offersBefore = offerCounts(replicas);
  const started = await replicas[starter].post(
    '/failover/runs',
    { cluster: PRIMARY, action },
    'guest',
  );
  if (
    !report.check(
      `${action} run accepted by replica ${starter + 1}`,
      started.status === 201,
      `HTTP ${started.status}`,
    )
  )
    return undefined;
  const id: string = started.body.run.id;
  const other = replicas[1 - starter];
  let run: any;
  // Both replicas see the same run; the other one reports its end.
  await waitFor(
    async () => {
      run = (await other.get(`/failover/runs/${id}`)).run;
      return !['pending', 'running'].includes(run.status);
    },
    180_000,
    `run ${id} to finish`,
  );
  const executions = run.steps.map((s: any) => s.execution);
  const patched = executions.filter((e: any) =>
    e.result?.startsWith('patched'),
  ).length;
  const repeated = executions.filter((e: any) => e.attempts > 1).length;
  // A PATCH refused with 409 (the object changed between the step's read and its write, as the
  // simulator's controllers update status) wrote nothing; the step re-reads and sends again.
  const { sent, conflicts } = await patches();
  const written = sent - conflicts;
  const offers = offerCounts(replicas).map((n, i) => n - offersBefore[i]);
  report.check(
    `the ${action} run succeeded`,
    run.status === 'succeeded',
    `${run.status}${run.error ? `: ${run.error}` : ''}`,
  );
  report.check(
    `each patch of the ${action} run applied exactly once`,
    patched > 0 && written === patched && repeated === 0,
    `${written} PATCH requests written at the simulator (${sent} sent, ${conflicts} refused with 409) for ${patched} applied patch steps; steps executed more than once: ${repeated}`,
  );
  report.figure(
    `${action} run started on replica ${
      starter + 1
    }: ${written} PATCHes written (${conflicts} conflicts) for ${patched} patch steps, offered ${offers.join(
      ' + ',
    )} times per replica`,
  );
  return offers[1 - starter];
}

/**
 * Failover and failback started on replica 1, then (unless that already showed contention)
 * both on replica 2. The scheduler tends to give the executor task to the same replica
 * every tick, so in one of the two rounds the failover (the long run: it waits for the
 * standby's machines) is offered by the replica that is not executing it: the contention
 * the lease must resolve. Each round ends with the fleet as it began.
 */
async function checkSingleExecutor(
  report: SuiteReport,
  replicas: BackendProcess[],
  sim: SimulatorProcess,
) {
  const resetPatches = () => sim.resetCounters();
  const patches = async () => {
    const counters = await sim.counters();
    return { sent: counters.byVerb.patch, conflicts: counters.conflicts };
  };
  const crossOffers: string[] = [];
  let contended = false;
  // Slow management-cluster calls keep every run open across several executor ticks.
  await sim.admin('POST', `latency?ms=${RUN_LATENCY_MS}`);
  for (const starter of [0, 1]) {
    for (const action of ['failover', 'failback'] as const) {
      const offers = await runOnOneReplica(
        report,
        replicas,
        starter,
        action,
        resetPatches,
        patches,
      );
      if (offers === undefined) return;
      crossOffers.push(`${action} on replica ${starter + 1}: ${offers}`);
      contended ||= offers > 0;
    }
    if (contended) break;
  }
  await sim.admin('POST', 'latency?ms=0');
  report.check(
    'the replica not executing a run offered it too',
    contended,
    `offers by the other replica while each run executed: ${crossOffers.join(
      ', ',
    )}`,
  );
}

void runSuite('replicas', async report => {
  const admin = knexFactory({ client: 'pg', connection: values.postgres });
  try {
    await admin.raw('select 1');
  } catch (error) {
    throw new Error(
      `no Postgres at ${values.postgres} (--postgres): ${
        (error as Error).message
      }`,
    );
  }
  // Backstage creates one database per plugin under this prefix; both replicas share them.
  const prefix = `suite_replicas_${process.pid}_`;
  const dir = runDir('replicas');
  try {
    const sim = await startSimulatorProcess({
      dir,
      port: SIM_PORT,
      clusters: CLUSTERS,
      speed: 2,
    });
    const url = new URL(values.postgres!);
    const config = {
      backend: {
        database: {
          client: 'pg',
          prefix,
          connection: {
            host: url.hostname,
            port: Number(url.port || 5432),
            user: decodeURIComponent(url.username || 'postgres'),
            password: decodeURIComponent(url.password),
          },
        },
      },
    };
    const multicloud = {
      history: { intervalSeconds: HISTORY_INTERVAL_S },
      failover: { checkIntervalSeconds: 2 },
    };
    console.log('Starting the simulator and two backends on one Postgres ...');
    // One after the other: the first creates the databases and runs the migrations.
    const replicas: BackendProcess[] = [];
    for (const [i, port] of BACKEND_PORTS.entries()) {
      replicas.push(
        await startBackendProcess({
          dir,
          name: `replica-${i + 1}`,
          port,
          kubeconfigPath: sim.kubeconfigPath,
          config,
          multicloud,
        }),
      );
    }
    await Promise.all(replicas.map(r => waitForFresh(r, 120_000)));

    await checkSingleExecutor(report, replicas, sim);

    console.log(`Observing the scheduled tasks for ${observeSeconds} s ...`);
    await sleep(observeSeconds * 1000);
    const db = knexFactory({
      client: 'pg',
      connection: {
        ...config.backend.database.connection,
        database: `${prefix}multicloud`,
      },
    });
    try {
      await checkScheduledTasks(report, replicas, async bucket => {
        const [row] = await db('multicloud_samples')
          .where({ bucket_start: bucket })
          .count({ n: '*' });
        return Number(row.n);
      });
    } finally {
      await db.destroy();
    }
  } finally {
    stopAll();
    await sleep(2000);
    await admin.destroy();
    // Clean-up of the throwaway databases: a failure is reported, not counted as a check.
    await dropDatabases(values.postgres!, prefix).catch(error =>
      console.warn(`could not drop the ${prefix}* databases: ${error}`),
    );
  }
});
