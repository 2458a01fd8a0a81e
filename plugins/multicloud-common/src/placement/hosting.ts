import type { PlacementIndex } from './placementIndex';

/** The per-replica resources of a request. */
export interface ReplicaShape {
  cpu: number;
  memory: number;
  gpu: number;
  replicas: number;
}

/**
 * Where the replicas of a request would go on one cluster. Reused across clusters (one
 * per evaluation), so the hot loop allocates nothing; read it before the next plan.
 */
export interface HostingPlanScratch {
  fits: boolean;
  /** Replicas that found room. */
  placed: number;
  /** Marginal USD/h of the new nodes; NaN when a used pool has no price. */
  cost: number;
  /** Per pool (offset from the cluster's first pool): replicas on idle existing capacity. */
  onExisting: Int32Array;
  /** Per pool: replicas on new nodes, and how many new nodes. */
  onNew: Int32Array;
  newNodes: Int32Array;
}

export function createHostingPlanScratch(maxPools: number): HostingPlanScratch {
  return {
    fits: false,
    placed: 0,
    cost: 0,
    onExisting: new Int32Array(maxPools),
    onNew: new Int32Array(maxPools),
    newNodes: new Int32Array(maxPools),
  };
}

/** Tolerates float noise such as 0.6 / 0.2 = 2.9999999999999996. */
const EPSILON = 1e-9;

/**
 * Replicas that fit on one node with the given free resources. A replica (a pod) cannot
 * span nodes, so this is a floor over every resource; GPUs only count when requested.
 */
export function replicasPerNode(
  vcpu: number,
  memoryGiB: number,
  gpus: number,
  shape: ReplicaShape,
): number {
  let k = Math.min(vcpu / shape.cpu, memoryGiB / shape.memory);
  if (shape.gpu > 0) k = Math.min(k, gpus / shape.gpu);
  return k > 0 ? Math.floor(k + EPSILON) : 0;
}

/**
 * Plans hosting `shape` on cluster `i`: first on idle capacity of existing nodes (only
 * known with utilisation; free), then on new nodes within the autoscaler headroom, pool
 * by pool from the cheapest price per replica slot (unpriced pools last).
 */
export function planHosting(
  ix: PlacementIndex,
  i: number,
  shape: ReplicaShape,
  out: HostingPlanScratch,
): void {
  const start = ix.poolStart[i];
  const count = ix.poolStart[i + 1] - start;
  const utilCpu = ix.utilCpu[i];
  const hasUtil = !Number.isNaN(utilCpu);
  let remaining = shape.replicas;
  out.cost = 0;

  for (let j = 0; j < count; j++) {
    const p = start + j;
    out.onNew[j] = 0;
    out.newNodes[j] = 0;
    out.onExisting[j] = 0;
    if (!hasUtil || remaining === 0) continue;
    const perNode = replicasPerNode(
      ix.poolVcpu[p] * (1 - utilCpu),
      ix.poolMem[p] * (1 - ix.utilMem[i]),
      ix.poolGpu[p] * (1 - ix.utilGpu[i]),
      shape,
    );
    const take = Math.min(remaining, perNode * ix.poolCurrent[p]);
    out.onExisting[j] = take;
    remaining -= take;
  }

  while (remaining > 0) {
    let best = -1;
    let bestSlotPrice = Infinity;
    let bestK = 0;
    for (let j = 0; j < count; j++) {
      const p = start + j;
      if (out.newNodes[j] > 0 || ix.poolHeadroom[p] <= 0) continue;
      const k = replicasPerNode(
        ix.poolVcpu[p],
        ix.poolMem[p],
        ix.poolGpu[p],
        shape,
      );
      if (k === 0) continue;
      const price = ix.poolPrice[p];
      const slotPrice = Number.isNaN(price) ? Number.MAX_VALUE : price / k;
      if (best < 0 || slotPrice < bestSlotPrice) {
        best = j;
        bestSlotPrice = slotPrice;
        bestK = k;
      }
    }
    if (best < 0) break;
    const p = start + best;
    const take = Math.min(remaining, ix.poolHeadroom[p] * bestK);
    const nodes = Math.ceil(take / bestK);
    out.onNew[best] = take;
    out.newNodes[best] = nodes;
    out.cost += nodes * ix.poolPrice[p];
    remaining -= take;
  }
  out.placed = shape.replicas - remaining;
  out.fits = remaining === 0;
}
