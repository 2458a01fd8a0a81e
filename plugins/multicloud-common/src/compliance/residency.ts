import type { Cloud } from '../model/cloud';
import type { ComplianceRules } from './rules';

/** The regions a cluster or workload may use, and the config path that said so. */
export interface RegionAllowance {
  regions: readonly string[];
  /** e.g. `dataClasses.gdpr.allowedRegions` or `allowedRegions.aws`. */
  rule: string;
  /** The restricted class that applied (its config key), if any. */
  restrictedClass?: string;
}

/**
 * The config key of a restricted data class, matched case-insensitively so a `GDPR` label
 * cannot slip past the `gdpr` restriction onto the (looser) general allow-list.
 */
export function restrictedDataClass(
  dataClass: string | undefined,
  rules: ComplianceRules,
): string | undefined {
  if (!dataClass) return undefined;
  const wanted = dataClass.toLowerCase();
  return Object.keys(rules.dataClasses).find(k => k.toLowerCase() === wanted);
}

/**
 * Residency rule: a restricted data class's list replaces the general per-cloud list;
 * no class, or a class without a restriction, uses the general list of the cloud.
 */
export function allowedRegionsFor(
  cloud: Cloud,
  dataClass: string | undefined,
  rules: ComplianceRules,
): RegionAllowance {
  const restrictedClass = restrictedDataClass(dataClass, rules);
  if (restrictedClass) {
    return {
      regions: rules.dataClasses[restrictedClass].allowedRegions,
      rule: `dataClasses.${restrictedClass}.allowedRegions`,
      restrictedClass,
    };
  }
  return {
    regions: rules.allowedRegions[cloud] ?? [],
    rule: `allowedRegions.${cloud}`,
  };
}

export function isRegionAllowed(
  cloud: Cloud,
  region: string | undefined,
  dataClass: string | undefined,
  rules: ComplianceRules,
): boolean {
  return (
    region !== undefined &&
    allowedRegionsFor(cloud, dataClass, rules).regions.includes(region)
  );
}
