import { allowedRegionsFor } from '../compliance/residency';
import { ComplianceRules, isProductionEnvironment } from '../compliance/rules';
import type { KnownCloud } from '../model/cloud';
import { regionGeography } from './geography';
import { ReplicaShape, replicasPerNode } from './hosting';
import { LATENCY_SCORES, latencyTier } from './prioritizers/latency';
import type { PriceProvenance } from '../cost/PriceBook';
import { costProvenanceOf } from '../cost/provenance';
import type { InstancePricing } from './pricing';
import { round4 } from './numbers';
import type { PlacementRequest } from './request';
import type { NewClusterOption, NodeChoice } from './result';

/** Tie-breaks prefer sounder prices. */
const PROVENANCE_RANK: Record<PriceProvenance, number> = {
  exact: 0,
  negotiated: 0,
  fallback: 1,
  unknown: 2,
};
const COST_PROVENANCE_RANK = { exact: 0, estimated: 1, partial: 2, unknown: 3 };

/** kubeadm's minimum for a control-plane node, with room for etcd. */
const CONTROL_PLANE_NODE: ReplicaShape = {
  cpu: 2,
  memory: 4,
  gpu: 0,
  replicas: 1,
};

interface Priced extends NodeChoice {
  /** USD/h for all nodes; NaN when unknown. */
  cost: number;
}

/** Known cost first, then better provenance, then the smaller footprint, then the name. */
function cheaper(a: Priced, b: Priced, vcpuA: number, vcpuB: number): boolean {
  const ka = !Number.isNaN(a.cost);
  const kb = !Number.isNaN(b.cost);
  if (ka !== kb) return ka;
  if (ka && a.cost !== b.cost) return a.cost < b.cost;
  const pa = PROVENANCE_RANK[a.price.provenance];
  const pb = PROVENANCE_RANK[b.price.provenance];
  if (pa !== pb) return pa < pb;
  if (vcpuA !== vcpuB) return vcpuA < vcpuB;
  return a.instanceType < b.instanceType;
}

/** The cheapest instance type of the price book that fits `shape` in `region`. */
function cheapestNodes(
  pricing: InstancePricing,
  cloud: KnownCloud,
  region: string,
  shape: ReplicaShape,
): Priced | undefined {
  let best: Priced | undefined;
  let bestVcpu = 0;
  for (const instanceType of pricing.instanceTypes(cloud)) {
    const spec = pricing.specOf(cloud, instanceType);
    const perNode = spec
      ? replicasPerNode(spec.vcpu, spec.memoryGiB, spec.gpu, shape)
      : 0;
    if (!spec || perNode === 0) continue;
    const nodes = Math.ceil(shape.replicas / perNode);
    const price = pricing.priceOf(cloud, region, instanceType);
    const cost =
      typeof price.perHour === 'number' ? nodes * price.perHour : NaN;
    const candidate = { instanceType, nodes, price, cost };
    const vcpu = nodes * spec.vcpu;
    if (!best || cheaper(candidate, best, vcpu, bestVcpu)) {
      best = candidate;
      bestVcpu = vcpu;
    }
  }
  return best;
}

const strip = ({ instanceType, nodes, price }: Priced): NodeChoice => ({
  instanceType,
  nodes,
  price,
});

/** Orders options: known cost, then region affinity, then provenance, then region name. */
function better(a: NewClusterOption, b: NewClusterOption): boolean {
  const ca = a.costPerHour ?? Infinity;
  const cb = b.costPerHour ?? Infinity;
  if (ca !== cb) return ca < cb;
  const la = LATENCY_SCORES[a.latency];
  const lb = LATENCY_SCORES[b.latency];
  if (la !== lb) return la > lb;
  const pa = COST_PROVENANCE_RANK[a.provenance];
  const pb = COST_PROVENANCE_RANK[b.provenance];
  if (pa !== pb) return pa < pb;
  return a.region < b.region;
}

/**
 * Per allowed cloud, the cheapest compliant region and instance type able to host the
 * request on a new self-managed cluster (workers plus kubeadm control plane).
 */
export function newClusterOptions(
  request: PlacementRequest,
  pricing: InstancePricing,
  rules: ComplianceRules,
): {
  options: NewClusterOption[];
  gaps: Array<{ cloud: KnownCloud; reason: string }>;
} {
  const options: NewClusterOption[] = [];
  const gaps: Array<{ cloud: KnownCloud; reason: string }> = [];
  const controlPlaneNodes = isProductionEnvironment(request.environment, rules)
    ? 3
    : 1;
  for (const cloud of [...new Set(request.allowedClouds)].sort()) {
    const allowance = allowedRegionsFor(cloud, request.dataClass, rules);
    const regions = allowance.regions.filter(
      r => regionGeography(r).cloud === cloud,
    );
    if (regions.length === 0) {
      gaps.push({ cloud, reason: `no ${cloud} region in ${allowance.rule}` });
      continue;
    }
    let best: NewClusterOption | undefined;
    for (const region of regions) {
      const workers = cheapestNodes(pricing, cloud, region, request);
      const cp = cheapestNodes(pricing, cloud, region, CONTROL_PLANE_NODE);
      if (!workers || !cp) continue;
      const cost = workers.cost + controlPlaneNodes * cp.cost;
      const option: NewClusterOption = {
        cloud,
        region,
        residencyRule: allowance.rule,
        workers: strip(workers),
        controlPlane: { ...strip(cp), nodes: controlPlaneNodes },
        costPerHour: Number.isNaN(cost) ? null : round4(cost),
        provenance: costProvenanceOf([
          workers.price.provenance,
          cp.price.provenance,
        ]),
        withinBudget:
          request.maxHourlyCost === undefined || cost <= request.maxHourlyCost,
        latency: latencyTier(region, request.preferredRegions),
      };
      if (!best || better(option, best)) best = option;
    }
    if (best) options.push(best);
    else
      gaps.push({
        cloud,
        reason: `no ${cloud} instance type in the price book fits one replica`,
      });
  }
  options.sort((a, b) => {
    if (better(a, b)) return -1;
    return better(b, a) ? 1 : 0;
  });
  return { options, gaps };
}
