import {
  COST_DIMENSIONS,
  rollupByService,
  rollupCosts,
  totalCost,
  type ClusterRef,
  type CostResponse,
  type ServiceCostRollup,
} from '@internal/plugin-multicloud-common';
import { ownedBy } from './ownedBy';

/**
 * A service roll-up over some clusters: `rollupByService` again, on the dependencies the
 * response states limited to those clusters. Every service using an in-scope cluster keeps
 * it, so each cluster's shares (1/n of the services using it) are the fleet-wide ones.
 */
function scopeServices(
  rollup: ServiceCostRollup,
  clusters: CostResponse['clusters'],
): ServiceCostRollup {
  const inScope = new Set(clusters.map(c => c.ref));
  const dependencies: Record<string, ClusterRef[]> = {};
  for (const service of rollup.services) {
    const refs = service.clusters
      .map(share => share.cluster)
      .filter(ref => inScope.has(ref));
    if (refs.length > 0) dependencies[service.service] = refs;
  }
  return rollupByService(clusters, dependencies);
}

/**
 * The cost response for some owners only ("My team"): the same roll-ups the backend makes,
 * recomputed with the same functions over the owners' clusters. Undefined owners: unchanged.
 */
export function scopeCost(
  cost: CostResponse,
  owners: readonly string[] | undefined,
): CostResponse {
  if (!owners?.length) return cost;
  const clusters = cost.clusters.filter(c => ownedBy(c.owner, owners));
  return {
    ...cost,
    total: totalCost(clusters),
    by: Object.fromEntries(
      COST_DIMENSIONS.map(d => [d, rollupCosts(clusters, d)]),
    ) as CostResponse['by'],
    services:
      'error' in cost.services
        ? cost.services
        : scopeServices(cost.services, clusters),
    clusters,
  };
}
