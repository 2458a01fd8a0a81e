import type { ClusterSummary } from '../model/ClusterSummary';
import { clusterRef, type ClusterRef } from '../model/kube';

/**
 * A cluster's ref when the fleet spans several management clusters:
 * `<managementCluster>/<namespace>/<name>`. Two management clusters may each hold a
 * `default/prod`; the management cluster keeps them apart. With a single management
 * cluster refs stay `namespace/name`, so history, failover policies and catalog names of
 * existing deployments do not move.
 */
export function qualifiedClusterRef(
  managementCluster: string,
  namespace: string,
  name: string,
): ClusterRef {
  return `${managementCluster}/${clusterRef(namespace, name)}`;
}

/**
 * The management cluster a cluster's identity names: set when its ref is qualified (the
 * fleet spans several management clusters), undefined when `namespace/name` alone is its ref.
 */
export function qualifyingManagementCluster(
  cluster: Pick<
    ClusterSummary,
    'ref' | 'namespace' | 'name' | 'managementCluster'
  >,
): string | undefined {
  return cluster.ref !== clusterRef(cluster.namespace, cluster.name)
    ? cluster.managementCluster
    : undefined;
}

export type ClusterLookup =
  | { kind: 'found'; cluster: ClusterSummary }
  | { kind: 'ambiguous'; managementClusters: string[] }
  | { kind: 'not-found' };

/**
 * The cluster a `namespace/name` URL means. Unique names resolve on their own; a name that
 * exists on several management clusters needs `managementCluster`, and the answer lists
 * the candidates so the caller can say which to pick. Only clusters `visible` admits are
 * candidates; it is asked about the clusters of that name alone (it may be a permission
 * check).
 */
export function findCluster(
  clusters: readonly ClusterSummary[],
  query: { namespace: string; name: string; managementCluster?: string },
  visible: (cluster: ClusterSummary) => boolean = () => true,
): ClusterLookup {
  const matches = clusters.filter(
    c =>
      c.namespace === query.namespace &&
      c.name === query.name &&
      (query.managementCluster === undefined ||
        c.managementCluster === query.managementCluster) &&
      visible(c),
  );
  if (matches.length === 1) return { kind: 'found', cluster: matches[0] };
  if (matches.length === 0) return { kind: 'not-found' };
  return {
    kind: 'ambiguous',
    managementClusters: matches.map(c => c.managementCluster ?? '').sort(),
  };
}
