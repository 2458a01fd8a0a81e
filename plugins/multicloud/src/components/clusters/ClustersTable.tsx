import { Table, type SortDescriptor } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import {
  CLUSTER_SORT_KEYS,
  type ClusterSortKey,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
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

function isSortKey(column: unknown): column is ClusterSortKey {
  return (CLUSTER_SORT_KEYS as readonly unknown[]).includes(column);
}

/**
 * Clusters as a table; a row click or Enter opens the cluster. `virtualized` keeps only the
 * visible rows in the DOM (give it a bounded `style.height`); small lists render plainly.
 */
export function ClustersTable({
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
  const rows = useMemo(
    () => clusters?.map(c => ({ ...c, id: c.ref })),
    [clusters],
  );
  const columns = useMemo(
    () =>
      clusterColumns.map(c => ({
        ...c,
        isSortable: !!onSortChange && c.isSortable,
      })),
    [onSortChange],
  );

  return (
    <Table<ClusterRow>
      columnConfig={columns}
      data={rows}
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
      rowConfig={{ getHref: c => links.cluster(c.namespace, c.name) }}
      virtualized={virtualized ? { rowHeight: CLUSTER_ROW_HEIGHT } : undefined}
      style={style}
      className={classes.table}
      emptyState={emptyState}
    />
  );
}
