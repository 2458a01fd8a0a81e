import { Backoff } from './Backoff';

describe('Backoff', () => {
  const options = {
    initialMs: 800,
    maxMs: 30_000,
    resetAfterMs: 60_000,
    jitter: 0.5,
  };

  it('doubles from 0.8 s up to 30 s without jitter at the low end', () => {
    const backoff = new Backoff({ ...options, random: () => 0 });
    const delays = Array.from({ length: 8 }, () => backoff.nextDelayMs());
    expect(delays).toEqual([800, 1600, 3200, 6400, 12800, 25600, 30000, 30000]);
  });

  it('adds up to 50 % jitter', () => {
    const backoff = new Backoff({ ...options, random: () => 0.999 });
    expect(backoff.nextDelayMs()).toBe(1200);
  });

  it('resets only after a connection stayed healthy long enough', () => {
    const backoff = new Backoff({ ...options, random: () => 0 });
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    backoff.succeededFor(5_000);
    expect(backoff.nextDelayMs()).toBe(3200);
    backoff.succeededFor(60_000);
    expect(backoff.consecutiveFailures).toBe(0);
    expect(backoff.nextDelayMs()).toBe(800);
  });
});
