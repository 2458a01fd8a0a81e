import type { ClusterSummary } from '../../model/ClusterSummary';
import type { ComplianceObjects } from '../clusterObjects';
import type { ComplianceRules } from '../rules';
import type {
  ComplianceCheck,
  ComplianceCheckId,
  ComplianceSeverity,
} from '../types';

export interface CheckContext {
  summary: ClusterSummary;
  objects: ComplianceObjects;
  rules: ComplianceRules;
}

export type CheckOutcome = Omit<ComplianceCheck, 'id' | 'title' | 'severity'>;

/** One compliance check: fixed identity, and a pure evaluation over the cluster's objects. */
export interface CheckDefinition {
  id: ComplianceCheckId;
  title: string;
  severity: ComplianceSeverity;
  evaluate(ctx: CheckContext): CheckOutcome;
}

export function list(values: readonly string[]): string {
  return `[${values.join(', ')}]`;
}
