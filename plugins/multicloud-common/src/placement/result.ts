import type { Cloud, KnownCloud } from '../model/cloud';
import type { ClusterRef } from '../model/kube';
import type { PlacementWeights, Prioritizer } from './config';
import type { LatencyTier } from './prioritizers/latency';
import type { PriceQuote } from '../cost/PriceBook';
import type { CostProvenance } from '../cost/provenance';
import type { PlacementRequest } from './request';

export const PLACEMENT_FILTERS = [
  'health',
  'environment',
  'compliance',
  'residency',
  'cloud',
  'capacity',
  'budget',
] as const;
export type PlacementFilter = (typeof PLACEMENT_FILTERS)[number];

export interface Rejection {
  filter: PlacementFilter;
  message: string;
}

export interface RejectedCluster {
  ref: ClusterRef;
  cloud: Cloud;
  region?: string;
  /** Every filter the cluster failed, in PLACEMENT_FILTERS order. */
  reasons: Rejection[];
}

export interface PrioritizerScore {
  prioritizer: Prioritizer;
  /** 0–100. */
  score: number;
  weight: number;
  /** weight × score / Σ weights: the contributions add up to the total score. */
  contribution: number;
  reason: string;
}

export interface PoolAllocation {
  pool: string;
  instanceType?: string;
  /** Replicas on idle capacity of existing nodes (free) and on new nodes. */
  replicasOnExistingNodes: number;
  replicasOnNewNodes: number;
  newNodes: number;
  price?: PriceQuote;
}

export interface HostingPlan {
  /** Marginal USD/h of the new nodes; null when a price is unknown. */
  costPerHour: number | null;
  provenance: CostProvenance;
  pools: PoolAllocation[];
}

export interface RankedCandidate {
  rank: number;
  ref: ClusterRef;
  cloud: Cloud;
  region?: string;
  /** Weighted total, 0–100. */
  score: number;
  scores: PrioritizerScore[];
  hosting: HostingPlan;
}

export interface NodeChoice {
  instanceType: string;
  nodes: number;
  price: PriceQuote;
}

/** The cheapest compliant way to host the request on a new (self-managed) cluster of one cloud. */
export interface NewClusterOption {
  cloud: KnownCloud;
  region: string;
  /** The residency rule that allows the region. */
  residencyRule: string;
  workers: NodeChoice;
  /** kubeadm control plane: 3 nodes in production, 1 otherwise. */
  controlPlane: NodeChoice;
  /** Workers + control plane, USD/h; null when a price is unknown. */
  costPerHour: number | null;
  provenance: CostProvenance;
  withinBudget: boolean;
  latency: LatencyTier;
}

export type PlacementRecommendation =
  | { kind: 'existing'; ref: ClusterRef }
  | { kind: 'new-cluster'; cloud: KnownCloud; region: string }
  | { kind: 'none'; reason: string };

export interface PlacementResult {
  request: PlacementRequest;
  /** The weights used: config defaults overridden by the request. */
  weights: PlacementWeights;
  /** Best first; ties broken by ref. */
  candidates: RankedCandidate[];
  /** Sorted by ref. */
  rejected: RejectedCluster[];
  /** Cheapest first; the recommendation when no existing cluster fits. */
  newClusters: NewClusterOption[];
  /** Allowed clouds without a new-cluster option, and why. */
  newClusterGaps: Array<{ cloud: KnownCloud; reason: string }>;
  recommendation: PlacementRecommendation;
}
