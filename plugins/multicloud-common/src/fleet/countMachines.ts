import type { ControlPlaneSummary } from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import { machinesByOwner } from './machineOwners';
import { instanceTypeOf } from './providers';
import { currentReplicasOf } from './replicas';
import { follow, type SummaryContext } from './SummaryContext';
import type { WorkerPool } from './summarizeWorkerPools';

/** Key for machines whose instance type no object states (priced as unknown, never as 0). */
export const UNKNOWN_INSTANCE_TYPE = 'unknown';

export interface MachineCounts {
  byInstanceType: Record<string, number>;
  byPhase: Record<string, number>;
}

/**
 * Machines by instance type (what is billed) and by phase.
 *
 * By instance type, per group (control plane, each pool): the Machine objects when the
 * group has any (each priced by its own infrastructure machine when listed, else by the
 * group's template); otherwise the group's current replicas (managed node pools have no
 * Machine objects; topology pools not generated yet count their desired replicas).
 * Managed control planes have no machines: they are a fee.
 * By phase: Machine objects only (`Unknown` when a machine reports no phase).
 */
export function countMachines(
  ctx: SummaryContext,
  controlPlane: ControlPlaneSummary | undefined,
  pools: readonly WorkerPool[],
): MachineCounts {
  const byInstanceType: Record<string, number> = {};
  const add = (type: string | undefined, n: number) => {
    if (n <= 0) return;
    const key = type || UNKNOWN_INSTANCE_TYPE;
    byInstanceType[key] = (byInstanceType[key] ?? 0) + n;
  };
  const machineType = (m: KubeObject) =>
    instanceTypeOf(follow(ctx, m, m.spec?.infrastructureRef), ctx.reader);
  const addGroup = (
    machines: KubeObject[] | undefined,
    type: string | undefined,
    fallback: number,
  ) => {
    if (machines && machines.length > 0)
      machines.forEach(m => add(machineType(m) ?? type, 1));
    else add(type, fallback);
  };

  const owners = machinesByOwner(ctx.objects);
  if (controlPlane?.managed === 'self') {
    const cp = ctx.objects.controlPlane;
    addGroup(
      owners.controlPlane,
      controlPlane.instanceType,
      cp ? currentReplicasOf(cp, ctx.reader) : controlPlane.replicas.desired,
    );
  }
  for (const pool of pools) {
    const machines =
      pool.kind === 'MachineDeployment'
        ? owners.deployments.get(pool.name)
        : owners.pools.get(pool.name);
    addGroup(
      machines,
      pool.instanceType,
      pool.object
        ? currentReplicasOf(pool.object, ctx.reader)
        : pool.replicas.desired,
    );
  }
  owners.other.forEach(m => add(machineType(m), 1));

  const byPhase: Record<string, number> = {};
  for (const machine of ctx.objects.machines) {
    const phase = ctx.reader.str(machine, 'status.phase') || 'Unknown';
    byPhase[phase] = (byPhase[phase] ?? 0) + 1;
  }
  return { byInstanceType, byPhase };
}
