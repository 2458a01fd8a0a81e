import type {
  FailoverPlan,
  FailoverRunStatus,
  FailoverRunView,
  FailoverStepExecution,
  MergePatch,
} from '@internal/plugin-multicloud-common';
import type { Knex } from 'knex';
import { toMs } from '../database/toMs';

const RUNS = 'multicloud_failover_runs';
const STEPS = 'multicloud_failover_run_steps';
const LEASES = 'multicloud_failover_leases';

export const ACTIVE_RUN_STATUSES: readonly FailoverRunStatus[] = [
  'pending',
  'running',
];

/** Execution state of one plan step (the definition is `plan.steps[index]`). */
export interface RunStepState extends FailoverStepExecution {
  /** The merge patch sent, with its resourceVersion precondition. */
  patch?: MergePatch;
  /** Restores the patched fields to their values before the first write (failback uses it). */
  revert?: MergePatch;
}

/** A run as stored: the whole plan, and the patches each step sent (the view leaves them out). */
export interface FailoverRun extends Omit<FailoverRunView, 'plan' | 'steps'> {
  plan: FailoverPlan;
  steps: RunStepState[];
}

/**
 * Fencing: an executor's writes only land while it still holds the cluster's lease, so one
 * that lost it (paused, partitioned) cannot overwrite what its successor recorded.
 */
export interface Fence {
  cluster: string;
  holder: string;
}

export type NewRun = Pick<
  FailoverRun,
  | 'id'
  | 'cluster'
  | 'target'
  | 'action'
  | 'actor'
  | 'mode'
  | 'plan'
  | 'createdAt'
>;

/** Runs as a persisted state machine: pending → running → succeeded | failed | cancelled. */
export class RunStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Creates a run with its steps pending, unless the cluster already has an active run: then
   * that run is returned with `created: false` (the unique active-cluster index decides, so
   * two replicas racing cannot both create one).
   */
  async create(run: NewRun): Promise<{ run: FailoverRun; created: boolean }> {
    const created = await this.knex.transaction(async tx => {
      await tx(RUNS)
        .insert({
          id: run.id,
          cluster_ref: run.cluster,
          target_ref: run.target,
          action: run.action,
          status: 'pending',
          active_cluster_ref: run.cluster,
          actor: run.actor,
          mode: run.mode,
          plan: JSON.stringify(run.plan),
          cancel_requested: false,
          created_at: run.createdAt,
        })
        .onConflict('active_cluster_ref')
        .ignore();
      const inserted = await tx(RUNS).where({ id: run.id }).first('id');
      if (!inserted) return false;
      if (run.plan.steps.length > 0) {
        await tx(STEPS).insert(
          run.plan.steps.map((step, index) => ({
            run_id: run.id,
            step_index: index,
            step_id: step.id,
            status: 'pending',
            attempts: 0,
          })),
        );
      }
      return true;
    });
    const stored = created
      ? await this.get(run.id)
      : await this.active(run.cluster);
    if (!stored)
      throw new Error(
        `run for ${run.cluster} vanished while it was being created`,
      );
    return { run: stored, created };
  }

  async get(id: string): Promise<FailoverRun | undefined> {
    const [run] = await this.load(this.knex(RUNS).where({ id }));
    return run;
  }

  async active(cluster: string): Promise<FailoverRun | undefined> {
    const [run] = await this.load(
      this.knex(RUNS).where({ active_cluster_ref: cluster }),
    );
    return run;
  }

  /** Newest first. */
  async list(
    filter: {
      cluster?: string;
      statuses?: readonly FailoverRunStatus[];
      limit?: number;
    } = {},
  ): Promise<FailoverRun[]> {
    let query = this.knex(RUNS).orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    if (filter.cluster) query = query.where({ cluster_ref: filter.cluster });
    if (filter.statuses) query = query.whereIn('status', filter.statuses);
    if (filter.limit) query = query.limit(filter.limit);
    return this.load(query);
  }

  /** pending → running (a resumed run stays running); false when the run is no longer active. */
  async markRunning(id: string, at: number, fence?: Fence): Promise<boolean> {
    const updated = await this.fenced(this.knex(RUNS), fence)
      .where({ id })
      .whereIn('status', ACTIVE_RUN_STATUSES)
      .update({
        status: 'running',
        started_at: this.knex.raw('coalesce(started_at, ?)', [at]),
      });
    return updated > 0;
  }

  /** Ends a run; steps that never ran are marked cancelled. */
  async finish(
    id: string,
    status: Exclude<FailoverRunStatus, 'pending' | 'running'>,
    at: number,
    error?: string,
    fence?: Fence,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      const updated = await this.fenced(tx(RUNS), fence, tx)
        .where({ id })
        .whereIn('status', ACTIVE_RUN_STATUSES)
        .update({
          status,
          active_cluster_ref: null,
          finished_at: at,
          error: error ?? null,
        });
      if (updated > 0) {
        await tx(STEPS)
          .where({ run_id: id })
          .whereIn('status', ['pending', 'running'])
          .update({ status: 'cancelled', finished_at: at });
      }
    });
  }

  /**
   * Cancels a pending run at once; asks the executor of a running run to stop at its next
   * step boundary or poll. Returns the run afterwards (unchanged when it had finished).
   */
  async cancel(id: string, at: number): Promise<FailoverRun | undefined> {
    const pending = await this.knex(RUNS)
      .where({ id, status: 'pending' })
      .update({
        status: 'cancelled',
        active_cluster_ref: null,
        finished_at: at,
        cancel_requested: true,
      });
    if (pending > 0) {
      await this.knex(STEPS)
        .where({ run_id: id, status: 'pending' })
        .update({ status: 'cancelled', finished_at: at });
    } else {
      await this.knex(RUNS)
        .where({ id, status: 'running' })
        .update({ cancel_requested: true });
    }
    return this.get(id);
  }

  async cancelRequested(id: string): Promise<boolean> {
    const row = await this.knex(RUNS).where({ id }).first('cancel_requested');
    return Boolean(row?.cancel_requested);
  }

  /** False when nothing was written (the fence no longer holds). */
  async updateStep(
    runId: string,
    index: number,
    fields: Partial<Omit<RunStepState, 'index' | 'stepId'>>,
    fence?: Fence,
  ): Promise<boolean> {
    const row: Record<string, unknown> = {};
    if (fields.status !== undefined) row.status = fields.status;
    if (fields.attempts !== undefined) row.attempts = fields.attempts;
    if (fields.patch !== undefined) row.patch = JSON.stringify(fields.patch);
    if (fields.revert !== undefined) row.revert = JSON.stringify(fields.revert);
    if (fields.result !== undefined) row.result = fields.result;
    if (fields.error !== undefined) row.error = fields.error;
    if (fields.startedAt !== undefined) row.started_at = fields.startedAt;
    if (fields.finishedAt !== undefined) row.finished_at = fields.finishedAt;
    const updated = await this.fenced(this.knex(STEPS), fence)
      .where({ run_id: runId, step_index: index })
      .update(row);
    return updated > 0;
  }

  private fenced(
    query: Knex.QueryBuilder,
    fence: Fence | undefined,
    knex: Knex = this.knex,
  ): Knex.QueryBuilder {
    return fence
      ? query.whereExists(
          knex(LEASES)
            .select('holder')
            .where({ cluster_ref: fence.cluster, holder: fence.holder }),
        )
      : query;
  }

  private async load(query: Knex.QueryBuilder): Promise<FailoverRun[]> {
    const rows: any[] = await query.select('*');
    if (rows.length === 0) return [];
    const stepRows: any[] = await this.knex(STEPS)
      .whereIn(
        'run_id',
        rows.map(r => r.id),
      )
      .orderBy(['run_id', 'step_index']);
    const stepsOf = new Map<string, RunStepState[]>();
    for (const s of stepRows) {
      const list = stepsOf.get(s.run_id) ?? [];
      list.push({
        index: Number(s.step_index),
        stepId: s.step_id,
        status: s.status,
        attempts: Number(s.attempts),
        ...(s.patch ? { patch: JSON.parse(s.patch) } : {}),
        ...(s.revert ? { revert: JSON.parse(s.revert) } : {}),
        ...(s.result ? { result: s.result } : {}),
        ...(s.error ? { error: s.error } : {}),
        ...(s.started_at !== null ? { startedAt: toMs(s.started_at) } : {}),
        ...(s.finished_at !== null ? { finishedAt: toMs(s.finished_at) } : {}),
      });
      stepsOf.set(s.run_id, list);
    }
    return rows.map(r => ({
      id: r.id,
      cluster: r.cluster_ref,
      target: r.target_ref,
      action: r.action,
      status: r.status,
      actor: r.actor,
      mode: r.mode,
      plan: JSON.parse(r.plan),
      cancelRequested: Boolean(r.cancel_requested),
      ...(r.error ? { error: r.error } : {}),
      createdAt: Number(r.created_at),
      ...(r.started_at !== null ? { startedAt: toMs(r.started_at) } : {}),
      ...(r.finished_at !== null ? { finishedAt: toMs(r.finished_at) } : {}),
      steps: stepsOf.get(r.id) ?? [],
    }));
  }
}
