/**
 * Exponential backoff with jitter, as client-go's reflector uses: 0.8 s doubling up to
 * 30 s, back to the start once a connection has stayed healthy for `resetAfterMs`.
 * Jitter spreads the retries of many watches so a recovering API server is not hit by all
 * of them at once.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly options: {
      initialMs: number;
      maxMs: number;
      resetAfterMs: number;
      jitter: number;
      random?: () => number;
    } = { initialMs: 800, maxMs: 30_000, resetAfterMs: 60_000, jitter: 0.5 },
  ) {}

  /** The delay before the next attempt, counting this failure. */
  nextDelayMs(): number {
    const base = Math.min(
      this.options.maxMs,
      this.options.initialMs * 2 ** this.failures,
    );
    this.failures++;
    const random = this.options.random ?? Math.random;
    return Math.round(base * (1 + this.options.jitter * random()));
  }

  /** Report how long the connection that just ended was healthy. */
  succeededFor(healthyMs: number): void {
    if (healthyMs >= this.options.resetAfterMs) {
      this.failures = 0;
    }
  }

  reset(): void {
    this.failures = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
