import type { ClusterCostSummary } from '@internal/plugin-multicloud-common';

/** A cluster costing more than this many times the median cluster needs a look. */
export const HIGH_COST_FACTOR = 2;
/** Below this many clusters a median says nothing. */
const MIN_CLUSTERS = 3;

export interface HighCost {
  cost: ClusterCostSummary;
  /** Cost per hour of the median cluster. */
  median: number;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Clusters costing more than twice the median cluster, most expensive first. */
export function highCostClusters(
  clusters: readonly ClusterCostSummary[],
): HighCost[] {
  if (clusters.length < MIN_CLUSTERS) return [];
  const m = median(clusters.map(c => c.perHour).sort((a, b) => a - b));
  if (m <= 0) return [];
  return clusters
    .filter(c => c.perHour > HIGH_COST_FACTOR * m)
    .sort((a, b) => b.perHour - a.perHour || a.ref.localeCompare(b.ref))
    .map(cost => ({ cost, median: m }));
}
