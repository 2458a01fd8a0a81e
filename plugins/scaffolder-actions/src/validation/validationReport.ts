import type { ComplianceReport } from '@internal/plugin-multicloud-common';
import { costMarkdown } from '../actions/costOutput';
import { table } from '../actions/markdown';
import type { ValidationResult } from './validateManifests';
import { describeFailure, type ValidationFailure } from './ValidationFailure';

const CHECKS: Array<[ValidationFailure['check'], string]> = [
  ['files', 'Manifest files'],
  ['schema', 'CRD schemas (strict fields)'],
  ['names', 'Names (DNS-1123, label limits)'],
  ['fleet', 'No clash with the live fleet'],
  [
    'compliance',
    'Compliance (residency, HA, version, encryption, identity, health checks, autoscaler)',
  ],
  ['budget', 'Budget'],
];

function complianceTable(report: ComplianceReport): string {
  return table(
    ['Check', 'Result', 'Finding'],
    report.checks.map(c => [c.title, c.status, c.message]),
  );
}

/** The validation result in Markdown, for the change description. */
export function validationReport(
  result: ValidationResult,
  skipped: Partial<Record<ValidationFailure['check'], string>>,
): string {
  const rows = CHECKS.map(([check, title]) => {
    const failed = result.failures.filter(f => f.check === check);
    const status =
      skipped[check] ??
      (failed.length ? `failed (${failed.length})` : 'passed');
    return [title, status];
  });
  return [
    `#### Validation: ${
      result.failures.length ? `${result.failures.length} problem(s)` : 'passed'
    } (${result.objectCount} objects)`,
    '',
    table(['Check', 'Result'], rows),
    ...(result.failures.length
      ? ['', ...result.failures.map(f => `- ${describeFailure(f)}`)]
      : []),
    ...(result.compliance
      ? ['', '#### Compliance', '', complianceTable(result.compliance)]
      : []),
    ...(result.cost ? ['', costMarkdown(result.cost)] : []),
  ].join('\n');
}
