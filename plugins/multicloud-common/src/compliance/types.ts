import type { Cloud } from '../model/cloud';
import type { ClusterRef } from '../model/kube';

export type ComplianceSeverity = 'critical' | 'high' | 'medium' | 'low';
export type ComplianceStatus = 'pass' | 'fail' | 'not-applicable';

export const COMPLIANCE_CHECK_IDS = [
  'data-residency',
  'control-plane-ha',
  'kubernetes-version',
  'disk-encryption',
  'workload-identity',
  'machine-health-check',
  'autoscaler-bounds',
] as const;
export type ComplianceCheckId = (typeof COMPLIANCE_CHECK_IDS)[number];

/** A fact read from one object; `value` is `null` when the field is not set. */
export interface Evidence {
  kind: string;
  name: string;
  fieldPath: string;
  value: unknown;
}

export interface ComplianceCheck {
  id: ComplianceCheckId;
  title: string;
  severity: ComplianceSeverity;
  status: ComplianceStatus;
  /** One sentence: what was found. */
  message: string;
  evidence: Evidence[];
  /** The rule that decided, e.g. `dataClasses.gdpr.allowedRegions = [eu-west-1, ...]`. */
  rule: string;
  /** What to change; set when the check fails. */
  remediation?: string;
}

export interface ComplianceReport {
  ref: ClusterRef;
  cloud: Cloud;
  owner?: string;
  environment?: string;
  /** True when no check fails. */
  compliant: boolean;
  checks: ComplianceCheck[];
}
