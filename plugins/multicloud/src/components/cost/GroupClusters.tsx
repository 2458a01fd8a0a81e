import { Link } from '@backstage/core-components';
import type {
  ClusterQuery,
  ClusterRef,
} from '@internal/plugin-multicloud-common';
import { Fragment } from 'react';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { ClusterRefLink } from './ClusterRefLink';
import type { Grouping } from './grouping';

const LISTED = 5;

/**
 * A group's clusters: "3 clusters" linking to the Clusters table filtered to the group (cloud,
 * team, environment), or the clusters by name when the table has no such filter (services).
 */
export function GroupClusters({
  by,
  groupKey,
  clusters,
  owners,
}: {
  by: Grouping;
  groupKey: string;
  clusters: readonly ClusterRef[];
  /** "My team": kept in the link so the table shows what the row counts. */
  owners?: readonly string[];
}) {
  const links = useMulticloudLinks();
  const count = `${clusters.length} ${
    clusters.length === 1 ? 'cluster' : 'clusters'
  }`;
  if (by !== 'service') {
    const query: ClusterQuery = {
      ...(owners?.length ? { owner: owners } : {}),
      [by]: [groupKey],
    };
    const href = links.clusters(query);
    return href ? <Link to={href}>{count}</Link> : <>{count}</>;
  }
  const rest = clusters.length - LISTED;
  return (
    <>
      {clusters.slice(0, LISTED).map((ref, i) => (
        <Fragment key={ref}>
          {i > 0 && ', '}
          <ClusterRefLink clusterRef={ref} />
        </Fragment>
      ))}
      {rest > 0 && `, +${rest} more`}
    </>
  );
}
