import {
  DEFAULT_PLACEMENT_CONFIG,
  PlacementConfig,
  PlacementWeights,
  PRIORITIZERS,
} from './config';
import { explainCandidates, explainRejections, recommend } from './answer';
import { filterClusters } from './filters';
import { newClusterOptions } from './newClusterOptions';
import type { PlacementIndex } from './placementIndex';
import type { PlacementRequest } from './request';
import type { PlacementResult } from './result';
import { scoreCandidates } from './scoring';
import { scratchFor } from './scratch';

/** Config weights, overridden by the request's. */
function effectiveWeights(
  config: PlacementConfig,
  request: PlacementRequest,
): PlacementWeights {
  const weights = { ...config.weights };
  for (const p of PRIORITIZERS) {
    const override = request.weights?.[p];
    if (override !== undefined) weights[p] = override;
  }
  return weights;
}

/**
 * Filters, scores and explains every cluster of the index for one request. Pure and
 * deterministic: clusters are visited in ref order and ties are broken by ref.
 */
export function evaluatePlacement(
  ix: PlacementIndex,
  request: PlacementRequest,
  config: PlacementConfig = DEFAULT_PLACEMENT_CONFIG,
): PlacementResult {
  const weights = effectiveWeights(config, request);
  const scratch = scratchFor(ix);
  const filtered = filterClusters(ix, request, config, scratch);
  const scoring = scoreCandidates(ix, request, weights, filtered, scratch);
  const candidates = explainCandidates(ix, request, weights, scoring, scratch);
  const rejected = explainRejections(ix, request, config, scratch);
  const { options, gaps } = newClusterOptions(request, ix.pricing, ix.rules);
  return {
    request,
    weights,
    candidates,
    rejected,
    newClusters: options,
    newClusterGaps: gaps,
    recommendation: recommend(candidates, options),
  };
}
