import type { ClusterRef } from '../model/kube';
import {
  HOURS_PER_MONTH,
  type ClusterCostSummary,
} from './estimateClusterCost';
import { costProvenanceOf, type CostProvenance } from './provenance';

/** Shown by the UI next to service costs. */
export const SERVICE_SPLIT_RULE =
  "Each cluster's cost is split equally among the services that depend on it: a cluster " +
  'used by n services charges 1/n of its cost to each. Clusters no service depends on are ' +
  'reported as unallocated. Service costs plus unallocated add up to the fleet total.';

export interface ServiceClusterShare {
  cluster: ClusterRef;
  /** Fraction of the cluster charged to this service (1/n). */
  share: number;
  perHour: number;
  perMonth: number;
}

export interface ServiceCost {
  service: string;
  perHour: number;
  perMonth: number;
  provenance: CostProvenance;
  clusters: ServiceClusterShare[];
  /** Clusters the service names that have no cost (not in the fleet). */
  missingClusters: ClusterRef[];
}

export interface ServiceCostRollup {
  splitRule: string;
  /** Most expensive first. */
  services: ServiceCost[];
  unallocated: { perHour: number; perMonth: number; clusters: ClusterRef[] };
  total: { perHour: number; perMonth: number };
}

/**
 * Cost per service. `serviceDependencies` maps a service (catalog entity ref) to the
 * clusters it runs on or depends on. The split rule is `SERVICE_SPLIT_RULE`: equal shares,
 * because the portal has no per-workload usage data; the rule is returned with the result
 * so the UI states it next to the numbers.
 */
export function rollupByService(
  costs: readonly ClusterCostSummary[],
  serviceDependencies: Readonly<Record<string, readonly ClusterRef[]>>,
): ServiceCostRollup {
  const costByRef = new Map(costs.map(c => [c.ref, c]));
  const usersOf = new Map<ClusterRef, Set<string>>();
  for (const [service, refs] of Object.entries(serviceDependencies)) {
    for (const ref of new Set(refs)) {
      if (!costByRef.has(ref)) continue;
      let users = usersOf.get(ref);
      if (!users) usersOf.set(ref, (users = new Set()));
      users.add(service);
    }
  }

  const services: ServiceCost[] = Object.entries(serviceDependencies).map(
    ([service, refs]) => {
      const unique = [...new Set(refs)];
      const clusters: ServiceClusterShare[] = [];
      const provenances: CostProvenance[] = [];
      for (const ref of unique) {
        const cost = costByRef.get(ref);
        if (!cost) continue;
        const share = 1 / usersOf.get(ref)!.size;
        clusters.push({
          cluster: ref,
          share,
          perHour: cost.perHour * share,
          perMonth: cost.perHour * share * HOURS_PER_MONTH,
        });
        provenances.push(cost.provenance);
      }
      const perHour = clusters.reduce((sum, c) => sum + c.perHour, 0);
      return {
        service,
        perHour,
        perMonth: perHour * HOURS_PER_MONTH,
        provenance:
          clusters.length > 0 ? costProvenanceOf(provenances) : 'unknown',
        clusters,
        missingClusters: unique.filter(ref => !costByRef.has(ref)),
      };
    },
  );
  services.sort(
    (a, b) => b.perHour - a.perHour || (a.service < b.service ? -1 : 1),
  );

  const unallocated = costs.filter(c => !usersOf.has(c.ref));
  const unallocatedPerHour = unallocated.reduce((sum, c) => sum + c.perHour, 0);
  const totalPerHour = costs.reduce((sum, c) => sum + c.perHour, 0);
  return {
    splitRule: SERVICE_SPLIT_RULE,
    services,
    unallocated: {
      perHour: unallocatedPerHour,
      perMonth: unallocatedPerHour * HOURS_PER_MONTH,
      clusters: unallocated.map(c => c.ref),
    },
    total: { perHour: totalPerHour, perMonth: totalPerHour * HOURS_PER_MONTH },
  };
}
