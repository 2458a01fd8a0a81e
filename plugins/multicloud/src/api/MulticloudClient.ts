import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ComplianceResponse,
  CostResponse,
  HistoryQuery,
  HistoryResponse,
} from '@internal/plugin-multicloud-common';
import type {
  FailoverBreakerView,
  FailoverPlan,
  FailoverPlanRequest,
  FailoverPolicyReport,
  FailoverRunView,
  PlacementRequestInput,
  PlacementResponse,
} from '@internal/plugin-multicloud-common';
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

  getCluster(
    namespace: string,
    name: string,
    managementCluster?: string,
  ): Promise<ClusterDetailResponse> {
    const path = `/clusters/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}`;
    return this.get(
      managementCluster
        ? `${path}?${new URLSearchParams({ managementCluster })}`
        : path,
    );
  }

  getCost(): Promise<CostResponse> {
    return this.get('/cost');
  }

  getCompliance(): Promise<ComplianceResponse> {
    return this.get('/compliance');
  }

  getHistory(query: HistoryQuery): Promise<HistoryResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    return this.get(`/history?${params}`);
  }

  evaluatePlacement(
    request: PlacementRequestInput,
  ): Promise<PlacementResponse> {
    return this.post('/placement/evaluate', request);
  }

  async getFailoverPolicies(): Promise<FailoverPolicyReport[]> {
    return (
      await this.get<{ policies: FailoverPolicyReport[] }>('/failover/policies')
    ).policies;
  }

  async getFailoverBreakers(cluster?: string): Promise<FailoverBreakerView[]> {
    return (
      await this.get<{ breakers: FailoverBreakerView[] }>(
        withCluster('/failover/breakers', cluster),
      )
    ).breakers;
  }

  async planFailover(request: FailoverPlanRequest): Promise<FailoverPlan> {
    return (await this.post<{ plan: FailoverPlan }>('/failover/plan', request))
      .plan;
  }

  async startFailover(request: FailoverPlanRequest): Promise<FailoverRunView> {
    return (
      await this.post<{ run: FailoverRunView }>('/failover/runs', request)
    ).run;
  }

  async listFailoverRuns(cluster?: string): Promise<FailoverRunView[]> {
    return (
      await this.get<{ runs: FailoverRunView[] }>(
        withCluster('/failover/runs', cluster),
      )
    ).runs;
  }

  async getFailoverRun(id: string): Promise<FailoverRunView> {
    return (
      await this.get<{ run: FailoverRunView }>(
        `/failover/runs/${encodeURIComponent(id)}`,
      )
    ).run;
  }

  async cancelFailoverRun(id: string): Promise<FailoverRunView> {
    return (
      await this.post<{ run: FailoverRunView }>(
        `/failover/runs/${encodeURIComponent(id)}/cancel`,
      )
    ).run;
  }

  private post<T>(path: string, body?: unknown): Promise<T> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  }

  private get<T>(path: string): Promise<T> {
    return this.request(path);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('multicloud');
    const url = `${baseUrl}${path}`;
    // A GET is a plain `fetch(url)`: no init object to carry.
    const response = await (init
      ? this.deps.fetchApi.fetch(url, init)
      : this.deps.fetchApi.fetch(url));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function withCluster(path: string, cluster?: string): string {
  return cluster ? `${path}?cluster=${encodeURIComponent(cluster)}` : path;
}
