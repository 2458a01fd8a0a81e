import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterDetail } from '../detail/ClusterDetail';
import { clusterOfEntity, refOf } from './clusterRefs';

/** The "Cluster" tab of a `kubernetes-cluster` Resource: the same detail as the plugin page. */
export function EntityClusterContent() {
  const { entity } = useEntity();
  const cluster = clusterOfEntity(entity);
  return <ClusterDetail key={refOf(cluster)} {...cluster} />;
}
