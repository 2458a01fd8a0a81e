import { PlacementWeights, PRIORITIZERS } from './config';
import type { FilterOutcome } from './filters';
import { round2 } from './numbers';
import type { PlacementIndex } from './placementIndex';
import { costScore } from './prioritizers/cost';
import { headroomScore } from './prioritizers/headroom';
import { healthScore } from './prioritizers/health';
import {
  LATENCY_SCORES,
  LatencyTier,
  latencyTier,
} from './prioritizers/latency';
import { SpreadBasis, spreadBasis } from './prioritizers/spread';
import type { PlacementRequest } from './request';
import type { EvaluationScratch } from './scratch';

/** What the explanation needs besides the scores: the per-region and per-cloud inputs. */
export interface ScoringContext {
  /** Latency tier per region id of the index. */
  latencyByRegion: LatencyTier[];
  spread: SpreadBasis;
  /** The candidates, best first (ties by ref, i.e. index order). */
  ranked: Int32Array;
}

export function weightSumOf(weights: PlacementWeights): number {
  return PRIORITIZERS.reduce((sum, p) => sum + weights[p], 0);
}

/** Scores every candidate with every prioritizer, combines them and ranks. */
export function scoreCandidates(
  ix: PlacementIndex,
  request: PlacementRequest,
  weights: PlacementWeights,
  { count, cheapest, dearest }: FilterOutcome,
  { candidates, cost, scores, total }: EvaluationScratch,
): ScoringContext {
  const weightSum = weightSumOf(weights);
  const latencyByRegion = ix.regions.map(r =>
    latencyTier(r, request.preferredRegions),
  );
  const spread = spreadBasis(ix, request.owner);
  const [sCost, sHeadroom, sHealth, sLatency, sSpread] = scores;
  for (let k = 0; k < count; k++) {
    const i = candidates[k];
    sCost[i] = costScore(cost[i], cheapest, dearest);
    sHeadroom[i] = headroomScore(ix, i, request);
    sHealth[i] = healthScore(ix.health[i]);
    sLatency[i] = LATENCY_SCORES[latencyByRegion[ix.region[i]]];
    sSpread[i] = spread.scores[ix.cloud[i]];
    const weighted =
      weights.cost * sCost[i] +
      weights.headroom * sHeadroom[i] +
      weights.health * sHealth[i] +
      weights.latency * sLatency[i] +
      weights.spread * sSpread[i];
    // Rounded as shown, so that equal shown scores are ranked by ref.
    total[i] = weightSum > 0 ? round2(weighted / weightSum) : 0;
  }
  const ranked = candidates
    .subarray(0, count)
    .sort((a, b) => total[b] - total[a] || a - b);
  return { latencyByRegion, spread, ranked };
}
