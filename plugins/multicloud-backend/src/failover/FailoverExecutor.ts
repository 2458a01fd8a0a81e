import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { PlanStep } from '@internal/plugin-multicloud-common';
import type { LeaseStore } from './LeaseStore';
import type { ObjectClient } from './ObjectClient';
import {
  ACTIVE_RUN_STATUSES,
  type FailoverRun,
  type Fence,
  type RunStore,
} from './RunStore';
import {
  LeaseLostError,
  runStep,
  type Interruption,
  type StepOutcome,
} from './runStep';

export interface FailoverExecutorOptions {
  runs: RunStore;
  leases: LeaseStore;
  client: ObjectClient;
  auditor: AuditorService;
  logger: LoggerService;
  /** Identity in the lease table; unique per executor instance by default. */
  holder?: string;
  /** Lease lifetime; renewed every third of it while a run executes. Default 30 s. */
  leaseSeconds?: number;
  /** Poll interval of wait steps. Default 5 s. */
  pollMs?: number;
  now?: () => number;
}

/**
 * - `finished`: the run is in a final state (now or already);
 * - `busy`: another executor holds the cluster's lease;
 * - `interrupted`: this executor stopped or lost its lease; the run stays active and resumes
 *   wherever the lease is taken next;
 * - `missing`: no such run.
 */
export type ExecutionOutcome = 'finished' | 'busy' | 'interrupted' | 'missing';

/**
 * Executes runs step by step, each step recorded in the database and with the auditor.
 * One executor per cluster at a time (a database lease), so replicas sharing Postgres can all
 * offer to execute a run and exactly one does. A run interrupted anywhere (stop, crash, lost
 * lease) resumes from its first unfinished step; patch steps check "already done" first, so
 * nothing is applied twice.
 */
export class FailoverExecutor {
  private readonly inFlight = new Map<string, Promise<ExecutionOutcome>>();
  private readonly holder: string;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly options: FailoverExecutorOptions) {
    this.holder =
      options.holder ?? `${hostname()}:${process.pid}:${randomUUID()}`;
    this.leaseMs = (options.leaseSeconds ?? 30) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Executes the run unless this process already does (then joins it). */
  execute(runId: string): Promise<ExecutionOutcome> {
    if (this.stopped) return Promise.resolve('interrupted');
    const running = this.inFlight.get(runId);
    if (running) return running;
    const execution = this.executeWithLease(runId).finally(() =>
      this.inFlight.delete(runId),
    );
    this.inFlight.set(runId, execution);
    return execution;
  }

  /** Stops at the next step boundary or poll, leaving runs active for another executor. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async executeWithLease(runId: string): Promise<ExecutionOutcome> {
    const { runs, leases, logger } = this.options;
    const known = await runs.get(runId);
    if (!known) return 'missing';
    if (!ACTIVE_RUN_STATUSES.includes(known.status)) return 'finished';
    if (!(await leases.acquire(known.cluster, this.holder, this.leaseMs)))
      return 'busy';

    let lost = false;
    const renewal = setInterval(() => {
      leases.renew(known.cluster, this.holder, this.leaseMs).then(
        held => {
          lost ||= !held;
        },
        error =>
          logger.warn(
            `Failover run ${runId}: could not renew the lease of ${known.cluster}: ${error}`,
          ),
      );
    }, this.leaseMs / 3);
    renewal.unref?.();
    try {
      return await this.drive(
        runId,
        { cluster: known.cluster, holder: this.holder },
        async () => {
          if (lost || this.stopped) return 'halted';
          return (await runs.cancelRequested(runId)) ? 'cancelled' : undefined;
        },
      );
    } finally {
      clearInterval(renewal);
      if (!lost) await leases.release(known.cluster, this.holder);
    }
  }

  private async drive(
    runId: string,
    fence: Fence,
    interruption: () => Promise<Interruption | undefined>,
  ): Promise<ExecutionOutcome> {
    const { runs, logger } = this.options;
    // Re-read under the lease: another executor may have moved the run on meanwhile.
    if (!(await runs.markRunning(runId, this.now(), fence))) return 'finished';
    const run = (await runs.get(runId))!;
    for (const state of run.steps) {
      if (state.status === 'succeeded' || state.status === 'skipped') continue;
      const step = run.plan.steps[state.index];
      const why = await interruption();
      const outcome: StepOutcome = why
        ? { status: 'interrupted', why }
        : await this.audited(run, step, () =>
            runStep(step, {
              state,
              record: async fields => {
                if (
                  !(await runs.updateStep(runId, state.index, fields, fence))
                ) {
                  throw new LeaseLostError(
                    `lost the lease of ${fence.cluster}`,
                  );
                }
              },
              client: this.options.client,
              now: this.now,
              sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
              pollMs: this.options.pollMs ?? 5000,
              interruption,
            }),
          );
      if (outcome.status === 'interrupted') {
        if (outcome.why === 'halted') {
          logger.info(
            `Failover run ${runId}: interrupted at ${step.id}; it resumes there`,
          );
          return 'interrupted';
        }
        await runs.finish(
          runId,
          'cancelled',
          this.now(),
          `cancelled before ${step.id} completed`,
          fence,
        );
        logger.info(`Failover run ${runId} cancelled`);
        return 'finished';
      }
      if (outcome.status === 'failed') {
        await runs.finish(
          runId,
          'failed',
          this.now(),
          `${step.id}: ${outcome.error}`,
          fence,
        );
        logger.warn(
          `Failover run ${runId} failed at ${step.id}: ${outcome.error}`,
        );
        return 'finished';
      }
    }
    await runs.finish(runId, 'succeeded', this.now(), undefined, fence);
    logger.info(
      `Failover run ${runId} (${run.action} ${run.cluster} → ${run.target}) succeeded`,
    );
    return 'finished';
  }

  /** One auditor event per step execution: who, which cluster and step, and the patch. */
  private async audited(
    run: FailoverRun,
    step: PlanStep,
    execute: () => Promise<StepOutcome>,
  ): Promise<StepOutcome> {
    const event = await this.options.auditor.createEvent({
      eventId: 'failover-step',
      severityLevel: 'medium',
      meta: {
        actor: run.actor,
        cluster: run.cluster,
        target: run.target,
        run: run.id,
        action: run.action,
        step: step.id,
        patch: step.type === 'patch' ? step.patch : null,
      },
    });
    const outcome = await execute();
    if (outcome.status === 'failed') {
      await event.fail({ error: new Error(outcome.error) });
    } else if (outcome.status === 'interrupted') {
      await event.fail({ error: new Error(`interrupted (${outcome.why})`) });
    } else {
      await event.success({
        meta: { result: outcome.result, sent: outcome.patch ?? null },
      });
    }
    return outcome;
  }
}
