import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  clusterQueryToParams,
  type ClusterDetailResponse,
  type ClusterQuery,
  type ClustersResponse,
  type FleetResponse,
  type FleetStatus,
} from '@internal/plugin-multicloud-common';
import type { MulticloudApi, MulticloudHealth } from './MulticloudApi';

/** Talks to `/api/multicloud` through the app's discovery and (authenticated) fetch. */
export class MulticloudClient implements MulticloudApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getHealth(): Promise<MulticloudHealth> {
    return this.get('/health');
  }

  getStatus(): Promise<FleetStatus> {
    return this.get('/status');
  }

  getFleet(): Promise<FleetResponse> {
    return this.get('/fleet');
  }

  listClusters(query: ClusterQuery = {}): Promise<ClustersResponse> {
    // The same parameter names the browser URL uses, so the backend validates one vocabulary.
    const params = clusterQueryToParams(query).toString();
    return this.get(params ? `/clusters?${params}` : '/clusters');
  }

  getCluster(namespace: string, name: string): Promise<ClusterDetailResponse> {
    return this.get(
      `/clusters/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('multicloud');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
