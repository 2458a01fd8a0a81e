import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterDetailResponse,
  ClusterQuery,
  ClustersResponse,
  FleetResponse,
  FleetStatus,
} from '@internal/plugin-multicloud-common';

/** Liveness of the multicloud backend plugin. */
export interface MulticloudHealth {
  status: 'ok';
}

/** The multicloud backend as the frontend sees it. */
export interface MulticloudApi {
  getHealth(): Promise<MulticloudHealth>;
  /** Sync state of the management clusters: why data is stale. */
  getStatus(): Promise<FleetStatus>;
  /** Counts for the whole fleet and per cloud. */
  getFleet(): Promise<FleetResponse>;
  /** Filtered, sorted, paged clusters with facet counts. */
  listClusters(query?: ClusterQuery): Promise<ClustersResponse>;
  /** One cluster with its condition tree and machines; a `NotFoundError` (404) when missing or not permitted. */
  getCluster(namespace: string, name: string): Promise<ClusterDetailResponse>;
}

export const multicloudApiRef = createApiRef<MulticloudApi>().with({
  id: 'plugin.multicloud.api',
  pluginId: 'multicloud',
});
