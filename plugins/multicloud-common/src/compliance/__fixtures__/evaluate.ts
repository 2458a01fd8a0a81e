import {
  makeCluster,
  type ClusterFixtureOptions,
} from '../../fleet/__fixtures__';
import { summarizeCluster } from '../../fleet/summarizeCluster';
import type { KubeObject } from '../../model/kube';
import { evaluateCompliance } from '../evaluateCompliance';
import { ComplianceRules, DEFAULT_COMPLIANCE_RULES } from '../rules';
import type { ComplianceCheck, ComplianceCheckId } from '../types';

/** One check of the report for these objects, summarised the way the fleet does it. */
export function checkOf(
  id: ComplianceCheckId,
  objects: readonly KubeObject[],
  rules: ComplianceRules = DEFAULT_COMPLIANCE_RULES,
): ComplianceCheck {
  const report = evaluateCompliance(summarizeCluster(objects), objects, rules);
  return report.checks.find(c => c.id === id)!;
}

export const API_VERSIONS = ['v1beta1', 'v1beta2'] as const;

/** makeCluster with a region the default rules allow for the cloud. */
export function cluster(options: ClusterFixtureOptions = {}): KubeObject[] {
  const region = {
    aws: 'us-west-2',
    azure: 'westus2',
    gcp: 'us-west1',
    other: undefined,
  }[options.cloud ?? 'aws'];
  return makeCluster({ region, ...options });
}
