import type {
  ClusterCostSummary,
  ClusterRef,
  ClusterSummary,
  ComplianceReport,
} from '@internal/plugin-multicloud-common';

/**
 * One cluster's share of a fleet-wide answer. `unavailable`: the request failed, which
 * says nothing about the cluster; `none`: the answer has no row for it.
 */
export type Insight<T> =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'none' }
  | { status: 'known'; value: T };

export type ClusterWithInsights = ClusterSummary & {
  /** The table's row key. */
  id: ClusterRef;
  cost: Insight<ClusterCostSummary>;
  compliance: Insight<ComplianceReport>;
};

/** A fleet-wide answer's rows by cluster ref, and whether it came at all. */
export interface InsightIndex<T> {
  byRef?: ReadonlyMap<ClusterRef, T>;
  failed: boolean;
}

/**
 * Indexes the rows of a fleet-wide answer. Rows with an error are the last answer kept
 * through a failed refresh (`usePolling`): still shown, not unavailable.
 */
export function indexInsights<T extends { ref: ClusterRef }>(
  rows: readonly T[] | undefined,
  error: Error | undefined,
): InsightIndex<T> {
  return {
    byRef: rows && new Map(rows.map(r => [r.ref, r])),
    failed: !rows && !!error,
  };
}

function insightOf<T>(index: InsightIndex<T>, ref: ClusterRef): Insight<T> {
  if (index.byRef) {
    const value = index.byRef.get(ref);
    return value ? { status: 'known', value } : { status: 'none' };
  }
  return index.failed ? { status: 'unavailable' } : { status: 'loading' };
}

/** Each cluster with its cost and compliance, joined by ref. */
export function withInsights(
  clusters: readonly ClusterSummary[],
  cost: InsightIndex<ClusterCostSummary>,
  compliance: InsightIndex<ComplianceReport>,
): ClusterWithInsights[] {
  return clusters.map(cluster => ({
    ...cluster,
    id: cluster.ref,
    cost: insightOf(cost, cluster.ref),
    compliance: insightOf(compliance, cluster.ref),
  }));
}
