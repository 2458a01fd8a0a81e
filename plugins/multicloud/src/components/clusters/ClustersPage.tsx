import { ContentHeader, WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  CLUSTER_FACETS,
  type ClusterQuery,
} from '@internal/plugin-multicloud-common';
import { MAX_CLUSTERS, useClusterList } from '../../hooks/useClusterList';
import { useClusterQueryState } from '../../hooks/useClusterQueryState';
import { LoadError } from '../common/LoadError';
import { MyTeamToggle } from '../common/MyTeamToggle';
import { NoClusters } from '../common/NoClusters';
import { StaleBanner } from '../common/StaleBanner';
import { ClusterFilters } from './ClusterFilters';
import { ClusterSearchField } from './ClusterSearchField';
import { ClustersTable } from './ClustersTable';

function hasFilters(query: ClusterQuery): boolean {
  return !!query.text || CLUSTER_FACETS.some(f => (query[f]?.length ?? 0) > 0);
}

/** `/multicloud/clusters`: every cluster, filtered, searched and sorted from the URL. */
export function ClustersPage() {
  const { query, invalid, setQuery } = useClusterQueryState();
  const list = useClusterList(query);
  const response = list.value;
  const filtered = hasFilters(query);

  return (
    <>
      <ContentHeader
        title="Clusters"
        description="Every Cluster API cluster the management clusters know"
      >
        <MyTeamToggle
          owners={query.owner}
          onChange={owner => setQuery({ ...query, owner })}
        />
      </ContentHeader>
      {invalid && (
        <Box mb={2}>
          <WarningPanel
            severity="info"
            title="This link has a filter the portal does not understand; showing all clusters"
            message={invalid}
          />
        </Box>
      )}
      <StaleBanner stale={response?.stale} />
      {list.error && (
        <LoadError
          title="Could not list the clusters"
          error={list.error}
          retry={list.retry}
        />
      )}
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={2}
        style={{ gap: 16 }}
      >
        <Box flex="1 1 320px" maxWidth={480}>
          <ClusterSearchField
            value={query.text}
            onChange={text => setQuery({ ...query, text }, { replace: true })}
          />
        </Box>
        <Typography variant="body2" color="textSecondary" role="status">
          {response &&
            (response.total === response.unfilteredTotal
              ? `${response.total} clusters`
              : `${response.total} of ${response.unfilteredTotal} clusters`)}
        </Typography>
        {filtered && (
          <Button
            size="small"
            onClick={() => setQuery({ sort: query.sort, order: query.order })}
          >
            Clear filters
          </Button>
        )}
      </Box>
      <ClusterFilters
        facets={response?.facets}
        query={query}
        onChange={setQuery}
      />
      {response && response.total > response.items.length && (
        <Box mb={2}>
          <WarningPanel
            severity="info"
            title={`Showing the first ${MAX_CLUSTERS} of ${response.total} clusters`}
            message="Narrow the filters to see the rest."
          />
        </Box>
      )}
      <ClustersTable
        clusters={response?.items}
        isPending={list.loading}
        isStale={list.outdated}
        sort={
          query.sort
            ? { key: query.sort, order: query.order ?? 'asc' }
            : { key: 'name', order: 'asc' }
        }
        onSortChange={sort =>
          setQuery({ ...query, sort: sort.key, order: sort.order })
        }
        virtualized
        style={{ height: 'max(480px, calc(100vh - 420px))' }}
        emptyState={
          <NoClusters
            stale={response?.stale}
            filtered={
              filtered
                ? {
                    title: 'No cluster matches these filters',
                    description: 'Remove a filter or change the search.',
                  }
                : undefined
            }
          />
        }
      />
    </>
  );
}
