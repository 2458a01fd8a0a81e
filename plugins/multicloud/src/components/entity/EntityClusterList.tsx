import { EmptyState, Progress } from '@backstage/core-components';
import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import type { ReactNode } from 'react';
import { LoadError } from '../common/LoadError';
import { StaleBanner } from '../common/StaleBanner';
import { ClustersTable } from '../clusters/ClustersTable';

/** Beyond this many rows an entity tab virtualises too (a platform team may own hundreds). */
const VIRTUALIZE_FROM = 100;

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
  const many = (clusters?.length ?? 0) >= VIRTUALIZE_FROM;
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
        <ClustersTable
          clusters={clusters}
          virtualized={many}
          style={many ? { height: 640 } : undefined}
        />
      )}
      {children}
    </>
  );
}
