import type { ComplianceReport } from '@internal/plugin-multicloud-common';
import { SEVERITY_ORDER } from './checkLabels';

function worstSeverity(report: ComplianceReport): number {
  return Math.min(
    ...report.checks
      .filter(c => c.status === 'fail')
      .map(c => SEVERITY_ORDER.indexOf(c.severity)),
  );
}

/** Non-compliant reports, the most severe failure first, then by most failures, then by ref. */
export function failingReports(
  reports: readonly ComplianceReport[],
): ComplianceReport[] {
  const failures = (r: ComplianceReport) =>
    r.checks.filter(c => c.status === 'fail').length;
  return reports
    .filter(r => !r.compliant)
    .sort(
      (a, b) =>
        worstSeverity(a) - worstSeverity(b) ||
        failures(b) - failures(a) ||
        a.ref.localeCompare(b.ref),
    );
}

/** Failing checks over all reports (a cluster failing two checks counts two). */
export function countFailingChecks(
  reports: readonly ComplianceReport[],
): number {
  return reports.reduce(
    (n, r) => n + r.checks.filter(c => c.status === 'fail').length,
    0,
  );
}
