import type { BreakerState, BreakerTransition } from '../failover/breaker';
import type { FailoverAction, FailoverPlan, PlanStep } from '../failover/types';
import type { Verdict } from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';

/** Body of `POST /failover/plan` (a dry run) and `POST /failover/runs`. */
export interface FailoverPlanRequest {
  /** The primary, `namespace/name`. */
  cluster: ClusterRef;
  /** Failover: the standby (default: the policy's first valid target). */
  target?: ClusterRef;
  action: FailoverAction;
  istioLocalityFailover?: boolean;
}

export type FailoverRunStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

export type FailoverStepStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'cancelled';

/** How far the executor got with one step (times are epoch ms). */
export interface FailoverStepExecution {
  index: number;
  stepId: string;
  status: FailoverStepStatus;
  attempts: number;
  result?: string;
  error?: string;
  startedAt?: number;
  finishedAt?: number;
}

/**
 * A run as `/failover/runs` presents it: the plan's summary, and each step's definition
 * with its execution state beside it.
 */
export interface FailoverRunView {
  id: string;
  cluster: ClusterRef;
  target: ClusterRef;
  action: FailoverAction;
  status: FailoverRunStatus;
  actor: string;
  mode: 'manual' | 'automatic';
  plan: Omit<FailoverPlan, 'steps'>;
  cancelRequested: boolean;
  error?: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  steps: Array<PlanStep & { execution?: FailoverStepExecution }>;
}

/** A cluster's circuit breaker (`GET /failover/breakers`); transitions only when asked for one cluster. */
export interface FailoverBreakerView {
  cluster: ClusterRef;
  state: BreakerState;
  lastVerdict: Verdict;
  updatedAt: number;
  transitions?: Array<BreakerTransition & { cluster: ClusterRef }>;
}
