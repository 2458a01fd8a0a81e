import type { Entity } from '@backstage/catalog-model';
import { WarningPanel } from '@backstage/core-components';
import { EntityClusterList } from './EntityClusterList';
import { useDependedOnClusters } from './useDependedOnClusters';

/** A Component's or System's clusters: its `dependsOn` relations to cluster Resources. */
export function DependedOnClustersView({ entity }: { entity: Entity }) {
  const { value, loading, error, retry } = useDependedOnClusters(entity);
  return (
    <EntityClusterList
      clusters={value?.clusters}
      stale={value?.stale}
      loading={loading}
      error={error}
      retry={retry}
      emptyTitle="No clusters"
      emptyDescription={`Add a dependsOn entry to a kubernetes-cluster Resource (for example resource:default/<cluster>) in this ${entity.kind}'s catalog-info.yaml.`}
    >
      {value && value.missing.length > 0 && (
        <WarningPanel
          severity="info"
          title="Some dependencies name clusters the fleet does not have"
          message={`${value.missing.join(
            ', ',
          )}: not on any management cluster, or you may not see them.`}
        />
      )}
    </EntityClusterList>
  );
}
