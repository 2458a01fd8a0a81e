import { ContentHeader, Link } from '@backstage/core-components';
import { BreadcrumbEntry } from '@backstage/frontend-plugin-api';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { refOf, type ClusterLocator } from '../entity/clusterRefs';
import { ClusterDetail } from './ClusterDetail';

/**
 * `/multicloud/clusters/:namespace/:name`, with `?managementCluster=` when the fleet spans
 * several management clusters and the link names the cluster's.
 */
export function ClusterDetailPage() {
  const { namespace = '', name = '' } = useParams();
  const [params] = useSearchParams();
  const { pathname, search } = useLocation();
  const cluster: ClusterLocator = {
    namespace,
    name,
    managementCluster: params.get('managementCluster') ?? undefined,
  };
  const all = useMulticloudLinks().clusters();
  return (
    <BreadcrumbEntry entry={{ label: name, href: `${pathname}${search}` }}>
      <ContentHeader title={name} description={`Cluster ${refOf(cluster)}`}>
        {all && <Link to={all}>All clusters</Link>}
      </ContentHeader>
      {/* Keyed so another cluster starts from a clean state instead of showing the previous one. */}
      <ClusterDetail key={refOf(cluster)} {...cluster} />
    </BreadcrumbEntry>
  );
}
