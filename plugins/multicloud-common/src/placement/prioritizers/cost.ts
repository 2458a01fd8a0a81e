/**
 * Cost score: 100 for the cheapest candidate, falling linearly with the gap to it measured
 * against the dearest candidate's cost (so $1 vs $2 scores 100 vs 50, and a tiny gap costs
 * little). Unknown cost (NaN) scores 0.
 */
export function costScore(
  cost: number,
  cheapest: number,
  dearest: number,
): number {
  if (Number.isNaN(cost)) return 0;
  if (dearest <= cheapest || dearest <= 0) return 100;
  return 100 * (1 - (cost - cheapest) / dearest);
}
