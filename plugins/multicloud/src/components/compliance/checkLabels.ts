import type {
  ComplianceCheck,
  ComplianceCheckId,
  ComplianceReport,
  ComplianceSeverity,
  ComplianceStatus,
  Evidence,
} from '@internal/plugin-multicloud-common';

export const SEVERITY_ORDER: readonly ComplianceSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
];

export const STATUS_LABELS: Record<ComplianceStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
};

/** `AWSMachineTemplate md-0: spec.template.spec.rootVolume.encrypted = true` ("not set" for null). */
export function evidenceText(e: Evidence): string {
  const value =
    e.value === null || e.value === undefined
      ? 'not set'
      : JSON.stringify(e.value);
  return `${e.kind} ${e.name}: ${e.fieldPath} = ${value}`;
}

const STATUS_ORDER: readonly ComplianceStatus[] = [
  'fail',
  'pass',
  'not-applicable',
];

/** Failures first, the most severe first; then passes, then what does not apply. */
export function sortChecks(
  checks: readonly ComplianceCheck[],
): ComplianceCheck[] {
  return [...checks].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
}

/** Check ids to the titles the reports give them (the backend names its checks). */
export function checkTitles(
  reports: readonly ComplianceReport[],
): ReadonlyMap<ComplianceCheckId, string> {
  return new Map(reports.flatMap(r => r.checks).map(c => [c.id, c.title]));
}

/** Failing checks, most failures first: `[id, clusters]` pairs of a `failuresByCheck`. */
export function failuresByCount(
  failures: Partial<Record<ComplianceCheckId, number>>,
): Array<[ComplianceCheckId, number]> {
  return (Object.entries(failures) as Array<[ComplianceCheckId, number]>).sort(
    (a, b) => b[1] - a[1],
  );
}

/** How many of a report's checks apply to its cluster, and how many of those fail. */
export function checkCounts(report: ComplianceReport): {
  applicable: number;
  failing: number;
} {
  const applicable = report.checks.filter(c => c.status !== 'not-applicable');
  return {
    applicable: applicable.length,
    failing: applicable.filter(c => c.status === 'fail').length,
  };
}
