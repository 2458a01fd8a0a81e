import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterPage } from '../fleet/queryClusters';
import type { FleetSummary } from '../fleet/summarizeFleet';
import type { ConditionTreeNode } from '../health/conditionTree';
import type { MachineRow } from '../detail/machineRows';
import type { ClusterCost } from '../cost/estimateClusterCost';
import type { ComplianceReport } from '../compliance/types';

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
