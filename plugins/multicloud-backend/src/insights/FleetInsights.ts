import {
  buildPlacementIndex,
  estimateClusterCost,
  evaluateCompliance,
  type ClusterCost,
  type ClusterSummary,
  type ComplianceReport,
  type ComplianceRules,
  type PlacementIndex,
  type PriceBook,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';

/** What the engines derive from one fleet version. */
export interface FleetInsightsView {
  version: number;
  costs: ReadonlyMap<string, ClusterCost>;
  compliance: ReadonlyMap<string, ComplianceReport>;
  /** Built lazily: only placement requests need it. */
  placement(): PlacementIndex;
}

/**
 * Cost, compliance and the placement index of every cluster, computed once per fleet
 * version and shared by the API routes, the metrics exposition and the history sampler.
 */
export class FleetInsights {
  private cached?: FleetInsightsView;
  /**
   * The fleet keeps the summary object of every unchanged cluster (a change to any of a
   * cluster's objects gives it a new one), so each cluster is evaluated once per change.
   */
  private readonly perCluster = new WeakMap<
    ClusterSummary,
    { cost: ClusterCost; compliance: ComplianceReport }
  >();

  constructor(
    private readonly fleet: FleetService,
    readonly priceBook: PriceBook,
    readonly complianceRules: ComplianceRules,
  ) {}

  current(): FleetInsightsView {
    const view = this.fleet.getFleet();
    if (this.cached?.version === view.version) {
      return this.cached;
    }
    const costs = new Map<string, ClusterCost>();
    const compliance = new Map<string, ComplianceReport>();
    for (const cluster of view.clusters) {
      let derived = this.perCluster.get(cluster);
      if (!derived) {
        derived = {
          cost: estimateClusterCost(cluster, this.priceBook),
          compliance: evaluateCompliance(
            cluster,
            this.fleet.getClusterObjects(cluster.ref),
            this.complianceRules,
          ),
        };
        this.perCluster.set(cluster, derived);
      }
      costs.set(cluster.ref, derived.cost);
      compliance.set(cluster.ref, derived.compliance);
    }
    let placement: PlacementIndex | undefined;
    this.cached = {
      version: view.version,
      costs,
      compliance,
      placement: () =>
        (placement ??= buildPlacementIndex(view.clusters, this.priceBook, {
          rules: this.complianceRules,
          compliance: Object.fromEntries(compliance),
        })),
    };
    return this.cached;
  }
}
