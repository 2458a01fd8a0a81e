import type {
  ClusterCost,
  ClusterSummary,
} from '@internal/plugin-multicloud-common';
import type { ClusterSample } from './HistoryStore';

/** One tick's samples: what each cluster looked like, its cost and compliance failures. */
export function sampleFleet(
  clusters: readonly ClusterSummary[],
  costs: ReadonlyMap<string, ClusterCost>,
  complianceFailures: (cluster: ClusterSummary) => number | null,
): ClusterSample[] {
  return clusters.map(cluster => {
    const cost = costs.get(cluster.ref);
    const machinesTotal = Object.values(cluster.machinesByPhase).reduce(
      (a, b) => a + b,
      0,
    );
    return {
      clusterRef: cluster.ref,
      cloud: cluster.cloud,
      region: cluster.region,
      owner: cluster.labels.owner,
      environment: cluster.labels.environment,
      verdict: cluster.health.verdict,
      phase: cluster.phase,
      machinesTotal,
      machinesRunning: cluster.machinesByPhase.Running ?? 0,
      machinesByPhase: cluster.machinesByPhase,
      // A partly priced cluster has no trustworthy total: store it as unknown.
      costPerHour: cost && cost.unknownLines === 0 ? cost.perHour : null,
      complianceFailures: complianceFailures(cluster),
    };
  });
}
