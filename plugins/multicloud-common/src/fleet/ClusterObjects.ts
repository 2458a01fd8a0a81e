import type { KubeObject } from '../model/kube';
import {
  describeObject,
  isCoreKind,
  namespaceOf,
  objectKey,
  refTarget,
  type ObjectKey,
} from './objects';
import { clusterClassKeyOf } from './references';

/**
 * The objects of one cluster sorted by role, with a key lookup to follow references
 * (machine templates, infrastructure machines and pools). Built once per cluster and
 * shared by the summary, the verdict and the condition tree.
 */
export interface ClusterObjects {
  cluster?: KubeObject;
  /** The infrastructure cluster (AWSCluster, AzureManagedCluster, ...), via `spec.infrastructureRef`. */
  infrastructure?: KubeObject;
  /** The control plane (KubeadmControlPlane, AWSManagedControlPlane, ...), via `spec.controlPlaneRef`. */
  controlPlane?: KubeObject;
  clusterClass?: KubeObject;
  machineDeployments: KubeObject[];
  machineSets: KubeObject[];
  machinePools: KubeObject[];
  machines: KubeObject[];
  machineHealthChecks: KubeObject[];
  byKey: ReadonlyMap<ObjectKey, KubeObject>;
  /** Problems found while sorting, e.g. two Cluster objects in one set. */
  problems: string[];
}

function isClusterObjects(
  input: ClusterObjects | readonly KubeObject[],
): input is ClusterObjects {
  return !Array.isArray(input);
}

export function toClusterObjects(
  input: ClusterObjects | readonly KubeObject[],
): ClusterObjects {
  return isClusterObjects(input) ? input : classifyClusterObjects(input);
}

/** `keys`, when the caller already has them (the fleet index), saves recomputing each object's key. */
export function classifyClusterObjects(
  objects: readonly KubeObject[],
  keys?: readonly ObjectKey[],
): ClusterObjects {
  const result: ClusterObjects = {
    machineDeployments: [],
    machineSets: [],
    machinePools: [],
    machines: [],
    machineHealthChecks: [],
    byKey: new Map(),
    problems: [],
  };
  const byKey = result.byKey as Map<ObjectKey, KubeObject>;

  for (let i = 0; i < objects.length; i++) {
    const obj = objects[i];
    if (!obj || typeof obj !== 'object') continue;
    const key = keys ? keys[i] : objectKey(obj);
    if (key) byKey.set(key, obj);
    if (isCoreKind(obj, 'Cluster')) {
      if (result.cluster) {
        result.problems.push(
          `more than one Cluster object: ${describeObject(
            result.cluster,
          )} and ${describeObject(obj)}`,
        );
      } else {
        result.cluster = obj;
      }
    } else if (isCoreKind(obj, 'MachineDeployment')) {
      result.machineDeployments.push(obj);
    } else if (isCoreKind(obj, 'MachineSet')) {
      result.machineSets.push(obj);
    } else if (isCoreKind(obj, 'MachinePool')) {
      result.machinePools.push(obj);
    } else if (isCoreKind(obj, 'Machine')) {
      result.machines.push(obj);
    } else if (isCoreKind(obj, 'MachineHealthCheck')) {
      result.machineHealthChecks.push(obj);
    }
  }

  const cluster = result.cluster;
  if (cluster) {
    const ns = namespaceOf(cluster);
    result.infrastructure = resolveRef(
      byKey,
      cluster.spec?.infrastructureRef,
      ns,
    );
    result.controlPlane = resolveRef(byKey, cluster.spec?.controlPlaneRef, ns);
    const classKey = clusterClassKeyOf(cluster);
    result.clusterClass = classKey ? byKey.get(classKey) : undefined;
  }
  return result;
}

export function resolveRef(
  byKey: ReadonlyMap<ObjectKey, KubeObject>,
  ref: unknown,
  namespace: string,
): KubeObject | undefined {
  const target = refTarget(ref, namespace);
  return target ? byKey.get(target.key) : undefined;
}
