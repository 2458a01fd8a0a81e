import type { Cloud } from '../model/cloud';
import { MULTICLOUD_LABELS } from '../model/labels';

/**
 * Compliance rules: the shape of the `multicloud.compliance` config. Defaults come from the
 * seed's `data-residency-config` ConfigMap plus the security baseline in README.md.
 */
export interface ComplianceRules {
  /** General allow-list per cloud; applies to clusters without a restricted data class. */
  allowedRegions: { [cloud in Cloud]?: string[] };
  /**
   * Restricted data classes. A class's list REPLACES the general allow-list for clusters
   * and workloads of that class (GDPR regions are not in the general list on purpose).
   */
  dataClasses: Record<string, { allowedRegions: string[] }>;
  /** Label on the Cluster that carries the data class; default `multicloud.io/data-class`. */
  dataClassLabel?: string;
  /** Supported Kubernetes minors, inclusive, e.g. `{ minimum: 'v1.31' }`. */
  supportedVersions: { minimum: string; maximum?: string };
  /** Environment label values treated as production (case-insensitive). */
  productionEnvironments: string[];
  /**
   * What the CAPI provider controllers authenticate with when a cluster names no identity
   * (CAPA without `identityRef` or with AWSClusterControllerIdentity, CAPG without
   * `credentialsRef`). Not visible in CAPI objects, so it is declared here.
   */
  controllerCredentials?: 'workload-identity' | 'static';
}

export const DEFAULT_COMPLIANCE_RULES: ComplianceRules = {
  allowedRegions: {
    aws: ['us-west-2', 'us-east-1'],
    azure: ['westus2', 'eastus2'],
    gcp: ['us-west1', 'us-central1'],
  },
  dataClasses: {
    gdpr: { allowedRegions: ['eu-west-1', 'westeurope', 'europe-west1'] },
    ccpa: { allowedRegions: ['us-west-2', 'westus2', 'us-west1'] },
  },
  dataClassLabel: MULTICLOUD_LABELS.dataClass,
  supportedVersions: { minimum: 'v1.31' },
  productionEnvironments: ['production', 'prod'],
  controllerCredentials: 'workload-identity',
};

/** Fills what a partial config leaves out with the defaults (top-level keys replace). */
export function resolveComplianceRules(
  partial: Partial<ComplianceRules> = {},
): ComplianceRules {
  return { ...DEFAULT_COMPLIANCE_RULES, ...partial };
}

export function isProductionEnvironment(
  environment: string | undefined,
  rules: ComplianceRules,
): boolean {
  if (!environment) return false;
  const env = environment.toLowerCase();
  return rules.productionEnvironments.some(p => p.toLowerCase() === env);
}

/** Every production alias shares one key (`prod` matches `production`); `` for none. */
export function environmentKey(
  environment: string | undefined,
  rules: ComplianceRules,
): string {
  if (!environment) return '';
  return isProductionEnvironment(environment, rules)
    ? '\u0000production'
    : environment.toLowerCase();
}

/** Same environment, case-insensitively, with the production aliases counting as one. */
export function sameEnvironment(
  a: string | undefined,
  b: string | undefined,
  rules: ComplianceRules,
): boolean {
  return !!a && !!b && environmentKey(a, rules) === environmentKey(b, rules);
}
