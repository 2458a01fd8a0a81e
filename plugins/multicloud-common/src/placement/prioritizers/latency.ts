import { regionGeography } from '../geography';

export type LatencyTier =
  | 'no-preference'
  | 'preferred-region'
  | 'same-area'
  | 'same-continent'
  | 'elsewhere';

/** Region affinity table (see README): what a tier scores. */
export const LATENCY_SCORES: Record<LatencyTier, number> = {
  'no-preference': 100,
  'preferred-region': 100,
  'same-area': 70,
  'same-continent': 40,
  elsewhere: 0,
};

/**
 * The best tier a region reaches against any preferred region: the region itself, the
 * same area on any cloud (`us-west-2`, `westus2`, `us-west1`), the same continent.
 */
export function latencyTier(
  region: string,
  preferredRegions: readonly string[],
): LatencyTier {
  if (preferredRegions.length === 0) return 'no-preference';
  if (preferredRegions.includes(region)) return 'preferred-region';
  const here = regionGeography(region);
  let tier: LatencyTier = 'elsewhere';
  for (const preferred of preferredRegions) {
    const there = regionGeography(preferred);
    if (here.area && here.area === there.area) return 'same-area';
    if (here.continent && here.continent === there.continent)
      tier = 'same-continent';
  }
  return tier;
}
