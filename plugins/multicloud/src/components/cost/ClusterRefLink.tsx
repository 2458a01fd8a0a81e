import { Link } from '@backstage/core-components';
import type { ClusterRef } from '@internal/plugin-multicloud-common';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { parseClusterRef } from '../entity/clusterRefs';

/**
 * A cluster named by its ref: its name, linking to its detail page (on its management
 * cluster when the ref names one). A ref that is not a cluster's stays plain text.
 */
export function ClusterRefLink({ clusterRef }: { clusterRef: ClusterRef }) {
  const links = useMulticloudLinks();
  const cluster = parseClusterRef(clusterRef);
  const href =
    cluster &&
    links.cluster(cluster.namespace, cluster.name, cluster.managementCluster);
  return cluster && href ? (
    <Link to={href} title={clusterRef}>
      {cluster.name}
    </Link>
  ) : (
    <>{clusterRef}</>
  );
}
