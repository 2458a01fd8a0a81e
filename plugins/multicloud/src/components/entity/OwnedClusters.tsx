import { useApi } from '@backstage/frontend-plugin-api';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { MAX_CLUSTERS } from '../../hooks/useClusterList';
import { usePolling } from '../../hooks/usePolling';
import { EntityClusterList } from './EntityClusterList';

/** A Group's clusters: owner label `multicloud.io/owner: <group name>`. */
export function OwnedClusters({ owner }: { owner: string }) {
  const api = useApi(multicloudApiRef);
  const { value, loading, error, retry } = usePolling(
    () =>
      api.listClusters({
        owner: [owner],
        sort: 'verdict',
        limit: MAX_CLUSTERS,
      }),
    [api, owner],
  );
  return (
    <EntityClusterList
      clusters={value?.items}
      stale={value?.stale}
      loading={loading}
      error={error}
      retry={retry}
      emptyTitle="This group owns no clusters"
      emptyDescription={`No cluster carries the label multicloud.io/owner: ${owner}.`}
    />
  );
}
