import type { ComplianceSeverity } from '../compliance/types';

export const PRIORITIZERS = [
  'cost',
  'headroom',
  'health',
  'latency',
  'spread',
] as const;
export type Prioritizer = (typeof PRIORITIZERS)[number];
export type PlacementWeights = Record<Prioritizer, number>;

/** Bounds of every weight, in config and in a request's overrides. */
export const PLACEMENT_WEIGHT_BOUNDS = { min: 0, max: 10 } as const;

export const DEFAULT_PLACEMENT_WEIGHTS: PlacementWeights = {
  cost: 3,
  headroom: 2,
  health: 2,
  latency: 2,
  spread: 1,
};

/** The `multicloud.placement` config. */
export interface PlacementConfig {
  weights: PlacementWeights;
  /** Let `degraded` clusters through the health filter (they score lower). */
  allowDegraded: boolean;
  /** A compliance report failing a check of one of these severities rejects the cluster. */
  blockingSeverities: ComplianceSeverity[];
}

export const DEFAULT_PLACEMENT_CONFIG: PlacementConfig = {
  weights: DEFAULT_PLACEMENT_WEIGHTS,
  allowDegraded: false,
  blockingSeverities: ['critical'],
};
