import type { ClusterSummary } from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import { autoscalerBoundsCheck } from './checks/autoscalerBounds';
import type { CheckDefinition } from './checks/CheckDefinition';
import { controlPlaneHaCheck } from './checks/controlPlaneHa';
import { dataResidencyCheck } from './checks/dataResidency';
import { diskEncryptionCheck } from './checks/diskEncryption';
import { kubernetesVersionCheck } from './checks/kubernetesVersion';
import { machineHealthCheckCoverage } from './checks/machineHealthCheck';
import { workloadIdentityCheck } from './checks/workloadIdentity';
import { complianceObjects } from './clusterObjects';
import type { ClusterObjects } from '../fleet/ClusterObjects';
import { ComplianceRules, DEFAULT_COMPLIANCE_RULES } from './rules';
import type { ComplianceReport } from './types';

/** In report order: the order of COMPLIANCE_CHECK_IDS. */
const CHECKS: readonly CheckDefinition[] = [
  dataResidencyCheck,
  controlPlaneHaCheck,
  kubernetesVersionCheck,
  diskEncryptionCheck,
  workloadIdentityCheck,
  machineHealthCheckCoverage,
  autoscalerBoundsCheck,
];

/**
 * Evaluates every check against one cluster. `objects` are the cluster's CAPI objects, as a
 * list or as the fleet's classified ClusterObjects (Cluster, infrastructure and control-plane
 * objects, MachineDeployments, MachinePools, machine templates, MachineHealthChecks), plus
 * the identity objects they reference (AzureClusterIdentity).
 */
export function evaluateCompliance(
  summary: ClusterSummary,
  objects: ClusterObjects | readonly KubeObject[],
  rules: ComplianceRules = DEFAULT_COMPLIANCE_RULES,
): ComplianceReport {
  const ctx = { summary, objects: complianceObjects(objects), rules };
  const checks = CHECKS.map(({ id, title, severity, evaluate }) => ({
    id,
    title,
    severity,
    ...evaluate(ctx),
  }));
  return {
    ref: summary.ref,
    cloud: summary.cloud,
    owner: summary.labels.owner,
    environment: summary.labels.environment,
    compliant: checks.every(c => c.status !== 'fail'),
    checks,
  };
}
