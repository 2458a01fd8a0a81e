import { ContentHeader, WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  CLUSTER_FACETS,
  clusterQueryToParams,
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
import { ClustersTable, type ClusterSort } from './ClustersTable';
import { narrowClusters } from './narrowClusters';

const TABLE_STYLE = { height: 'max(480px, calc(100vh - 420px))' };

function hasFilters(query: ClusterQuery): boolean {
  return !!query.text || CLUSTER_FACETS.some(f => (query[f]?.length ?? 0) > 0);
}

function clusterCount(shown: number, total: number): string {
  return shown === total
    ? `${shown} clusters`
    : `${shown} of ${total} clusters`;
}

/** `/multicloud/clusters`: every cluster, filtered, searched and sorted from the URL. */
export function ClustersPage() {
  const { query, invalid, setQuery } = useClusterQueryState();
  const list = useClusterList(query);
  const response = list.value;
  const filtered = hasFilters(query);

  // The search box runs ahead of the URL (debounced): narrow the rows on screen meanwhile.
  const [typed, setTyped] = useState(query.text ?? '');
  // The query the response on screen answers (an earlier one while a new query loads); it can
  // be narrowed only while everything but the search is the same as in the URL.
  const others = clusterQueryToParams({ ...query, text: undefined }).toString();
  const answered = useRef({ text: query.text, others });
  if (response && !list.outdated)
    answered.current = { text: query.text, others };
  const sameFilters = answered.current.others === others;
  const answeredText = answered.current.text;
  const narrowed = useMemo(
    () =>
      sameFilters ? narrowClusters(response, answeredText, typed) : undefined,
    [response, sameFilters, answeredText, typed],
  );

  // Stable props: the (memoised) table re-renders only when one of them changes.
  const sort = useMemo<ClusterSort>(
    () => ({ key: query.sort ?? 'name', order: query.order ?? 'asc' }),
    [query.sort, query.order],
  );
  const onSortChange = useCallback(
    (next: ClusterSort) =>
      setQuery({ ...query, sort: next.key, order: next.order }),
    [query, setQuery],
  );
  const emptyState = useMemo(
    () => (
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
    ),
    [response?.stale, filtered],
  );

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
            onTyping={setTyped}
          />
        </Box>
        <Typography variant="body2" color="textSecondary" role="status">
          {response &&
            clusterCount(
              narrowed?.length ?? response.total,
              response.unfilteredTotal,
            )}
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
        clusters={narrowed ?? response?.items}
        isPending={list.loading}
        isStale={list.outdated && !narrowed}
        sort={sort}
        onSortChange={onSortChange}
        virtualized
        style={TABLE_STYLE}
        emptyState={emptyState}
      />
    </>
  );
}
