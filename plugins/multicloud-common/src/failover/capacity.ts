import type {
  ClusterSummary,
  WorkerPoolSummary,
} from '../model/ClusterSummary';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../model/labels';
import type { CapacityPlan, MergePatch, RecordedChange } from './types';

/** The part of the price book capacity planning needs. */
export interface InstanceSpecs {
  specOf(
    cloud: ClusterSummary['cloud'],
    instanceType: string,
  ): { vcpu: number } | undefined;
}

/** A standby pool failover may resize: a MachineDeployment under the cluster autoscaler. */
type ScalablePool = WorkerPoolSummary & {
  autoscaler: { min: number; max: number };
};

/**
 * Only MachineDeployments with autoscaler bounds are scaled: without bounds there is no
 * maximum to respect, and their replicas are usually owned by GitOps, whose next sync would
 * undo the change. MachinePools (AKS/GKE node pools) are scaled by their managed autoscaler.
 */
export function scalablePools(cluster: ClusterSummary): ScalablePool[] {
  return cluster.workerPools
    .filter(
      (p): p is ScalablePool =>
        p.kind === 'MachineDeployment' && p.autoscaler !== undefined,
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A standby pool's size before an earlier, unfinished failover changed it (from that run's record). */
export interface PoolBaseline {
  replicas?: number;
  min?: number;
}

/**
 * The pre-failover sizes of `standby`'s pools that recorded failover runs changed: the oldest
 * record of each pool wins, since it holds the values from before any run.
 */
export function standbyBaseline(
  standby: ClusterSummary,
  recorded: readonly RecordedChange[],
): Record<string, PoolBaseline> {
  const baseline: Record<string, PoolBaseline> = {};
  for (const { action, target, revert } of recorded) {
    if (
      action !== 'scale-standby' ||
      target.namespace !== standby.namespace ||
      baseline[target.name]
    )
      continue;
    const replicas = (revert.spec as MergePatch | undefined)?.replicas;
    const min = (
      (revert.metadata as MergePatch | undefined)?.annotations as
        | MergePatch
        | undefined
    )?.[CAPI_AUTOSCALER_ANNOTATIONS.minSize];
    baseline[target.name] = {
      ...(typeof replicas === 'number' ? { replicas } : {}),
      ...(typeof min === 'string' && /^\d+$/.test(min)
        ? { min: Number(min) }
        : {}),
    };
  }
  return baseline;
}

/**
 * How much the standby must grow: the primary's worker capacity (desired replicas) on top of
 * what the standby runs now, since it keeps serving its own workloads. Measured in vCPU when
 * the price book knows every instance type involved, else in nodes. Pools are filled in name
 * order up to their autoscaler maximum; `added < needed` means even the maximum cannot cover
 * the primary. `baseline` (by pool name) replaces the current size of pools an earlier failover
 * run already grew, so retrying a failover does not add the primary's capacity twice; a pool
 * that grew further since is never shrunk.
 */
export function planCapacity(
  primary: ClusterSummary,
  standby: ClusterSummary,
  specs: InstanceSpecs,
  baseline: Readonly<Record<string, PoolBaseline>> = {},
): CapacityPlan {
  const primaryPools = primary.workerPools.filter(p => p.replicas.desired > 0);
  const pools = scalablePools(standby);
  const vcpuOf = (cluster: ClusterSummary, pool: WorkerPoolSummary) =>
    pool.instanceType
      ? specs.specOf(cluster.cloud, pool.instanceType)?.vcpu
      : undefined;
  const unknown = [
    ...primaryPools
      .filter(p => !vcpuOf(primary, p))
      .map(p => `${primary.ref} pool ${p.name}`),
    ...pools
      .filter(p => !vcpuOf(standby, p))
      .map(p => `${standby.ref} pool ${p.name}`),
  ];
  const unit = unknown.length === 0 ? 'vcpu' : 'nodes';
  const basis =
    unit === 'vcpu'
      ? 'vCPU per node from the price book instance specs'
      : `node count: no instance spec for ${unknown.join(', ')}`;
  const perNode = (cluster: ClusterSummary, pool: WorkerPoolSummary) =>
    unit === 'vcpu' ? vcpuOf(cluster, pool)! : 1;

  const needed = primaryPools.reduce(
    (sum, p) => sum + p.replicas.desired * perNode(primary, p),
    0,
  );
  let remaining = needed;
  const planned = pools.map(pool => {
    const size = perNode(standby, pool);
    const before = baseline[pool.name]?.replicas ?? pool.replicas.desired;
    const minBefore = baseline[pool.name]?.min ?? pool.autoscaler.min;
    const headroom = Math.max(0, pool.autoscaler.max - before);
    const nodesAdded =
      remaining > 0 ? Math.min(headroom, Math.ceil(remaining / size)) : 0;
    remaining -= nodesAdded * size;
    return {
      name: pool.name,
      ...(pool.instanceType ? { instanceType: pool.instanceType } : {}),
      perNode: size,
      nodesAdded,
      replicasBefore: before,
      replicasAfter: Math.max(pool.replicas.desired, before + nodesAdded),
      minBefore,
      // Raised so the autoscaler does not scale the new nodes away before traffic arrives.
      minAfter: Math.max(minBefore, before + nodesAdded),
      max: pool.autoscaler.max,
    };
  });
  const added = planned.reduce((sum, p) => sum + p.nodesAdded * p.perNode, 0);
  return { unit, basis, needed, added, pools: planned };
}
