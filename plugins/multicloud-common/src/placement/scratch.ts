import { PRIORITIZERS } from './config';
import { createHostingPlanScratch, HostingPlanScratch } from './hosting';
import type { PlacementIndex } from './placementIndex';

/** Per-cluster working arrays of one evaluation (slot i = cluster i of the index). */
export interface EvaluationScratch {
  /** Bit k set: the cluster fails PLACEMENT_FILTERS[k]. */
  failed: Uint8Array;
  /** Marginal USD/h of hosting the request; NaN when unknown. */
  cost: Float64Array;
  /** Indexes of the clusters that pass every filter, then ranked. */
  candidates: Int32Array;
  /** One array per prioritizer, in PRIORITIZERS order. */
  scores: Float64Array[];
  total: Float64Array;
  plan: HostingPlanScratch;
}

/**
 * Reused across evaluations of the same index: evaluation is synchronous and every slot
 * it reads is written first. Reuse keeps large fleets free of allocation and GC pauses.
 */
const scratches = new WeakMap<PlacementIndex, EvaluationScratch>();

export function scratchFor(ix: PlacementIndex): EvaluationScratch {
  let scratch = scratches.get(ix);
  if (!scratch) {
    const n = ix.clusters.length;
    scratch = {
      failed: new Uint8Array(n),
      cost: new Float64Array(n),
      candidates: new Int32Array(n),
      scores: PRIORITIZERS.map(() => new Float64Array(n)),
      total: new Float64Array(n),
      plan: createHostingPlanScratch(ix.maxPools),
    };
    scratches.set(ix, scratch);
  }
  return scratch;
}
