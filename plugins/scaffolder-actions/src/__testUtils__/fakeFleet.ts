import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';

/** A FleetService over fixed clusters: what the validate action reads of the live fleet. */
export function fakeFleet(
  clusters: Array<Pick<ClusterSummary, 'ref'>>,
  synced = true,
): FleetService {
  const byRef = new Map(clusters.map(c => [c.ref, c as ClusterSummary]));
  return {
    getFleet: () => ({
      version: 1,
      builtAt: '2026-11-24T00:00:00Z',
      clusters: [...byRef.values()],
      summary: {} as any,
      stale: !synced,
    }),
    getStatus: () => ({
      synced,
      stale: !synced,
      version: 1,
      managementClusters: [],
    }),
    getCluster: ref => byRef.get(ref),
    getClusterObjects: () => [],
    subscribe: () => () => {},
  };
}
