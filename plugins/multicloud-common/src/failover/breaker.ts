import type { Verdict } from '../model/ClusterSummary';

export type BreakerPosition = 'closed' | 'open' | 'half-open';

/** Thresholds of `multicloud.failover.breaker.*`. */
export interface BreakerThresholds {
  /** Consecutive unhealthy checks that open the breaker. */
  failureThreshold: number;
  /** Consecutive healthy checks that close a half-open breaker. */
  successThreshold: number;
  /** Cool-down of an open breaker before it probes (half-open). */
  openSeconds: number;
  /** Unhealthy, without a healthy check since, for this long also opens the breaker. */
  unhealthySeconds: number;
}

export const DEFAULT_BREAKER_THRESHOLDS: BreakerThresholds = {
  failureThreshold: 3,
  successThreshold: 3,
  openSeconds: 300,
  unhealthySeconds: 180,
};

export interface BreakerState {
  position: BreakerPosition;
  consecutiveFailures: number;
  /** Counted in half-open only: closing needs this to reach `successThreshold`. */
  consecutiveSuccesses: number;
  /** Epoch ms of the first unhealthy check since the last healthy one. */
  unhealthySince?: number;
  /** Epoch ms of the first healthy check of the current healthy streak (failback hold). */
  healthySince?: number;
  /** Epoch ms the breaker last opened. */
  openedAt?: number;
}

export const INITIAL_BREAKER_STATE: BreakerState = Object.freeze({
  position: 'closed',
  consecutiveFailures: 0,
  consecutiveSuccesses: 0,
}) as BreakerState;

export interface BreakerCheck {
  verdict: Verdict;
  /** Epoch ms. */
  at: number;
}

export interface BreakerTransition {
  from: BreakerPosition;
  to: BreakerPosition;
  at: number;
  verdict: Verdict;
  reason: string;
}

export type CheckKind = 'failure' | 'success' | 'neutral' | 'ignored';

/**
 * How a verdict counts:
 *  - `unhealthy` is the only failure;
 *  - `healthy` is a success;
 *  - `degraded`, `provisioning` and `deleting` are neutral: the cluster serves (or is changing
 *    on purpose), so they never open the breaker, but they are not health either: they break
 *    both streaks (closing needs consecutive healthy checks), and they do not clear
 *    `unhealthySince`, so a cluster flapping between unhealthy and degraded still opens by
 *    duration;
 *  - `unknown` (stale data: the management cluster is unreachable or not synced) is ignored:
 *    no evidence either way, so nothing changes, except that time-based moves still happen.
 */
export function checkKind(verdict: Verdict): CheckKind {
  switch (verdict) {
    case 'unhealthy':
      return 'failure';
    case 'healthy':
      return 'success';
    case 'unknown':
      return 'ignored';
    default:
      return 'neutral';
  }
}

/**
 * The circuit breaker of one cluster as a pure reducer: one health check in, the new state
 * and the transitions it caused out (0, 1, or 2 when an open breaker's cool-down ends and the
 * same check closes or reopens it).
 */
export function stepBreaker(
  state: BreakerState,
  check: BreakerCheck,
  t: BreakerThresholds,
): { state: BreakerState; transitions: BreakerTransition[] } {
  const transitions: BreakerTransition[] = [];
  let next: BreakerState = { ...state };
  const move = (to: BreakerPosition, reason: string) => {
    transitions.push({
      from: next.position,
      to,
      at: check.at,
      verdict: check.verdict,
      reason,
    });
    next = {
      ...next,
      position: to,
      consecutiveSuccesses: 0,
      ...(to === 'open' ? { openedAt: check.at } : {}),
    };
  };

  if (
    next.position === 'open' &&
    next.openedAt !== undefined &&
    check.at - next.openedAt >= t.openSeconds * 1000
  ) {
    move('half-open', `cool-down of ${t.openSeconds}s ended: probing`);
  }

  switch (checkKind(check.verdict)) {
    case 'failure':
      next.consecutiveFailures += 1;
      next.consecutiveSuccesses = 0;
      next.unhealthySince ??= check.at;
      next.healthySince = undefined;
      if (next.position === 'half-open') {
        move('open', 'unhealthy while half-open');
      } else if (next.position === 'closed') {
        const unhealthyMs = check.at - next.unhealthySince;
        if (next.consecutiveFailures >= t.failureThreshold) {
          move(
            'open',
            `${next.consecutiveFailures} consecutive unhealthy checks (threshold ${t.failureThreshold})`,
          );
        } else if (unhealthyMs >= t.unhealthySeconds * 1000) {
          move(
            'open',
            `not healthy for ${Math.round(
              unhealthyMs / 1000,
            )}s since the first unhealthy check (threshold ${
              t.unhealthySeconds
            }s)`,
          );
        }
      }
      break;
    case 'success':
      next.consecutiveFailures = 0;
      next.unhealthySince = undefined;
      next.healthySince ??= check.at;
      if (next.position === 'half-open') {
        next.consecutiveSuccesses += 1;
        if (next.consecutiveSuccesses >= t.successThreshold) {
          move(
            'closed',
            `${next.consecutiveSuccesses} consecutive healthy checks (threshold ${t.successThreshold})`,
          );
        }
      }
      break;
    case 'neutral':
      next.consecutiveFailures = 0;
      next.consecutiveSuccesses = 0;
      next.healthySince = undefined;
      break;
    default: // ignored: no evidence either way
      break;
  }
  return { state: next, transitions };
}

/** The primary has been healthy, breaker closed, for the failback hold period. */
export function failbackDue(
  state: BreakerState,
  now: number,
  holdSeconds: number,
): boolean {
  return (
    state.position === 'closed' &&
    state.healthySince !== undefined &&
    now - state.healthySince >= holdSeconds * 1000
  );
}
