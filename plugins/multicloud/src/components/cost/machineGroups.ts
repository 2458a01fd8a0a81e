import type {
  ClusterSummary,
  CostLine,
} from '@internal/plugin-multicloud-common';

/**
 * The machine groups a cost line pays for: the control plane and the worker pools whose
 * instance type is the line's (a managed control plane's fee is the control plane's own).
 */
export function machineGroupsOf(
  line: CostLine,
  cluster: ClusterSummary,
): string[] {
  if (line.kind === 'control-plane') return ['control plane'];
  if (!line.instanceType) return [];
  const groups: string[] = [];
  if (cluster.controlPlane?.instanceType === line.instanceType) {
    groups.push('control plane');
  }
  for (const pool of cluster.workerPools) {
    if (pool.instanceType === line.instanceType) groups.push(pool.name);
  }
  return groups;
}
