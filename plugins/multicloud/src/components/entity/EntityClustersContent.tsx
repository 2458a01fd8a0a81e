import { useEntity } from '@backstage/plugin-catalog-react';
import { OwnedClusters } from './OwnedClusters';
import { DependedOnClustersView } from './DependedOnClustersView';

/**
 * The "Clusters" tab of a Component, System or Group: the clusters it depends on, or for a
 * Group, the clusters whose owner label is the group.
 */
export function EntityClustersContent() {
  const { entity } = useEntity();
  return entity.kind.toLocaleLowerCase('en-US') === 'group' ? (
    <OwnedClusters owner={entity.metadata.name} />
  ) : (
    <DependedOnClustersView entity={entity} />
  );
}
