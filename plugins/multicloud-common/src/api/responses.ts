import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterPage } from '../fleet/queryClusters';
import type { FleetSummary } from '../fleet/summarizeFleet';
import type { ConditionTreeNode } from '../health/conditionTree';
import type { MachineRow } from '../detail/machineRows';
import type {
  ClusterCost,
  ClusterCostSummary,
} from '../cost/estimateClusterCost';
import type {
  CostDimension,
  CostRollupRow,
  CostTotal,
} from '../cost/rollupCosts';
import type { ServiceCostRollup } from '../cost/rollupByService';
import type { ComplianceReport } from '../compliance/types';
import type { ComplianceRules } from '../compliance/rules';
import type {
  ComplianceGroupBy,
  ComplianceRates,
} from '../compliance/complianceRate';

/** Every fleet response says which fleet version it shows and whether that is stale. */
export interface FleetVersioned {
  version: number;
  stale: boolean;
}

/** `GET /fleet` */
export interface FleetResponse extends FleetVersioned {
  builtAt: string;
  summary: FleetSummary;
}

/** `GET /clusters` */
export type ClustersResponse = FleetVersioned & ClusterPage<ClusterSummary>;

/** `GET /clusters/:namespace/:name` */
export interface ClusterDetailResponse extends FleetVersioned {
  cluster: ClusterSummary;
  conditionTree: ConditionTreeNode;
  machines: MachineRow[];
  /** Null only when the cluster vanished between reads. */
  cost: ClusterCost | null;
  compliance: ComplianceReport | null;
}

/** `GET /cost` (fleet-wide): totals and roll-ups over the clusters the user may read. */
export interface CostResponse extends FleetVersioned {
  /** Date of the price snapshot. */
  priceDate: string;
  total: CostTotal;
  by: Record<CostDimension, CostRollupRow[]>;
  /** Per service, or why not (the catalog being unavailable does not fail the request). */
  services: ServiceCostRollup | { error: string };
  clusters: ClusterCostSummary[];
}

/** `GET /compliance`: pass rates per cloud, team and environment, and every readable report. */
export interface ComplianceResponse extends FleetVersioned {
  rules: ComplianceRules;
  rates: Record<ComplianceGroupBy, ComplianceRates>;
  reports: ComplianceReport[];
}

export type HistoryMetric =
  | 'cost_per_hour'
  | 'machines_running'
  | 'machines_total'
  | 'compliance_failures'
  | 'verdicts';
export type HistoryStep = 'raw' | 'hour' | 'day';
export type HistoryGroupBy = 'cloud' | 'owner' | 'environment';

/** `GET /history` parameters; times in epoch milliseconds. */
export interface HistoryQuery {
  metric: HistoryMetric;
  /** `namespace/name`; without it, the fleet (only for users who may read every cluster). */
  cluster?: string;
  from?: number;
  to?: number;
  step?: HistoryStep | 'auto';
  /** Fleet-wide series only. */
  groupBy?: HistoryGroupBy;
}

export interface HistoryPoint {
  /** Bucket start, epoch milliseconds. */
  t: number;
  /** Null when some cluster's value is unknown in this bucket: never a silent 0. */
  value: number | null;
  /** For `verdicts`: cluster-samples per verdict in the bucket. */
  verdicts?: {
    healthy: number;
    degraded: number;
    unhealthy: number;
    other: number;
  };
}

export interface HistorySeries {
  /** The group (cloud, owner, environment), the cluster ref, or `fleet`. */
  key: string;
  points: HistoryPoint[];
}

/** `GET /history` */
export interface HistoryResponse {
  metric: HistoryMetric;
  step: HistoryStep;
  from: number;
  to: number;
  series: HistorySeries[];
}
