/**
 * The watch cache's documented retry policy (docs/operations.md): 0.8 s doubling up to 30 s,
 * jitter only lengthening a delay. The suites hold the backend to it: in `durationMs` one
 * kind can make at most this many attempts, however its failures fall.
 */
const INITIAL_MS = 800;
const MAX_MS = 30_000;

export function maxAttemptsWithin(durationMs: number): number {
  let attempts = 1;
  let elapsed = 0;
  for (let failures = 0; ; failures++) {
    elapsed += Math.min(MAX_MS, INITIAL_MS * 2 ** failures);
    if (elapsed > durationMs) return attempts;
    attempts++;
  }
}
