import { Table, type ColumnConfig } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import { useMemo } from 'react';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { LoadError } from '../common/LoadError';
import { CLUSTER_ROW_HEIGHT } from '../clusters/ClustersTable';
import { clusterColumns } from '../clusters/clusterColumns';
import { withInsights, type ClusterWithInsights } from './clusterInsights';
import { insightColumns } from './insightColumns';
import { locatorOf } from './clusterRefs';
import { useClusterInsights } from './useClusterInsights';

/** Beyond this many rows an entity tab virtualises (a platform team may own hundreds). */
const VIRTUALIZE_FROM = 100;

/** What an entity's owners ask first: which cluster, its health, where, and what it costs. */
const COLUMN_IDS = ['name', 'verdict', 'cloud', 'environment'];

const columns: ColumnConfig<ClusterWithInsights>[] = [
  // Not sortable: an entity's handful of clusters come sorted by the list.
  ...clusterColumns
    .filter(c => COLUMN_IDS.includes(c.id))
    .map(c => ({ ...c, isSortable: false })),
  ...insightColumns,
];

const useStyles = makeStyles(theme => ({
  // The virtualised header is sticky; without a background the rows scroll through it.
  table: {
    '& .bui-TableHead': { backgroundColor: theme.palette.background.default },
  },
}));

/**
 * An entity's clusters with verdict, cost and compliance. Cost and compliance come from
 * their own requests; when one fails its column says so and the rows stay.
 */
export function EntityClustersTable({
  clusters,
}: {
  clusters: readonly ClusterSummary[];
}) {
  const classes = useStyles();
  const links = useMulticloudLinks();
  const { cost, compliance, costIndex, complianceIndex } = useClusterInsights();
  const rows = useMemo(
    () => withInsights(clusters, costIndex, complianceIndex),
    [clusters, costIndex, complianceIndex],
  );
  const many = clusters.length >= VIRTUALIZE_FROM;
  return (
    <>
      {costIndex.failed && cost.error && (
        <LoadError
          title="Could not load the cost; the Cost column is unavailable"
          error={cost.error}
          retry={cost.retry}
        />
      )}
      {complianceIndex.failed && compliance.error && (
        <LoadError
          title="Could not load compliance; the Compliance column is unavailable"
          error={compliance.error}
          retry={compliance.retry}
        />
      )}
      <Table<ClusterWithInsights>
        columnConfig={columns}
        data={rows}
        pagination={{ type: 'none' }}
        rowConfig={{
          getHref: c => {
            const { namespace, name, managementCluster } = locatorOf(c);
            return links.cluster(namespace, name, managementCluster);
          },
        }}
        virtualized={many ? { rowHeight: CLUSTER_ROW_HEIGHT } : undefined}
        style={many ? { height: 640 } : undefined}
        className={classes.table}
      />
    </>
  );
}
