/**
 * History benchmark: with 1,000 clusters, the duration of one sampling tick and one
 * roll-up on SQLite and Postgres, the rows written per day, and `/history`-style query
 * latency for 90 days of one cluster. Targets: a tick under 1 s; a 90-day query under 50 ms.
 *
 *   yarn bench:history [--clusters 1000]   (Postgres: BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432)
 */
import knexFactory, { type Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  DAY_MS,
  HOUR_MS,
  HistoryStore,
  type ClusterSample,
} from '../plugins/multicloud-backend/src/history/HistoryStore';

const { values } = parseArgs({ options: { clusters: { type: 'string', default: '1000' } } });
const clusters = Number(values.clusters);
const TICK_MS = 60_000;

function samples(tick: number): ClusterSample[] {
  return Array.from({ length: clusters }, (_, i) => ({
    clusterRef: `team-${i % 5}/cluster-${i}`,
    cloud: ['aws', 'azure', 'gcp'][i % 3],
    region: 'us-west-2',
    owner: `team-${i % 5}`,
    environment: 'production',
    verdict: (i + tick) % 17 === 0 ? 'degraded' : 'healthy',
    phase: 'Provisioned',
    machinesTotal: 20,
    machinesRunning: 19 + ((i + tick) % 2),
    machinesByPhase: { Running: 19, Provisioning: 1 },
    costPerHour: 2 + (i % 7) * 0.5,
    complianceFailures: i % 3,
  }));
}

async function migrate(knex: Knex): Promise<HistoryStore> {
  return HistoryStore.create({ getClient: async () => knex, migrations: { skip: false } } as any);
}

async function measure(name: string, knex: Knex) {
  const store = await migrate(knex);
  const start = 200 * DAY_MS;

  // One sampling tick of the whole fleet.
  let t = performance.now();
  await store.recordTick(start, samples(0));
  const tickMs = performance.now() - t;
  for (let m = 1; m < 60; m++) await store.recordTick(start + m * TICK_MS, samples(m));

  // One roll-up of the completed hour (60 ticks × clusters samples).
  t = performance.now();
  await store.rollUp(start + HOUR_MS + 1);
  const rollupMs = performance.now() - t;

  // 90 days of hourly roll-ups for every cluster, then the 90-day series of one cluster.
  const rows = [];
  for (let h = 1; h < 90 * 24; h++) {
    for (let i = 0; i < clusters; i += 50) {
      rows.push({
        cluster_ref: `team-${i % 5}/cluster-${i}`, cloud: 'aws', region: 'us-west-2', owner: `team-${i % 5}`,
        environment: 'production', bucket_start: start - h * HOUR_MS, samples: 60, healthy: 58, degraded: 2,
        unhealthy: 0, other: 0, machines_total_avg: 20, machines_running_avg: 19.5, cost_per_hour_avg: 2.5,
        cost_per_hour_max: 3, compliance_failures_max: 1,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await knex('multicloud_rollups_hourly').insert(rows.slice(i, i + 500));
  const latencies: number[] = [];
  for (let run = 0; run < 50; run++) {
    t = performance.now();
    await store.query({ cluster: 'team-0/cluster-0', metric: 'cost_per_hour', from: start - 90 * DAY_MS, to: start + HOUR_MS, step: 'hour' });
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const perDay = { raw: clusters * (DAY_MS / TICK_MS), hourly: clusters * 24, daily: clusters };
  console.log(
    `| ${name} | ${tickMs.toFixed(0)} | ${rollupMs.toFixed(0)} | ${perDay.raw} raw + ${perDay.hourly} hourly + ${perDay.daily} daily | ${latencies[25].toFixed(1)} | ${latencies[49].toFixed(1)} |`,
  );
}

async function main() {
  console.log(`| database (${clusters} clusters) | tick ms (target < 1000) | roll-up of one hour ms | rows written per day | 90-day query p50 ms | max ms (target < 50) |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-bench-'));
  const sqlite = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'bench.sqlite') }, useNullAsDefault: true });
  await measure('SQLite (file)', sqlite);
  await sqlite.destroy();
  fs.rmSync(dir, { recursive: true, force: true });

  const pg = process.env.BENCH_POSTGRES;
  if (!pg) {
    console.log('\nPostgres skipped: set BENCH_POSTGRES=postgresql://user@host:5432');
    return;
  }
  const admin = knexFactory({ client: 'pg', connection: pg });
  const db = `history_bench_${Date.now()}`;
  await admin.raw(`create database ${db}`);
  const postgres = knexFactory({ client: 'pg', connection: `${pg.replace(/\/$/, '')}/${db}` });
  try {
    await measure('Postgres', postgres);
  } finally {
    await postgres.destroy();
    await admin.raw(`drop database ${db}`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
