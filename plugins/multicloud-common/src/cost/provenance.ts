import type { PriceProvenance } from './PriceBook';

/**
 * Provenance of a total:
 *  - `exact`: every part is exact (or a negotiated price: a contract, not an estimate);
 *  - `estimated`: every part is known, some by a labelled fallback;
 *  - `partial`: some parts are unknown and left out of the total;
 *  - `unknown`: nothing is known.
 */
export type CostProvenance = 'exact' | 'estimated' | 'partial' | 'unknown';

export function costProvenanceOf(
  parts: Iterable<PriceProvenance | CostProvenance>,
): CostProvenance {
  let known = false;
  let unknown = false;
  let estimated = false;
  for (const p of parts) {
    if (p === 'unknown') unknown = true;
    else {
      known = true;
      if (p === 'partial') unknown = true;
      if (p === 'fallback' || p === 'estimated') estimated = true;
    }
  }
  if (unknown) return known ? 'partial' : 'unknown';
  return estimated ? 'estimated' : 'exact';
}
