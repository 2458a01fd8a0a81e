import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import {
  clusterQueryToParams,
  type ClusterQuery,
} from '@internal/plugin-multicloud-common';
import {
  clusterDetailRouteRef,
  clustersRouteRef,
  rootRouteRef,
} from '../routes';

export interface MulticloudLinks {
  overview(query?: ClusterQuery): string | undefined;
  clusters(query?: ClusterQuery): string | undefined;
  /** With `managementCluster` when the fleet spans several: a name may exist on two. */
  cluster(
    namespace: string,
    name: string,
    managementCluster?: string,
  ): string | undefined;
}

function withQuery(path: string, query?: ClusterQuery): string {
  const params = query ? clusterQueryToParams(query).toString() : '';
  return params ? `${path}?${params}` : path;
}

/**
 * Links into the multicloud pages, from the plugin's own pages and from entity tabs.
 * Undefined when the pages are not mounted in this app (render plain text then).
 */
export function useMulticloudLinks(): MulticloudLinks {
  const root = useRouteRef(rootRouteRef);
  const clusters = useRouteRef(clustersRouteRef);
  const detail = useRouteRef(clusterDetailRouteRef);
  return useMemo(
    () => ({
      overview: query => root && withQuery(root(), query),
      clusters: query => clusters && withQuery(clusters(), query),
      cluster: (namespace, name, managementCluster) => {
        const path = detail?.({ namespace, name });
        return path && managementCluster
          ? `${path}?${new URLSearchParams({ managementCluster })}`
          : path;
      },
    }),
    [root, clusters, detail],
  );
}
