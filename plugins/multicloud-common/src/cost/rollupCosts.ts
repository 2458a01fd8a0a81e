import type { ClusterRef } from '../model/kube';
import { UNSET_VALUE } from '../fleet/summarizeFleet';
import {
  HOURS_PER_MONTH,
  type ClusterCostSummary,
} from './estimateClusterCost';
import { costProvenanceOf, type CostProvenance } from './provenance';

export const COST_DIMENSIONS = [
  'cloud',
  'region',
  'owner',
  'environment',
] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];

export interface CostTotal {
  clusters: number;
  perHour: number;
  perMonth: number;
  provenance: CostProvenance;
  /** Lines without a price, left out of the sums. */
  unknownLines: number;
}

export interface CostRollupRow extends CostTotal {
  /** The cloud, region, owner team or environment; `unknown` when the cluster does not say. */
  key: string;
  clusters: number;
  refs: ClusterRef[];
}

/** Sums of cluster costs. */
export function totalCost(costs: readonly ClusterCostSummary[]): CostTotal {
  let perHour = 0;
  let unknownLines = 0;
  for (const c of costs) {
    perHour += c.perHour;
    unknownLines += c.unknownLines;
  }
  return {
    clusters: costs.length,
    perHour,
    perMonth: perHour * HOURS_PER_MONTH,
    provenance: costProvenanceOf(costs.map(c => c.provenance)),
    unknownLines,
  };
}

/** Costs grouped by cloud, region, owner (team label) or environment; most expensive first. */
export function rollupCosts(
  costs: readonly ClusterCostSummary[],
  dimension: CostDimension,
): CostRollupRow[] {
  const groups = new Map<string, ClusterCostSummary[]>();
  for (const cost of costs) {
    const key = cost[dimension] ?? UNSET_VALUE;
    const list = groups.get(key);
    if (list) list.push(cost);
    else groups.set(key, [cost]);
  }
  return [...groups]
    .map(([key, list]) => ({
      key,
      refs: list.map(c => c.ref),
      ...totalCost(list),
    }))
    .sort((a, b) => b.perHour - a.perHour || (a.key < b.key ? -1 : 1));
}
