import {
  ClusterObjects,
  resolveRef,
  toClusterObjects,
} from '../fleet/ClusterObjects';
import { keyOf, namespaceOf } from '../fleet/objects';
import { controlPlaneTemplateRef } from '../fleet/references';
import type { KubeObject } from '../model/kube';

/** A worker pool object (MachineDeployment or MachinePool) and the infrastructure it points at. */
export interface PoolObjects {
  pool: KubeObject;
  /** Machine template (MachineDeployment) or infrastructure machine pool (MachinePool). */
  infrastructure?: KubeObject;
}

/** The fleet's view of a cluster's objects, plus the references the checks follow. */
export interface ComplianceObjects {
  cluster?: KubeObject;
  infrastructure?: KubeObject;
  controlPlane?: KubeObject;
  controlPlaneMachineTemplate?: KubeObject;
  workerPools: PoolObjects[];
  machineHealthChecks: KubeObject[];
  /** Any object of the set by kind, name and namespace (e.g. a shared AzureClusterIdentity). */
  find(kind: string, name: string, namespace: string): KubeObject | undefined;
}

export function complianceObjects(
  input: ClusterObjects | readonly KubeObject[],
): ComplianceObjects {
  const objects = toClusterObjects(input);
  const follow = (from: KubeObject | undefined, ref: unknown) =>
    from ? resolveRef(objects.byKey, ref, namespaceOf(from)) : undefined;
  const pools = [...objects.machineDeployments, ...objects.machinePools];
  return {
    cluster: objects.cluster,
    infrastructure: objects.infrastructure,
    controlPlane: objects.controlPlane,
    controlPlaneMachineTemplate:
      objects.controlPlane &&
      follow(
        objects.controlPlane,
        controlPlaneTemplateRef(objects.controlPlane),
      ),
    workerPools: pools.map(pool => ({
      pool,
      infrastructure: follow(
        pool,
        pool.spec?.template?.spec?.infrastructureRef,
      ),
    })),
    machineHealthChecks: objects.machineHealthChecks,
    find: (kind, name, namespace) =>
      objects.byKey.get(keyOf(kind, namespace, name)),
  };
}
