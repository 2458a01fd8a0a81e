import type { ComplianceCheckId, ComplianceReport } from './types';

export type ComplianceGroupBy = 'cloud' | 'owner' | 'environment';

export interface ComplianceGroupRate {
  /** The group value; `(none)` for clusters without an owner or environment label. */
  key: string;
  clusters: number;
  compliant: number;
  /** compliant / clusters, 0–1. */
  rate: number;
  failuresByCheck: Partial<Record<ComplianceCheckId, number>>;
}

export interface ComplianceRates {
  groups: ComplianceGroupRate[];
  /** Clusters failing each check, over all reports. */
  failuresByCheck: Partial<Record<ComplianceCheckId, number>>;
}

export const COMPLIANCE_NO_GROUP = '(none)';

function countFailures(
  into: Partial<Record<ComplianceCheckId, number>>,
  report: ComplianceReport,
) {
  for (const check of report.checks) {
    if (check.status === 'fail') into[check.id] = (into[check.id] ?? 0) + 1;
  }
}

/** Pass rate per group (a cluster passes when no check fails); groups sorted by key. */
export function complianceRate(
  reports: readonly ComplianceReport[],
  groupBy: ComplianceGroupBy,
): ComplianceRates {
  const groups = new Map<string, ComplianceGroupRate>();
  const failuresByCheck: ComplianceRates['failuresByCheck'] = {};
  for (const report of reports) {
    const key = report[groupBy] || COMPLIANCE_NO_GROUP;
    let group = groups.get(key);
    if (!group) {
      group = { key, clusters: 0, compliant: 0, rate: 0, failuresByCheck: {} };
      groups.set(key, group);
    }
    group.clusters += 1;
    if (report.compliant) group.compliant += 1;
    countFailures(group.failuresByCheck, report);
    countFailures(failuresByCheck, report);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.key.localeCompare(b.key),
  );
  for (const g of sorted) g.rate = g.compliant / g.clusters;
  return { groups: sorted, failuresByCheck };
}
