import {
  buildPlacementIndex,
  estimateClusterCost,
  evaluateCompliance,
  type ClusterCost,
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
    const costs = new Map(
      view.clusters.map(c => [c.ref, estimateClusterCost(c, this.priceBook)]),
    );
    const compliance = new Map(
      view.clusters.map(c => [
        c.ref,
        evaluateCompliance(
          c,
          this.fleet.getClusterObjects(c.ref),
          this.complianceRules,
        ),
      ]),
    );
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
