import type { ComplianceRules } from '../compliance/rules';
import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';
import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  MULTICLOUD_ANNOTATIONS,
} from '../model/labels';
import {
  FAILED_OVER_STATE,
  FAILOVER_RECORD_ANNOTATIONS,
  TRAFFIC_WEIGHT,
} from './annotations';
import {
  planCapacity,
  scalablePools,
  standbyBaseline,
  type InstanceSpecs,
} from './capacity';
import { istioLocalityStep, patchStep } from './steps';
import { targetProblems } from './targetProblems';
import {
  annotationsPatch,
  clusterTarget,
  machineDeploymentTarget,
} from './targets';
import type {
  CapacityPlan,
  PlanResult,
  PlanStep,
  RecordedChange,
} from './types';

export interface FailoverPlanOptions {
  specs: InstanceSpecs;
  rules: ComplianceRules;
  /** Who fails over (a user entity ref, or the plugin for automatic runs): written on the primary. */
  actor: string;
  /** ISO time written on the primary. */
  at: string;
  stepTimeoutSeconds: number;
  /** Add the Istio locality-failover change as a described GitOps step. */
  istioLocalityFailover?: boolean;
  /**
   * Changes of earlier failover runs of this primary not failed back yet (a failed or cancelled
   * attempt): the standby is sized from the values they replaced, not grown a second time.
   */
  recorded?: readonly RecordedChange[];
}

/**
 * Plans moving `primary`'s traffic to `standbyRef`:
 *  1. scale the standby's autoscaled MachineDeployments to add the primary's capacity, and
 *     raise their autoscaler min-size so the new nodes stay;
 *  2. wait until the standby reports them available;
 *  3. shift traffic weights: standby 100 first, then primary 0 (never both 0);
 *  4. mark the primary failed over, with who, when and to where.
 * Refused, with every reason, when the standby is not a valid target or even its autoscaler
 * maximum cannot cover the primary: landing the primary's traffic on a standby too small for
 * it would take the standby down too, so the plan never caps silently.
 */
export function planFailover(
  primary: ClusterSummary,
  standbyRef: ClusterRef,
  standby: ClusterSummary | undefined,
  options: FailoverPlanOptions,
): PlanResult {
  const { stepTimeoutSeconds: timeoutSeconds } = options;
  if (
    primary.annotations[MULTICLOUD_ANNOTATIONS.failoverState] ===
    FAILED_OVER_STATE
  ) {
    return refuse(
      'state',
      `${primary.ref} is already failed over; fail back first`,
    );
  }
  const problems = targetProblems(primary, standbyRef, standby, options.rules);
  if (problems.length > 0 || !standby) {
    return {
      ok: false,
      refusals: problems.map(reason => ({ kind: 'target', reason })),
    };
  }
  const capacity = planCapacity(
    primary,
    standby,
    options.specs,
    standbyBaseline(standby, options.recorded ?? []),
  );
  if (capacity.added < capacity.needed) {
    return refuse('capacity', shortfall(standby, capacity));
  }

  const steps: PlanStep[] = [];
  const scaled = capacity.pools.filter(p => p.nodesAdded > 0);
  for (const pool of scaled) {
    steps.push(
      patchStep({
        action: 'scale-standby',
        title: `Scale ${standby.ref} ${pool.name} from ${pool.replicasBefore} to ${pool.replicasAfter} nodes (autoscaler min ${pool.minBefore} → ${pool.minAfter}, max ${pool.max})`,
        doneWhen: `spec.replicas is ${pool.replicasAfter} and ${CAPI_AUTOSCALER_ANNOTATIONS.minSize} is ${pool.minAfter}`,
        target: machineDeploymentTarget(standby, pool.name),
        patch: {
          metadata: {
            annotations: {
              [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: String(pool.minAfter),
            },
          },
          spec: { replicas: pool.replicasAfter },
        },
        timeoutSeconds,
      }),
    );
  }
  if (scaled.length > 0) {
    steps.push({
      id: `wait-standby:${standby.ref}`,
      type: 'wait',
      action: 'wait-standby',
      title: `Wait until ${scaled
        .map(p => `${p.name} has ${p.replicasAfter}`)
        .join(', ')} available nodes on ${standby.ref}`,
      doneWhen:
        'status.availableReplicas reaches the target on every scaled MachineDeployment',
      timeoutSeconds,
      targets: scaled.map(p => ({
        target: machineDeploymentTarget(standby, p.name),
        availableReplicas: p.replicasAfter,
      })),
    });
  }
  for (const [cluster, weight] of [
    [standby, TRAFFIC_WEIGHT.active],
    [primary, TRAFFIC_WEIGHT.drained],
  ] as const) {
    steps.push(
      patchStep({
        action: 'shift-traffic',
        title: `Set the traffic weight of ${cluster.ref} to ${weight}`,
        doneWhen: `${MULTICLOUD_ANNOTATIONS.trafficWeight} is ${weight}`,
        target: clusterTarget(cluster),
        patch: annotationsPatch({
          [MULTICLOUD_ANNOTATIONS.trafficWeight]: weight,
        }),
        timeoutSeconds,
      }),
    );
  }
  if (options.istioLocalityFailover) {
    steps.push(
      istioLocalityStep(
        'istio-locality-failover',
        primary,
        standby,
        timeoutSeconds,
      ),
    );
  }
  steps.push(
    patchStep({
      action: 'mark-primary',
      title: `Mark ${primary.ref} failed over to ${standby.ref}`,
      doneWhen: `${MULTICLOUD_ANNOTATIONS.failoverState} is ${FAILED_OVER_STATE} with the run's who, when and where`,
      target: clusterTarget(primary),
      patch: annotationsPatch({
        [MULTICLOUD_ANNOTATIONS.failoverState]: FAILED_OVER_STATE,
        [FAILOVER_RECORD_ANNOTATIONS.by]: options.actor,
        [FAILOVER_RECORD_ANNOTATIONS.at]: options.at,
        [FAILOVER_RECORD_ANNOTATIONS.to]: standby.ref,
      }),
      timeoutSeconds,
    }),
  );
  return {
    ok: true,
    plan: {
      action: 'failover',
      primary: primary.ref,
      standby: standby.ref,
      capacity,
      steps,
      warnings: warnings(primary, standby, capacity),
    },
  };
}

function refuse(kind: 'state' | 'capacity', reason: string): PlanResult {
  return { ok: false, refusals: [{ kind, reason }] };
}

function shortfall(standby: ClusterSummary, capacity: CapacityPlan): string {
  const unit = capacity.unit === 'vcpu' ? 'vCPU' : 'nodes';
  const pools = capacity.pools
    .map(p => `${p.name} ${p.replicasBefore}/${p.max}`)
    .join(', ');
  return (
    `${standby.ref} cannot cover the primary: it needs ${capacity.needed} ${unit} more but its autoscaler maximum allows ` +
    `only ${capacity.added} (${
      pools || 'no MachineDeployment with autoscaler bounds'
    }); raise ` +
    `${CAPI_AUTOSCALER_ANNOTATIONS.maxSize} in GitOps or choose another target`
  );
}

function warnings(
  primary: ClusterSummary,
  standby: ClusterSummary,
  capacity: CapacityPlan,
): string[] {
  const out: string[] = [];
  if (primary.health.verdict === 'healthy') {
    out.push(`${primary.ref} is healthy: this is a planned failover`);
  }
  if (capacity.unit === 'nodes')
    out.push(`capacity compared by ${capacity.basis}`);
  if (capacity.needed === 0)
    out.push(
      `${primary.ref} has no worker capacity to cover; only traffic moves`,
    );
  const fixed = standby.workerPools.filter(
    p => !scalablePools(standby).some(s => s.name === p.name),
  );
  if (fixed.length > 0) {
    out.push(
      `not scaled (no autoscaler bounds or a MachinePool): ${fixed
        .map(p => p.name)
        .join(', ')}`,
    );
  }
  return out;
}
