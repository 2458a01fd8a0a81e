import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';
import { istioLocalityStep, patchStep } from './steps';
import { describeTarget } from './targets';
import type {
  FailoverStepAction,
  PlanResult,
  PlanStep,
  RecordedChange,
} from './types';

export interface FailbackPlanOptions {
  /** The changes of the failover run being reversed, in the order they were applied. */
  recorded: RecordedChange[];
  stepTimeoutSeconds: number;
  istioLocalityFailover?: boolean;
}

/** Failover action → the failback action that reverses it, in the order failback runs them. */
const REVERSALS: Array<[FailoverStepAction, FailoverStepAction, string]> = [
  // Traffic first (primary weight back before the standby's), so both are never drained at once.
  ['shift-traffic', 'restore-traffic', 'Restore the traffic weight of'],
  [
    'scale-standby',
    'restore-standby',
    'Restore the replicas and autoscaler min-size of',
  ],
  ['mark-primary', 'unmark-primary', 'Remove the failover mark from'],
];

/**
 * Plans moving traffic back to a recovered primary by reversing what the failover run
 * recorded: weights back, the standby's replicas and autoscaler min-size back to their values
 * before the failover, then the failover-state annotation removed. Each step is a merge patch
 * of the recorded values, so it is idempotent like the failover's.
 */
export function planFailback(
  primary: ClusterSummary,
  standbyRef: ClusterRef,
  standby: ClusterSummary | undefined,
  options: FailbackPlanOptions,
): PlanResult {
  if (primary.health.verdict !== 'healthy') {
    return {
      ok: false,
      refusals: [
        {
          kind: 'state',
          reason: `${primary.ref} is ${primary.health.verdict}; failback needs a healthy primary`,
        },
      ],
    };
  }
  if (options.recorded.length === 0) {
    return {
      ok: false,
      refusals: [
        {
          kind: 'state',
          reason: `nothing to fail back: no change of a failover run of ${primary.ref} is recorded`,
        },
      ],
    };
  }
  if (!standby) {
    return {
      ok: false,
      refusals: [
        {
          kind: 'target',
          reason: `standby ${standbyRef} does not exist any more`,
        },
      ],
    };
  }
  const steps: PlanStep[] = [];
  for (const [original, action, verb] of REVERSALS) {
    const changes = options.recorded
      .filter(c => c.action === original)
      .reverse();
    for (const change of changes) {
      steps.push(
        patchStep({
          action,
          title: `${verb} ${describeTarget(change.target)}`,
          doneWhen:
            'every field the failover changed has its recorded value from before the failover again',
          target: change.target,
          patch: change.revert,
          timeoutSeconds: options.stepTimeoutSeconds,
        }),
      );
    }
    if (original === 'shift-traffic' && options.istioLocalityFailover) {
      steps.push(
        istioLocalityStep(
          'istio-locality-failback',
          primary,
          standby,
          options.stepTimeoutSeconds,
        ),
      );
    }
  }
  return {
    ok: true,
    plan: {
      action: 'failback',
      primary: primary.ref,
      standby: standby.ref,
      steps,
      warnings: [],
    },
  };
}
