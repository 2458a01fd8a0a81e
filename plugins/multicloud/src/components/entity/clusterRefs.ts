import type { Entity } from '@backstage/catalog-model';
import {
  MULTICLOUD_CATALOG_ANNOTATIONS,
  clusterFromEntityName,
  clusterRef,
  qualifyingManagementCluster,
  qualifiedClusterRef,
  type ClusterRef,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';

/** Where a cluster is: the parameters of its detail URL and of `GET /clusters/:namespace/:name`. */
export interface ClusterLocator {
  /** Only when the fleet spans several management clusters (a name may then exist on two). */
  managementCluster?: string;
  namespace: string;
  name: string;
}

/** `namespace/name`, or `managementCluster/namespace/name` in a fleet of several. */
export function parseClusterRef(ref: ClusterRef): ClusterLocator | undefined {
  const parts = ref.split('/');
  if (parts.some(part => !part)) return undefined;
  if (parts.length === 2) return { namespace: parts[0], name: parts[1] };
  if (parts.length === 3) {
    return { managementCluster: parts[0], namespace: parts[1], name: parts[2] };
  }
  return undefined;
}

/** The inverse of `parseClusterRef`: the ref a locator names. */
export function refOf({
  managementCluster,
  namespace,
  name,
}: ClusterLocator): ClusterRef {
  return managementCluster
    ? qualifiedClusterRef(managementCluster, namespace, name)
    : clusterRef(namespace, name);
}

/** A listed cluster's locator: it names its management cluster only when its ref does. */
export function locatorOf(
  cluster: Pick<
    ClusterSummary,
    'ref' | 'namespace' | 'name' | 'managementCluster'
  >,
): ClusterLocator {
  const { namespace, name } = cluster;
  const managementCluster = qualifyingManagementCluster(cluster);
  return managementCluster
    ? { managementCluster, namespace, name }
    : { namespace, name };
}

/** The CAPI cluster a Resource entity stands for: its annotation, else its name. */
export function clusterOfEntity(
  entity: Pick<Entity, 'metadata'>,
): ClusterLocator {
  const annotated =
    entity.metadata.annotations?.[MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef];
  return (
    (annotated && parseClusterRef(annotated)) ||
    clusterFromEntityName(entity.metadata.name)
  );
}
