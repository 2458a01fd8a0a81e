import type { Rng } from './generator/prng';

/** Network and server faults applied to incoming requests (the admin endpoint is exempt). */
export class Faults {
  latencyMs = 0;
  errorRate = 0;
  resetConnections = false;

  constructor(private readonly rng: Rng) {}

  setLatency(ms: number): void {
    if (!(ms >= 0))
      throw new RangeError(
        'latency must be a non-negative number of milliseconds',
      );
    this.latencyMs = ms;
  }

  setErrorRate(fraction: number): void {
    if (!(fraction >= 0 && fraction <= 1))
      throw new RangeError('error rate must be between 0 and 1');
    this.errorRate = fraction;
  }

  /** Whether this request gets an injected 500 (seeded, so runs are reproducible). */
  injectError(): boolean {
    return this.errorRate > 0 && this.rng.next() < this.errorRate;
  }
}
