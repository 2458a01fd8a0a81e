import type { Config } from '@backstage/config';
import {
  CLOUDS,
  DEFAULT_PLACEMENT_CONFIG,
  PRIORITIZERS,
  resolveComplianceRules,
  type ComplianceRules,
  type KnownCloud,
  type PlacementConfig,
  type PriceBookConfig,
} from '@internal/plugin-multicloud-common';

/** `multicloud.pricing` → the price book's overrides (config.d.ts checks the types). */
export function readPriceBookConfig(config: Config): PriceBookConfig {
  const pricing = config.getOptionalConfig('multicloud.pricing');
  if (!pricing) return {};
  const discounts: PriceBookConfig['discounts'] = {};
  for (const cloud of CLOUDS) {
    const discount = pricing.getOptionalNumber(`discounts.${cloud}`);
    if (discount !== undefined) discounts[cloud] = discount;
  }
  const prices = (pricing.getOptionalConfigArray('prices') ?? []).map(p => ({
    cloud: p.getString('cloud') as KnownCloud,
    instanceType: p.getString('instanceType'),
    region: p.getOptionalString('region'),
    perHour: p.getNumber('perHour'),
  }));
  return { discounts, prices };
}

/** `multicloud.compliance` over the seed's defaults; unset keys keep their default. */
export function readComplianceRules(config: Config): ComplianceRules {
  const c = config.getOptionalConfig('multicloud.compliance');
  if (!c) return resolveComplianceRules();
  const partial: Partial<ComplianceRules> = {};
  const allowed = c.getOptionalConfig('allowedRegions');
  if (allowed) {
    partial.allowedRegions = Object.fromEntries(
      CLOUDS.flatMap(cloud => {
        const regions = allowed.getOptionalStringArray(cloud);
        return regions ? [[cloud, regions]] : [];
      }),
    );
  }
  const classes = c.getOptionalConfig('dataClasses');
  if (classes) {
    partial.dataClasses = Object.fromEntries(
      classes
        .keys()
        .map(key => [
          key,
          { allowedRegions: classes.getStringArray(`${key}.allowedRegions`) },
        ]),
    );
  }
  const minimum = c.getOptionalString('minimumKubernetesVersion');
  if (minimum) partial.supportedVersions = { minimum };
  const production = c.getOptionalStringArray('productionEnvironments');
  if (production) partial.productionEnvironments = production;
  return resolveComplianceRules(partial);
}

/** `multicloud.placement` over the defaults. */
export function readPlacementConfig(config: Config): PlacementConfig {
  const p = config.getOptionalConfig('multicloud.placement');
  const weights = { ...DEFAULT_PLACEMENT_CONFIG.weights };
  for (const prioritizer of PRIORITIZERS) {
    const weight = p?.getOptionalNumber(`weights.${prioritizer}`);
    if (weight !== undefined) weights[prioritizer] = weight;
  }
  return {
    ...DEFAULT_PLACEMENT_CONFIG,
    weights,
    allowDegraded:
      p?.getOptionalBoolean('allowDegraded') ??
      DEFAULT_PLACEMENT_CONFIG.allowDegraded,
  };
}
