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

/** One group's pass rate (a cluster passes when no check fails) and failures per check. */
export function complianceGroupRate(
  key: string,
  reports: readonly ComplianceReport[],
): ComplianceGroupRate {
  const failuresByCheck: ComplianceGroupRate['failuresByCheck'] = {};
  let compliant = 0;
  for (const report of reports) {
    if (report.compliant) compliant += 1;
    countFailures(failuresByCheck, report);
  }
  return {
    key,
    clusters: reports.length,
    compliant,
    rate: reports.length > 0 ? compliant / reports.length : 0,
    failuresByCheck,
  };
}

/** Pass rate per group; groups sorted by key. */
export function complianceRate(
  reports: readonly ComplianceReport[],
  groupBy: ComplianceGroupBy,
): ComplianceRates {
  const groups = new Map<string, ComplianceReport[]>();
  const failuresByCheck: ComplianceRates['failuresByCheck'] = {};
  for (const report of reports) {
    const key = report[groupBy] || COMPLIANCE_NO_GROUP;
    const list = groups.get(key);
    if (list) list.push(report);
    else groups.set(key, [report]);
    countFailures(failuresByCheck, report);
  }
  return {
    groups: [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => complianceGroupRate(key, list)),
    failuresByCheck,
  };
}
