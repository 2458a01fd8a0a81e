import { createApiRef } from '@backstage/frontend-plugin-api';
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
  /**
   * One cluster with its condition tree and machines; a `NotFoundError` (404) when missing or
   * not permitted, a 409 when the name exists on several management clusters and
   * `managementCluster` does not say which.
   */
  getCluster(
    namespace: string,
    name: string,
    managementCluster?: string,
  ): Promise<ClusterDetailResponse>;

  // Insights over the clusters the user may read: cost, compliance and metric history.
  /** Fleet cost with provenance, rolled up per cloud, region, team, environment and service. */
  getCost(): Promise<CostResponse>;
  /** Pass rates per cloud, team and environment, and every report with its evidence. */
  getCompliance(): Promise<ComplianceResponse>;
  /** A metric over time; a 400 when a user limited to their teams' clusters asks for the whole fleet. */
  getHistory(query: HistoryQuery): Promise<HistoryResponse>;

  // Placement and failover. Errors are `ResponseError`s: 400 names the field, 409 says why not.
  /** Ranked, explained candidates; a 400 lists every invalid field as `body.<field>: <rule>`. */
  evaluatePlacement(request: PlacementRequestInput): Promise<PlacementResponse>;
  /** Every declared failover policy the user may read, valid or not. */
  getFailoverPolicies(): Promise<FailoverPolicyReport[]>;
  /** Circuit breakers; with a cluster, only its breaker, with its transitions. */
  getFailoverBreakers(cluster?: string): Promise<FailoverBreakerView[]>;
  /** A dry run: the steps and patches a run would apply. Writes nothing. */
  planFailover(request: FailoverPlanRequest): Promise<FailoverPlan>;
  /** Starts a run (or returns the cluster's active run of the same action). */
  startFailover(request: FailoverPlanRequest): Promise<FailoverRunView>;
  /** Newest first; with a cluster, only its runs. */
  listFailoverRuns(cluster?: string): Promise<FailoverRunView[]>;
  getFailoverRun(id: string): Promise<FailoverRunView>;
  cancelFailoverRun(id: string): Promise<FailoverRunView>;
}

export const multicloudApiRef = createApiRef<MulticloudApi>().with({
  id: 'plugin.multicloud.api',
  pluginId: 'multicloud',
});
