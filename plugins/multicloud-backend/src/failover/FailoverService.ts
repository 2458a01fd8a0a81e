import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  declaresFailoverPolicy,
  evaluateFailoverPolicy,
  planFailback,
  planFailover,
  type ClusterSummary,
  type ComplianceRules,
  type FailoverAction,
  type FailoverPlan,
  type FailoverPolicyReport,
  type InstanceSpecs,
  type PlanRefusal,
  type PlanResult,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { FailoverConfig } from './failoverConfig';
import type { FailoverExecutor } from './FailoverExecutor';
import { recordedChanges } from './recordedChanges';
import {
  ACTIVE_RUN_STATUSES,
  type FailoverRun,
  type RunStore,
} from './RunStore';

export interface PlanRequest {
  /** The primary, `namespace/name`. */
  cluster: string;
  /** Failover: the standby (default: the policy's first valid target). Failback: must match the recorded standby. */
  target?: string;
  action: FailoverAction;
  /** Add the Istio locality-failover GitOps change as a described step. */
  istioLocalityFailover?: boolean;
}

/** The planner said no; `explicitTarget` when the caller named the target that was refused. */
export class PlanRefusedError extends Error {
  name = 'PlanRefusedError';
  constructor(
    readonly refusals: PlanRefusal[],
    readonly explicitTarget: boolean,
  ) {
    super(refusals.map(r => r.reason).join('; '));
  }
}

export interface FailoverServiceOptions {
  fleet: FleetService;
  runs: RunStore;
  executor: FailoverExecutor;
  specs: InstanceSpecs;
  rules: ComplianceRules;
  config: FailoverConfig;
  logger: LoggerService;
  now?: () => number;
}

/** Policies, dry-run plans and runs: what the routes and the scheduled tasks share. */
export class FailoverService {
  private readonly now: () => number;

  constructor(private readonly options: FailoverServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  policy(cluster: ClusterSummary): FailoverPolicyReport | undefined {
    const { fleet, rules, config } = this.options;
    return evaluateFailoverPolicy(
      cluster,
      ref => fleet.getCluster(ref),
      rules,
      config.defaults,
    );
  }

  /** Every declared policy, valid or not, with its reasons. */
  policies(
    clusters: readonly ClusterSummary[] = this.options.fleet.getFleet()
      .clusters,
  ): FailoverPolicyReport[] {
    return clusters.filter(declaresFailoverPolicy).map(c => this.policy(c)!);
  }

  /** A dry run: reads the fleet and the run history, writes nothing anywhere. */
  async plan(request: PlanRequest, actor: string): Promise<FailoverPlan> {
    const { fleet, runs, specs, rules, config } = this.options;
    const primary = fleet.getCluster(request.cluster);
    if (!primary) {
      throw new NotFoundError(`cluster ${request.cluster} not found`);
    }
    // Changes of failover runs not failed back yet: failback reverses them, a retried failover sizes from them.
    const recorded = recordedChanges(await runs.list({ cluster: primary.ref }));
    const common = {
      stepTimeoutSeconds: config.stepTimeoutSeconds,
      istioLocalityFailover: request.istioLocalityFailover,
      recorded: recorded.changes,
    };
    let result: PlanResult;
    if (request.action === 'failover') {
      const standby = request.target ?? this.policyTarget(primary);
      result = planFailover(primary, standby, fleet.getCluster(standby), {
        ...common,
        specs,
        rules,
        actor,
        at: new Date(this.now()).toISOString(),
      });
    } else if (
      request.target &&
      recorded.standby &&
      request.target !== recorded.standby
    ) {
      const reason = `the failover of ${primary.ref} moved traffic to ${recorded.standby}; failback reverses that`;
      result = { ok: false, refusals: [{ kind: 'target', reason }] };
    } else {
      const standby = recorded.standby ?? request.target ?? '';
      result = planFailback(
        primary,
        standby,
        fleet.getCluster(standby),
        common,
      );
    }
    if (!result.ok) {
      throw new PlanRefusedError(result.refusals, request.target !== undefined);
    }
    return result.plan;
  }

  /**
   * Starts a run and its execution, unless the cluster has an active run: then that run is
   * returned (`created: false`) when it is the same action, and a conflict otherwise.
   */
  async startRun(
    request: PlanRequest,
    actor: string,
    mode: FailoverRun['mode'],
  ): Promise<{ run: FailoverRun; created: boolean }> {
    const { runs, executor, logger } = this.options;
    const active = await runs.active(request.cluster);
    let result: { run: FailoverRun; created: boolean };
    if (active) {
      result = { run: active, created: false };
    } else {
      const plan = await this.plan(request, actor);
      result = await runs.create({
        id: randomUUID(),
        cluster: request.cluster,
        target: plan.standby,
        action: request.action,
        actor,
        mode,
        plan,
        createdAt: this.now(),
      });
    }
    if (result.run.action !== request.action) {
      throw new ConflictError(
        `${request.cluster} has an active ${result.run.action} run ${result.run.id}; cancel it or wait for it to finish`,
      );
    }
    if (result.created) {
      executor
        .execute(result.run.id)
        .catch(error =>
          logger.error(`Failover run ${result.run.id}: ${error}`),
        );
    }
    return result;
  }

  getRun(id: string): Promise<FailoverRun | undefined> {
    return this.options.runs.get(id);
  }

  listRuns(cluster?: string): Promise<FailoverRun[]> {
    return this.options.runs.list({ cluster, limit: 200 });
  }

  /** Cancels a pending run, or asks the executor of a running one to stop; 409 when it already finished. */
  async cancel(id: string): Promise<FailoverRun> {
    const { runs } = this.options;
    const run = await runs.get(id);
    if (!run) throw new NotFoundError(`failover run ${id} not found`);
    if (run.status === 'cancelled') return run;
    if (!ACTIVE_RUN_STATUSES.includes(run.status))
      throw new ConflictError(`failover run ${id} already ${run.status}`);
    return (await runs.cancel(id, this.now()))!;
  }

  /** Offers every active run to the executor (after a restart, or a replica that died). */
  async resumeActiveRuns(): Promise<number> {
    const active = await this.options.runs.list({
      statuses: ACTIVE_RUN_STATUSES,
    });
    for (const run of active) {
      this.options.executor
        .execute(run.id)
        .catch(error =>
          this.options.logger.error(`Failover run ${run.id}: ${error}`),
        );
    }
    return active.length;
  }

  private policyTarget(primary: ClusterSummary): string {
    const policy = this.policy(primary);
    if (!policy) {
      throw new ConflictError(
        `${primary.ref} declares no failover policy; name a target`,
      );
    }
    if (!policy.target) {
      const reasons = [
        ...policy.problems,
        ...policy.targets.flatMap(t => t.reasons),
      ];
      throw new ConflictError(
        `${primary.ref} has no usable failover target: ${reasons.join('; ')}`,
      );
    }
    return policy.target;
  }
}
