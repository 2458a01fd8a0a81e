import { allowedRegionsFor, isRegionAllowed } from '../compliance/residency';
import type { ComplianceRules } from '../compliance/rules';
import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';
import { MULTICLOUD_ANNOTATIONS } from '../model/labels';
import { FAILED_OVER_STATE } from './annotations';

/**
 * Why `candidate` cannot take over from `primary`, or `[]` when it can: it must exist, be
 * another cluster, be `healthy` (a degraded standby would inherit load it cannot carry), not
 * be failed over itself, and be in a region the primary's data class allows (the compliance
 * engine's residency rule: a GDPR primary never fails over outside the GDPR regions).
 */
export function targetProblems(
  primary: ClusterSummary,
  candidateRef: ClusterRef,
  candidate: ClusterSummary | undefined,
  rules: ComplianceRules,
): string[] {
  if (candidateRef === primary.ref)
    return ['a cluster cannot fail over to itself'];
  if (!candidate) return [`cluster ${candidateRef} does not exist`];
  const problems: string[] = [];
  const { verdict, reasons } = candidate.health;
  if (verdict !== 'healthy') {
    problems.push(
      `${candidateRef} is ${verdict}${
        reasons[0] ? `: ${reasons[0].message}` : ''
      }`,
    );
  }
  if (
    candidate.annotations[MULTICLOUD_ANNOTATIONS.failoverState] ===
    FAILED_OVER_STATE
  ) {
    problems.push(`${candidateRef} is itself failed over`);
  }
  const dataClass = primary.labels.dataClass;
  if (!isRegionAllowed(candidate.cloud, candidate.region, dataClass, rules)) {
    const allowance = allowedRegionsFor(candidate.cloud, dataClass, rules);
    const scope = allowance.restrictedClass
      ? `data class ${allowance.restrictedClass} of ${primary.ref}`
      : `${candidate.cloud} clusters without a restricted data class`;
    problems.push(
      `${candidateRef} is in ${candidate.cloud} region ${
        candidate.region ?? '(unknown)'
      }, not allowed for ${scope} ` +
        `(${allowance.rule} = [${allowance.regions.join(', ')}])`,
    );
  }
  return problems;
}
