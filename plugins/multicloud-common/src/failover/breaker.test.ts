import type { Verdict } from '../model/ClusterSummary';
import {
  failbackDue,
  INITIAL_BREAKER_STATE,
  stepBreaker,
  type BreakerState,
  type BreakerThresholds,
  type BreakerTransition,
} from './breaker';

const T: BreakerThresholds = {
  failureThreshold: 3,
  successThreshold: 2,
  openSeconds: 60,
  unhealthySeconds: 100,
};

/** Feeds verdicts 10 s apart (or at the given times); returns the final state and all transitions. */
function run(
  checks: Array<Verdict | [Verdict, number]>,
  start: BreakerState = INITIAL_BREAKER_STATE,
) {
  let state = start;
  const transitions: BreakerTransition[] = [];
  checks.forEach((check, i) => {
    const [verdict, at] = Array.isArray(check) ? check : [check, i * 10_000];
    const result = stepBreaker(state, { verdict, at }, T);
    state = result.state;
    transitions.push(...result.transitions);
  });
  return {
    state,
    transitions,
    moves: transitions.map(t => `${t.from}→${t.to}`),
  };
}

describe('stepBreaker', () => {
  it('opens after N consecutive unhealthy checks, with the reason', () => {
    const { state, transitions } = run([
      'healthy',
      'unhealthy',
      'unhealthy',
      'unhealthy',
    ]);
    expect(state.position).toBe('open');
    expect(state.openedAt).toBe(30_000);
    expect(transitions).toEqual([
      {
        from: 'closed',
        to: 'open',
        at: 30_000,
        verdict: 'unhealthy',
        reason: '3 consecutive unhealthy checks (threshold 3)',
      },
    ]);
  });

  it('opens after being unhealthy for the duration even when degraded checks break the count', () => {
    const { state, moves, transitions } = run([
      ['unhealthy', 0],
      ['degraded', 40_000],
      ['unhealthy', 80_000],
      ['degraded', 90_000],
      ['unhealthy', 100_000],
    ]);
    expect(state.position).toBe('open');
    expect(moves).toEqual(['closed→open']);
    expect(transitions[0].reason).toMatch(/not healthy for 100s/);
  });

  it('a healthy check resets the count and the duration', () => {
    const { state } = run([
      ['unhealthy', 0],
      ['unhealthy', 50_000],
      ['healthy', 60_000],
      ['unhealthy', 120_000],
      ['unhealthy', 130_000],
    ]);
    expect(state).toMatchObject({
      position: 'closed',
      consecutiveFailures: 2,
      unhealthySince: 120_000,
    });
  });

  it('ignores unknown (stale) checks: they neither count nor reset', () => {
    const { state } = run([
      'unhealthy',
      'unknown',
      'unhealthy',
      'unknown',
      'unhealthy',
    ]);
    expect(state.position).toBe('open');
    const healthy = run(['healthy', 'unknown', 'unknown']).state;
    expect(healthy).toMatchObject({ position: 'closed', healthySince: 0 });
  });

  it('never opens on degraded, provisioning or deleting', () => {
    const { state } = run(
      Array.from(
        { length: 30 },
        (_, i) => (['degraded', 'provisioning', 'deleting'] as const)[i % 3],
      ),
    );
    expect(state.position).toBe('closed');
  });

  it('stays open during the cool-down, then probes half-open and closes after M healthy checks', () => {
    const opened = run(['unhealthy', 'unhealthy', 'unhealthy']).state; // opened at 20 s
    const { state, moves } = run(
      [
        ['healthy', 30_000],
        ['healthy', 79_000],
        ['healthy', 80_000],
        ['healthy', 90_000],
      ],
      opened,
    );
    expect(moves).toEqual(['open→half-open', 'half-open→closed']);
    expect(state).toMatchObject({ position: 'closed', healthySince: 30_000 });
  });

  it('reopens on a failure while half-open and restarts the cool-down', () => {
    const opened = run(['unhealthy', 'unhealthy', 'unhealthy']).state;
    const { state, moves } = run(
      [
        ['healthy', 80_000],
        ['unhealthy', 90_000],
      ],
      opened,
    );
    expect(moves).toEqual(['open→half-open', 'half-open→open']);
    expect(state.openedAt).toBe(90_000);
  });

  it('can leave the cool-down and reopen on the same check', () => {
    const opened = run(['unhealthy', 'unhealthy', 'unhealthy']).state;
    expect(run([['unhealthy', 200_000]], opened).moves).toEqual([
      'open→half-open',
      'half-open→open',
    ]);
  });

  it('a degraded check while half-open restarts the healthy streak without reopening', () => {
    const opened = run(['unhealthy', 'unhealthy', 'unhealthy']).state;
    const { state, moves } = run(
      [
        ['healthy', 80_000],
        ['degraded', 90_000],
        ['healthy', 100_000],
      ],
      opened,
    );
    expect(moves).toEqual(['open→half-open']);
    expect(state).toMatchObject({
      position: 'half-open',
      consecutiveSuccesses: 1,
      healthySince: 100_000,
    });
  });
});

describe('failbackDue', () => {
  it('needs a closed breaker healthy for the hold period', () => {
    const closed: BreakerState = {
      ...INITIAL_BREAKER_STATE,
      healthySince: 1_000,
    };
    expect(failbackDue(closed, 60_999, 60)).toBe(false);
    expect(failbackDue(closed, 61_000, 60)).toBe(true);
    expect(failbackDue({ ...closed, position: 'half-open' }, 1e9, 60)).toBe(
      false,
    );
    expect(failbackDue(INITIAL_BREAKER_STATE, 1e9, 60)).toBe(false);
  });
});
