import { CLOUD_CODES, PlacementIndex } from '../placementIndex';

export interface SpreadBasis {
  /** Whose clusters are counted: the request owner's when it has any, else the fleet's. */
  basis: 'owner' | 'fleet';
  counts: Int32Array;
  total: number;
  /** Score per cloud code. */
  scores: Float64Array;
}

/**
 * Spread score per cloud: 100 × (1 − the share of the basis clusters already on that
 * cloud). Piling onto the cloud that hosts most of the owner's (or the fleet's) clusters
 * scores lowest; a cloud they do not use yet scores 100.
 */
export function spreadBasis(
  ix: PlacementIndex,
  owner: string | undefined,
): SpreadBasis {
  const ownerCounts = owner ? ix.owners.get(owner) : undefined;
  const counts = ownerCounts ?? ix.fleetClouds;
  const total = counts.reduce((a, b) => a + b, 0);
  const scores = new Float64Array(CLOUD_CODES.length);
  for (let c = 0; c < scores.length; c++) {
    scores[c] = total > 0 ? 100 * (1 - counts[c] / total) : 100;
  }
  return { basis: ownerCounts ? 'owner' : 'fleet', counts, total, scores };
}
