import { ContentHeader, Link } from '@backstage/core-components';
import { BreadcrumbEntry } from '@backstage/frontend-plugin-api';
import { useLocation, useParams } from 'react-router-dom';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { ClusterDetail } from './ClusterDetail';

/** `/multicloud/clusters/:namespace/:name` */
export function ClusterDetailPage() {
  const { namespace = '', name = '' } = useParams();
  const { pathname } = useLocation();
  const all = useMulticloudLinks().clusters();
  return (
    <BreadcrumbEntry entry={{ label: name, href: pathname }}>
      <ContentHeader title={name} description={`Cluster ${namespace}/${name}`}>
        {all && <Link to={all}>All clusters</Link>}
      </ContentHeader>
      {/* Keyed so another cluster starts from a clean state instead of showing the previous one. */}
      <ClusterDetail
        key={`${namespace}/${name}`}
        namespace={namespace}
        name={name}
      />
    </BreadcrumbEntry>
  );
}
