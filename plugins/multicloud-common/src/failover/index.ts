export * from './types';
export {
  FAILED_OVER_STATE,
  FAILOVER_RECORD_ANNOTATIONS,
  TRAFFIC_WEIGHT,
} from './annotations';
export { declaresFailoverPolicy, evaluateFailoverPolicy } from './policy';
export type { FailoverPolicyReport, TargetEvaluation } from './policy';
export { targetProblems } from './targetProblems';
export {
  checkKind,
  failbackDue,
  stepBreaker,
  DEFAULT_BREAKER_THRESHOLDS,
  INITIAL_BREAKER_STATE,
} from './breaker';
export type {
  BreakerCheck,
  BreakerPosition,
  BreakerState,
  BreakerThresholds,
  BreakerTransition,
  CheckKind,
} from './breaker';
export { planCapacity, scalablePools, standbyBaseline } from './capacity';
export type { InstanceSpecs, PoolBaseline } from './capacity';
export { planFailover } from './planFailover';
export type { FailoverPlanOptions } from './planFailover';
export { planFailback } from './planFailback';
export type { FailbackPlanOptions } from './planFailback';
export { applyMergePatch, revertPatch, unappliedPart } from './mergePatch';
export { describeTarget } from './targets';
