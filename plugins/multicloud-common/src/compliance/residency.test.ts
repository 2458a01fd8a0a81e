import {
  allowedRegionsFor,
  isRegionAllowed,
  restrictedDataClass,
} from './residency';
import {
  DEFAULT_COMPLIANCE_RULES as rules,
  isProductionEnvironment,
  resolveComplianceRules,
  sameEnvironment,
} from './rules';

describe('isRegionAllowed', () => {
  it.each([
    ['aws', 'us-west-2', undefined, true],
    ['aws', 'us-east-1', undefined, true],
    ['aws', 'eu-west-1', undefined, false],
    ['azure', 'westus2', undefined, true],
    ['azure', 'eastus', undefined, false],
    ['gcp', 'us-central1', undefined, true],
    ['gcp', 'europe-west1', undefined, false],
    // The GDPR list replaces the general one: EU regions in, US regions out.
    ['aws', 'eu-west-1', 'gdpr', true],
    ['azure', 'westeurope', 'gdpr', true],
    ['gcp', 'europe-west1', 'gdpr', true],
    ['aws', 'us-east-1', 'gdpr', false],
    ['aws', 'us-west-2', 'ccpa', true],
    ['azure', 'westus2', 'ccpa', true],
    ['gcp', 'us-west1', 'ccpa', true],
    ['aws', 'us-east-1', 'ccpa', false],
    ['gcp', 'us-central1', 'ccpa', false],
  ] as const)(
    '%s %s (data class %s) → %s',
    (cloud, region, dataClass, expected) => {
      expect(isRegionAllowed(cloud, region, dataClass, rules)).toBe(expected);
    },
  );

  it('matches data classes case-insensitively, so a GDPR label cannot escape the restriction', () => {
    expect(restrictedDataClass('GDPR', rules)).toBe('gdpr');
    expect(isRegionAllowed('aws', 'us-east-1', 'GDPR', rules)).toBe(false);
    expect(isRegionAllowed('aws', 'eu-west-1', 'Gdpr', rules)).toBe(true);
  });

  it('applies the general list to a data class without a restriction', () => {
    expect(allowedRegionsFor('aws', 'public', rules)).toEqual({
      regions: ['us-west-2', 'us-east-1'],
      rule: 'allowedRegions.aws',
    });
  });

  it('allows nothing for an unknown region, or a cloud without a list', () => {
    expect(isRegionAllowed('aws', undefined, undefined, rules)).toBe(false);
    expect(isRegionAllowed('other', 'local', undefined, rules)).toBe(false);
  });

  it('names the rule that decided', () => {
    expect(allowedRegionsFor('gcp', 'gdpr', rules)).toEqual({
      regions: ['eu-west-1', 'westeurope', 'europe-west1'],
      rule: 'dataClasses.gdpr.allowedRegions',
      restrictedClass: 'gdpr',
    });
  });
});

describe('environments', () => {
  it('treats every production alias as production, case-insensitively', () => {
    expect(isProductionEnvironment('Prod', rules)).toBe(true);
    expect(isProductionEnvironment('production', rules)).toBe(true);
    expect(isProductionEnvironment('staging', rules)).toBe(false);
    expect(isProductionEnvironment(undefined, rules)).toBe(false);
    expect(sameEnvironment('prod', 'production', rules)).toBe(true);
    expect(sameEnvironment('Staging', 'staging', rules)).toBe(true);
    expect(sameEnvironment('staging', 'prod', rules)).toBe(false);
    expect(sameEnvironment(undefined, 'prod', rules)).toBe(false);
  });

  it('fills missing config keys with the defaults', () => {
    const custom = resolveComplianceRules({ productionEnvironments: ['live'] });
    expect(custom.allowedRegions).toBe(rules.allowedRegions);
    expect(isProductionEnvironment('prod', custom)).toBe(false);
    expect(isProductionEnvironment('live', custom)).toBe(true);
  });
});
