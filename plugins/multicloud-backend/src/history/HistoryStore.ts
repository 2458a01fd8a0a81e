import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  HistoryMetric,
  HistoryPoint,
  HistoryQuery,
  HistorySeries,
  HistoryStep,
} from '@internal/plugin-multicloud-common';
import type { Knex } from 'knex';
import { migrateDatabase } from '../database/migrateDatabase';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Retention of each resolution. */
export const RETENTION = {
  raw: 48 * HOUR_MS,
  hourly: 90 * DAY_MS,
  daily: 730 * DAY_MS,
} as const;

/** One cluster at one sampling tick. */
export interface ClusterSample {
  clusterRef: string;
  cloud: string;
  region?: string;
  owner?: string;
  environment?: string;
  verdict: string;
  phase?: string;
  machinesTotal: number;
  machinesRunning: number;
  machinesByPhase: Record<string, number>;
  /** Null when no price is known for some machine: never a silent 0. */
  costPerHour: number | null;
  complianceFailures: number | null;
}

/**
 * A query the store answers: the route has resolved the range and the step (no `auto`).
 * The series it returns are the wire types of `GET /history`.
 */
export interface HistoryRangeQuery
  extends Omit<HistoryQuery, 'from' | 'to' | 'step'> {
  from: number;
  to: number;
  step: HistoryStep;
}

const SAMPLES = 'multicloud_samples';
const TICKS = 'multicloud_history_ticks';
const HOURLY = 'multicloud_rollups_hourly';
const DAILY = 'multicloud_rollups_daily';
const TABLE_OF: Record<HistoryStep, string> = {
  raw: SAMPLES,
  hour: HOURLY,
  day: DAILY,
};
const INSERT_CHUNK = 200;
const ROLLUP_COLUMN: Record<Exclude<HistoryMetric, 'verdicts'>, string> = {
  cost_per_hour: 'cost_per_hour_avg',
  machines_running: 'machines_running_avg',
  machines_total: 'machines_total_avg',
  compliance_failures: 'compliance_failures_max',
};

/**
 * The metric history tables (knex; SQLite embedded, Postgres in production). Writes are
 * idempotent: a tick is claimed once, a repeated roll-up replaces, never
 * duplicates.
 */
export class HistoryStore {
  static async create(database: DatabaseService): Promise<HistoryStore> {
    return new HistoryStore(await migrateDatabase(database));
  }

  constructor(private readonly knex: Knex) {}

  /** Whether the tick of this bucket has been recorded (by any replica). */
  async hasTick(bucketStart: number): Promise<boolean> {
    const row = await this.knex(TICKS)
      .where('bucket_start', bucketStart)
      .first('bucket_start');
    return row !== undefined;
  }

  /**
   * Records one tick: the first call for a bucket writes its samples and returns how many;
   * any later call for the same bucket (another wake-up or replica) writes nothing and
   * returns undefined.
   */
  async recordTick(
    bucketStart: number,
    samples: readonly ClusterSample[],
  ): Promise<number | undefined> {
    const rows = samples.map(s => ({
      cluster_ref: s.clusterRef,
      cloud: s.cloud,
      region: s.region ?? null,
      owner: s.owner ?? null,
      environment: s.environment ?? null,
      bucket_start: bucketStart,
      verdict: s.verdict,
      phase: s.phase ?? null,
      machines_total: s.machinesTotal,
      machines_running: s.machinesRunning,
      machines_by_phase: JSON.stringify(s.machinesByPhase),
      cost_per_hour: s.costPerHour,
      compliance_failures: s.complianceFailures,
    }));
    return this.knex.transaction(async tx => {
      const claimed = await tx(TICKS)
        .insert({ bucket_start: bucketStart, clusters: rows.length })
        .onConflict('bucket_start')
        .ignore()
        .returning('bucket_start');
      if (claimed.length === 0) return undefined;
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx(SAMPLES).insert(rows.slice(i, i + INSERT_CHUNK));
      }
      return rows.length;
    });
  }

  /**
   * Rolls raw samples up into hours and hours into days, for every bucket that completed
   * before `now`, from where the previous roll-up stopped (the last bucket is recomputed,
   * so a roll-up interrupted half way is repaired by the next one).
   */
  async rollUp(now: number): Promise<{ hourly: number; daily: number }> {
    const hourly = await this.rollUpInto(SAMPLES, HOURLY, HOUR_MS, now, true);
    const daily = await this.rollUpInto(HOURLY, DAILY, DAY_MS, now, false);
    return { hourly, daily };
  }

  async prune(now: number): Promise<void> {
    for (const table of [SAMPLES, TICKS]) {
      await this.knex(table)
        .where('bucket_start', '<', now - RETENTION.raw)
        .delete();
    }
    await this.knex(HOURLY)
      .where('bucket_start', '<', now - RETENTION.hourly)
      .delete();
    await this.knex(DAILY)
      .where('bucket_start', '<', now - RETENTION.daily)
      .delete();
  }

  async query(query: HistoryRangeQuery): Promise<HistorySeries[]> {
    const table = TABLE_OF[query.step];
    const raw = query.step === 'raw';
    const k = this.knex;
    const keyColumn = query.cluster ? 'cluster_ref' : query.groupBy;
    let builder = k(table)
      .where('bucket_start', '>=', query.from)
      .andWhere('bucket_start', '<', query.to);
    if (query.cluster) {
      builder = builder.andWhere('cluster_ref', query.cluster);
    }
    const select: Array<string | Knex.Raw> = ['bucket_start'];
    if (keyColumn) select.push(`${keyColumn} as key`);
    if (query.metric === 'verdicts') {
      select.push(
        ...(raw
          ? [
              k.raw(
                `sum(case when verdict = 'healthy' then 1 else 0 end) as healthy`,
              ),
              k.raw(
                `sum(case when verdict = 'degraded' then 1 else 0 end) as degraded`,
              ),
              k.raw(
                `sum(case when verdict = 'unhealthy' then 1 else 0 end) as unhealthy`,
              ),
              k.raw(
                `sum(case when verdict not in ('healthy', 'degraded', 'unhealthy') then 1 else 0 end) as other`,
              ),
            ]
          : ['healthy', 'degraded', 'unhealthy', 'other'].map(c =>
              k.raw(`sum(${c}) as ${c}`),
            )),
      );
    } else {
      // Fleet-wide series add the clusters up; a bucket with any unknown cost is unknown.
      const column = raw ? query.metric : ROLLUP_COLUMN[query.metric];
      select.push(
        k.raw(`sum(${column}) as value`),
        k.raw(`count(${column}) as known`),
        k.raw('count(*) as n'),
      );
    }
    const groupBy = keyColumn ? ['bucket_start', keyColumn] : ['bucket_start'];
    const rows: any[] = await builder
      .select(select)
      .groupBy(groupBy)
      .orderBy('bucket_start');

    const series = new Map<string, HistoryPoint[]>();
    for (const row of rows) {
      const key = String(row.key ?? 'fleet');
      const point: HistoryPoint =
        query.metric === 'verdicts'
          ? {
              t: Number(row.bucket_start),
              value: Number(row.healthy),
              verdicts: {
                healthy: Number(row.healthy),
                degraded: Number(row.degraded),
                unhealthy: Number(row.unhealthy),
                other: Number(row.other),
              },
            }
          : {
              t: Number(row.bucket_start),
              value:
                Number(row.known) === Number(row.n) && row.value !== null
                  ? Number(row.value)
                  : null,
            };
      series.set(key, [...(series.get(key) ?? []), point]);
    }
    return [...series].map(([key, points]) => ({ key, points }));
  }

  private async rollUpInto(
    source: string,
    target: string,
    size: number,
    now: number,
    fromRaw: boolean,
  ): Promise<number> {
    const k = this.knex;
    const end = Math.floor(now / size) * size;
    const last = await k(target).max({ max: 'bucket_start' }).first();
    const first = await k(source).min({ min: 'bucket_start' }).first();
    const startFrom =
      last?.max !== null && last?.max !== undefined
        ? Number(last.max)
        : first?.min;
    if (startFrom === null || startFrom === undefined) return 0;
    const start = Math.floor(Number(startFrom) / size) * size;
    if (start >= end) return 0;

    const bucket = k.raw(`(bucket_start / ${size}) * ${size}`);
    const aggregates = fromRaw
      ? [
          k.raw('count(*) as samples'),
          k.raw(
            `sum(case when verdict = 'healthy' then 1 else 0 end) as healthy`,
          ),
          k.raw(
            `sum(case when verdict = 'degraded' then 1 else 0 end) as degraded`,
          ),
          k.raw(
            `sum(case when verdict = 'unhealthy' then 1 else 0 end) as unhealthy`,
          ),
          k.raw(
            `sum(case when verdict not in ('healthy', 'degraded', 'unhealthy') then 1 else 0 end) as other`,
          ),
          k.raw('avg(machines_total) as machines_total_avg'),
          k.raw('avg(machines_running) as machines_running_avg'),
          k.raw('avg(cost_per_hour) as cost_per_hour_avg'),
          k.raw('max(cost_per_hour) as cost_per_hour_max'),
          k.raw('max(compliance_failures) as compliance_failures_max'),
        ]
      : [
          k.raw('sum(samples) as samples'),
          ...['healthy', 'degraded', 'unhealthy', 'other'].map(c =>
            k.raw(`sum(${c}) as ${c}`),
          ),
          // Weighted by samples, so a partly sampled hour weighs less than a full one.
          k.raw(
            'sum(machines_total_avg * samples) / sum(samples) as machines_total_avg',
          ),
          k.raw(
            'sum(machines_running_avg * samples) / sum(samples) as machines_running_avg',
          ),
          k.raw('avg(cost_per_hour_avg) as cost_per_hour_avg'),
          k.raw('max(cost_per_hour_max) as cost_per_hour_max'),
          k.raw('max(compliance_failures_max) as compliance_failures_max'),
        ];
    const rows: any[] = await k(source)
      .where('bucket_start', '>=', start)
      .andWhere('bucket_start', '<', end)
      .select(
        'cluster_ref',
        k.raw('max(cloud) as cloud'),
        k.raw('max(region) as region'),
        k.raw('max(owner) as owner'),
        k.raw('max(environment) as environment'),
        k.raw(`${bucket.toQuery()} as bucket`),
        ...aggregates,
      )
      .groupBy('cluster_ref', k.raw(bucket.toQuery()));
    const out = rows.map(r => ({
      cluster_ref: r.cluster_ref,
      cloud: r.cloud,
      region: r.region,
      owner: r.owner,
      environment: r.environment,
      bucket_start: Number(r.bucket),
      samples: Number(r.samples),
      healthy: Number(r.healthy),
      degraded: Number(r.degraded),
      unhealthy: Number(r.unhealthy),
      other: Number(r.other),
      machines_total_avg: Number(r.machines_total_avg),
      machines_running_avg: Number(r.machines_running_avg),
      cost_per_hour_avg:
        r.cost_per_hour_avg === null ? null : Number(r.cost_per_hour_avg),
      cost_per_hour_max:
        r.cost_per_hour_max === null ? null : Number(r.cost_per_hour_max),
      compliance_failures_max:
        r.compliance_failures_max === null
          ? null
          : Number(r.compliance_failures_max),
    }));
    await this.knex.transaction(async tx => {
      for (let i = 0; i < out.length; i += INSERT_CHUNK) {
        await tx(target)
          .insert(out.slice(i, i + INSERT_CHUNK))
          .onConflict(['cluster_ref', 'bucket_start'])
          .merge();
      }
    });
    return out.length;
  }
}
