import { useApi } from '@backstage/frontend-plugin-api';
import { useRef } from 'react';
import {
  clusterQueryToParams,
  type ClusterQuery,
  type ClustersResponse,
} from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../api/MulticloudApi';
import { usePolling, type Polled } from './usePolling';

/** The backend's page limit: the whole filtered list of any realistic fleet in one request. */
export const MAX_CLUSTERS = 5000;

/**
 * The full filtered and sorted list (not a page): the table virtualises rendering, so
 * 2,000 rows scroll without paging round trips. Refreshes ask for `limit=0` first (facets
 * and the fleet version, a few hundred bytes) and download the list again only when the
 * fleet version changed.
 */
export function useClusterList(
  query: ClusterQuery,
): Polled<ClustersResponse> & { outdated: boolean } {
  const api = useApi(multicloudApiRef);
  const key = clusterQueryToParams(query).toString();
  const last = useRef<{ key: string; response: ClustersResponse }>();

  const polled = usePolling(async () => {
    const full = { ...query, offset: 0, limit: MAX_CLUSTERS };
    const previous =
      last.current?.key === key ? last.current.response : undefined;
    if (previous) {
      const probe = await api.listClusters({ ...full, limit: 0 });
      if (probe.version === previous.version) {
        if (probe.stale !== previous.stale) {
          last.current = { key, response: { ...previous, stale: probe.stale } };
        }
        // The same object when nothing changed, so a 2,000-row table does not re-render.
        return last.current!.response;
      }
    }
    const response = await api.listClusters(full);
    last.current = { key, response };
    return response;
  }, [api, key]);
  // The list shown answers an earlier query (the filters just changed): dim it, don't blank it.
  return { ...polled, outdated: !!polled.value && last.current?.key !== key };
}
