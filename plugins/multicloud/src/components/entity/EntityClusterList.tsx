import { EmptyState, Progress } from '@backstage/core-components';
import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import type { ReactNode } from 'react';
import { LoadError } from '../common/LoadError';
import { StaleBanner } from '../common/StaleBanner';
import { EntityClustersTable } from './EntityClustersTable';

/** Loading, error, stale and empty states around the clusters of an entity. */
export function EntityClusterList({
  clusters,
  stale,
  loading,
  error,
  retry,
  emptyTitle,
  emptyDescription,
  children,
}: {
  clusters: readonly ClusterSummary[] | undefined;
  stale: boolean | undefined;
  loading: boolean;
  error?: Error;
  retry: () => void;
  emptyTitle: string;
  emptyDescription: string;
  /** Notes under the table. */
  children?: ReactNode;
}) {
  if (loading) return <Progress />;
  return (
    <>
      <StaleBanner stale={stale} />
      {error && (
        <LoadError
          title="Could not load the clusters"
          error={error}
          retry={retry}
        />
      )}
      {clusters && clusters.length === 0 && (
        <EmptyState
          missing="data"
          title={emptyTitle}
          description={emptyDescription}
        />
      )}
      {clusters && clusters.length > 0 && (
        <EntityClustersTable clusters={clusters} />
      )}
      {children}
    </>
  );
}
