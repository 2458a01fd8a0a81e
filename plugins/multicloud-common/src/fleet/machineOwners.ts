import { CAPI_LABELS } from '../model/labels';
import type { KubeObject } from '../model/kube';
import type { ClusterObjects } from './ClusterObjects';
import { hasLabel, labelOf, nameOf } from './objects';

/** Machines sorted by the object that owns them, as `clusterctl describe cluster` shows them. */
export interface MachinesByOwner {
  controlPlane: KubeObject[];
  /** MachineDeployment name → its machines (through their MachineSet). */
  deployments: Map<string, KubeObject[]>;
  /** MachinePool name → its machines (only providers with MachinePool Machines create them). */
  pools: Map<string, KubeObject[]>;
  /** Machines no control plane, deployment or pool claims. */
  other: KubeObject[];
}

function ownerName(obj: KubeObject, kind: string): string | undefined {
  const owners = obj.metadata?.ownerReferences;
  if (!Array.isArray(owners)) return undefined;
  const owner = owners.find(
    o => o?.kind === kind && typeof o.name === 'string',
  );
  return owner?.name;
}

export function machinesByOwner(objects: ClusterObjects): MachinesByOwner {
  const result: MachinesByOwner = {
    controlPlane: [],
    deployments: new Map(),
    pools: new Map(),
    other: [],
  };
  const deploymentNames = new Set(objects.machineDeployments.map(nameOf));
  const poolNames = new Set(objects.machinePools.map(nameOf));
  // MachineSet name → MachineDeployment name, for machines that only name their MachineSet.
  const setToDeployment = new Map<string, string>();
  for (const set of objects.machineSets) {
    const setName = nameOf(set);
    const deployment =
      labelOf(set, CAPI_LABELS.deploymentName) ??
      ownerName(set, 'MachineDeployment');
    if (setName && deployment) setToDeployment.set(setName, deployment);
  }
  const cpKind = objects.controlPlane?.kind;

  for (const machine of objects.machines) {
    if (
      hasLabel(machine, CAPI_LABELS.controlPlane) ||
      (cpKind && ownerName(machine, cpKind))
    ) {
      result.controlPlane.push(machine);
      continue;
    }
    const setName = ownerName(machine, 'MachineSet');
    const deployment =
      labelOf(machine, CAPI_LABELS.deploymentName) ??
      (setName ? setToDeployment.get(setName) : undefined);
    if (deployment && deploymentNames.has(deployment)) {
      push(result.deployments, deployment, machine);
      continue;
    }
    const pool =
      labelOf(machine, CAPI_LABELS.machinePoolName) ??
      ownerName(machine, 'MachinePool');
    if (pool && poolNames.has(pool)) {
      push(result.pools, pool, machine);
      continue;
    }
    result.other.push(machine);
  }
  return result;
}

function push(map: Map<string, KubeObject[]>, key: string, value: KubeObject) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
