import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterDetail } from '../detail/ClusterDetail';
import { clusterOfEntity } from './clusterRefs';

/** The "Cluster" tab of a `kubernetes-cluster` Resource: the same detail as the plugin page. */
export function EntityClusterContent() {
  const { entity } = useEntity();
  const { namespace, name } = clusterOfEntity(entity);
  return (
    <ClusterDetail
      key={`${namespace}/${name}`}
      namespace={namespace}
      name={name}
    />
  );
}
