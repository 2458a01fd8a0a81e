import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import { testPricing } from './__fixtures__/pricing';
import { newClusterOptions } from './newClusterOptions';
import { PlacementRequest } from './request';

const request = (
  overrides: Partial<PlacementRequest> = {},
): PlacementRequest => ({
  cpu: 2,
  memory: 4,
  gpu: 0,
  replicas: 4,
  environment: 'dev',
  preferredRegions: [],
  allowedClouds: ['aws', 'azure', 'gcp'],
  ...overrides,
});

describe('newClusterOptions', () => {
  it('picks the cheapest compliant region and instance type per cloud, cheapest first', () => {
    const { options, gaps } = newClusterOptions(request(), testPricing, rules);
    expect(gaps).toEqual([]);
    expect(
      options.map(o => [
        o.cloud,
        o.region,
        o.workers.instanceType,
        o.workers.nodes,
        o.costPerHour,
        o.provenance,
      ]),
    ).toEqual([
      // e2-medium: 2 vCPU / 4 GiB, one replica each; 4 workers + 1 control-plane node.
      ['gcp', 'us-central1', 'e2-medium', 4, 0.1675, 'exact'],
      // Equal cost: ties go by region name.
      ['azure', 'eastus2', 'Standard_B2s', 4, 0.208, 'exact'],
      ['aws', 'us-east-1', 't3.medium', 4, 0.208, 'exact'],
    ]);
  });

  it('prefers a preferred region at equal cost, and labels fallback prices', () => {
    const { options } = newClusterOptions(
      request({ preferredRegions: ['us-west-2'], allowedClouds: ['aws'] }),
      testPricing,
      rules,
    );
    expect(options[0]).toMatchObject({
      region: 'us-west-2',
      provenance: 'estimated',
      latency: 'preferred-region',
    });
    expect(options[0].workers.price.note).toMatch(
      /^estimated: us-east-1 price used for us-west-2/,
    );
  });

  it('keeps GDPR clusters in GDPR regions of the same cloud, 3 control-plane nodes in production', () => {
    const { options } = newClusterOptions(
      request({ dataClass: 'gdpr', environment: 'production' }),
      testPricing,
      rules,
    );
    expect(options.map(o => [o.cloud, o.region, o.residencyRule])).toEqual([
      ['gcp', 'europe-west1', 'dataClasses.gdpr.allowedRegions'],
      ['aws', 'eu-west-1', 'dataClasses.gdpr.allowedRegions'],
      ['azure', 'westeurope', 'dataClasses.gdpr.allowedRegions'],
    ]);
    expect(options.every(o => o.controlPlane.nodes === 3)).toBe(true);
  });

  it('hosts GPU replicas on GPU types only', () => {
    const { options } = newClusterOptions(
      request({ gpu: 1, replicas: 2 }),
      testPricing,
      rules,
    );
    expect(options.map(o => o.workers.instanceType).sort()).toEqual([
      'Standard_NC4as_T4_v3',
      'g2-standard-4',
      'g5.xlarge',
    ]);
  });

  it('marks options over budget, and explains clouds without an option', () => {
    const noRegion = {
      ...rules,
      allowedRegions: { ...rules.allowedRegions, gcp: [] },
    };
    const { options, gaps } = newClusterOptions(
      request({ maxHourlyCost: 0.2 }),
      testPricing,
      noRegion,
    );
    expect(options.map(o => [o.cloud, o.withinBudget])).toEqual([
      ['azure', false],
      ['aws', false],
    ]);
    expect(gaps).toEqual([
      { cloud: 'gcp', reason: 'no gcp region in allowedRegions.gcp' },
    ]);
    const huge = newClusterOptions(
      request({ cpu: 64, allowedClouds: ['aws'] }),
      testPricing,
      rules,
    );
    expect(huge.gaps).toEqual([
      {
        cloud: 'aws',
        reason: 'no aws instance type in the price book fits one replica',
      },
    ]);
  });
});
