import { Table, type SortDescriptor } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { memo, useMemo, type CSSProperties, type ReactNode } from 'react';
import {
  CLUSTER_SORT_KEYS,
  type ClusterSortKey,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { locatorOf } from '../entity/clusterRefs';
import { clusterColumns, type ClusterRow } from './clusterColumns';

/** Two text lines per cell; fixed so the virtualiser computes positions without measuring. */
export const CLUSTER_ROW_HEIGHT = 64;

export interface ClusterSort {
  key: ClusterSortKey;
  order: 'asc' | 'desc';
}

const useStyles = makeStyles(theme => ({
  // The virtualised header is sticky; without a background the rows scroll through it.
  table: {
    '& .bui-TableHead': { backgroundColor: theme.palette.background.default },
  },
}));

/**
 * One row object per cluster object. The table caches each row's rendering by its object, so
 * when the list narrows (a keystroke in the search) the rows still shown are not rendered again.
 */
const rows = new WeakMap<ClusterSummary, ClusterRow>();

function rowOf(cluster: ClusterSummary): ClusterRow {
  let row = rows.get(cluster);
  if (!row) {
    row = { ...cluster, id: cluster.ref };
    rows.set(cluster, row);
  }
  return row;
}

function isSortKey(column: unknown): column is ClusterSortKey {
  return (CLUSTER_SORT_KEYS as readonly unknown[]).includes(column);
}

/**
 * Clusters as a table; a row click or Enter opens the cluster. `virtualized` keeps only the
 * visible rows in the DOM (give it a bounded `style.height`); small lists render plainly.
 * Memoised: the table builds a collection node for every row, not only the visible ones, so
 * a parent's re-render (a keystroke in the search box) must not rebuild it when nothing changed.
 */
export const ClustersTable = memo(function ClustersTableView({
  clusters,
  isPending,
  isStale,
  sort,
  onSortChange,
  virtualized,
  style,
  emptyState,
}: {
  clusters: readonly ClusterSummary[] | undefined;
  isPending?: boolean;
  isStale?: boolean;
  sort?: ClusterSort;
  onSortChange?: (sort: ClusterSort) => void;
  virtualized?: boolean;
  style?: CSSProperties;
  emptyState?: ReactNode;
}) {
  const classes = useStyles();
  const links = useMulticloudLinks();
  const data = useMemo(() => clusters?.map(rowOf), [clusters]);
  // New columns clear the table's row cache: depend on whether it sorts, not on the callback.
  const sortable = !!onSortChange;
  const columns = useMemo(
    () =>
      clusterColumns.map(c => ({
        ...c,
        isSortable: sortable && c.isSortable,
      })),
    [sortable],
  );

  return (
    <Table<ClusterRow>
      columnConfig={columns}
      data={data}
      isPending={isPending}
      isStale={isStale}
      pagination={{ type: 'none' }}
      sort={
        onSortChange
          ? {
              descriptor: sort
                ? {
                    column: sort.key,
                    direction:
                      sort.order === 'desc' ? 'descending' : 'ascending',
                  }
                : null,
              onSortChange: (d: SortDescriptor) => {
                if (isSortKey(d.column)) {
                  onSortChange({
                    key: d.column,
                    order: d.direction === 'descending' ? 'desc' : 'asc',
                  });
                }
              },
            }
          : undefined
      }
      rowConfig={{
        getHref: c => {
          const { namespace, name, managementCluster } = locatorOf(c);
          return links.cluster(namespace, name, managementCluster);
        },
      }}
      virtualized={virtualized ? { rowHeight: CLUSTER_ROW_HEIGHT } : undefined}
      style={style}
      className={classes.table}
      emptyState={emptyState}
    />
  );
});
