import { qualifyingManagementCluster } from '../fleet/clusterIdentity';
import type { ClusterSummary } from '../model/ClusterSummary';
import type { MergePatch, ObjectTarget } from './types';

const CAPI_GROUP = 'cluster.x-k8s.io';

/** The Cluster object itself, at the API version the fleet read it as. */
export function clusterTarget(cluster: ClusterSummary): ObjectTarget {
  return {
    apiVersion: `${CAPI_GROUP}/${cluster.apiVersion}`,
    kind: 'Cluster',
    namespace: cluster.namespace,
    name: cluster.name,
    ...holder(cluster),
  };
}

/**
 * A MachineDeployment of the cluster. CAPI serves every core kind at the same versions and
 * `spec.replicas`, annotations and `status.availableReplicas` mean the same in v1beta1 and
 * v1beta2, so the Cluster's version is used.
 */
export function machineDeploymentTarget(
  cluster: ClusterSummary,
  name: string,
): ObjectTarget {
  return {
    apiVersion: `${CAPI_GROUP}/${cluster.apiVersion}`,
    kind: 'MachineDeployment',
    namespace: cluster.namespace,
    name,
    ...holder(cluster),
  };
}

/** Where the objects live, when a namespace and name alone may exist on several management clusters. */
function holder(
  cluster: ClusterSummary,
): Pick<ObjectTarget, 'managementCluster'> {
  const managementCluster = qualifyingManagementCluster(cluster);
  return managementCluster ? { managementCluster } : {};
}

export function describeTarget(target: ObjectTarget): string {
  return `${target.kind} ${target.namespace}/${target.name}`;
}

export function annotationsPatch(
  annotations: Record<string, string | null>,
): MergePatch {
  return { metadata: { annotations } };
}
