import { EmptyState } from '@backstage/core-components';

/**
 * The empty state of a fleet view: why a filter matches nothing, or why there is nothing
 * at all (no clusters, or the backend has not finished reading the management cluster).
 */
export function NoClusters({
  stale,
  filtered,
}: {
  stale: boolean | undefined;
  /** Set when filters narrow the view: what to say instead. */
  filtered?: { title: string; description: string };
}) {
  if (filtered) {
    return (
      <EmptyState
        missing="data"
        title={filtered.title}
        description={filtered.description}
      />
    );
  }
  return stale ? (
    <EmptyState
      missing="data"
      title="No clusters known yet"
      description="The portal has not finished reading the management cluster; the banner above has its sync state."
    />
  ) : (
    <EmptyState
      missing="data"
      title="No clusters yet"
      description="The management cluster has no Cluster API clusters, or you may not see any."
    />
  );
}
