import { regionGeography } from './geography';
import { LATENCY_SCORES, latencyTier } from './prioritizers/latency';

describe('regionGeography', () => {
  it.each([
    [
      'us-west-2',
      { cloud: 'aws', continent: 'north-america', area: 'us-west' },
    ],
    ['eu-central-1', { cloud: 'aws', continent: 'europe', area: 'eu-central' }],
    [
      'westus2',
      { cloud: 'azure', continent: 'north-america', area: 'us-west' },
    ],
    ['westeurope', { cloud: 'azure', continent: 'europe', area: 'eu-west' }],
    ['uksouth', { cloud: 'azure', continent: 'europe', area: 'uk-south' }],
    [
      'southafricanorth',
      { cloud: 'azure', continent: 'africa', area: 'za-north' },
    ],
    ['us-west1', { cloud: 'gcp', continent: 'north-america', area: 'us-west' }],
    ['europe-west1', { cloud: 'gcp', continent: 'europe', area: 'eu-west' }],
    [
      'asia-southeast1',
      { cloud: 'gcp', continent: 'asia-pacific', area: 'ap-southeast' },
    ],
    ['Not A Region', {}],
  ])('%s', (region, expected) => {
    expect(regionGeography(region)).toEqual(expected);
  });
});

describe('latency tiers', () => {
  it.each([
    ['us-west-2', ['us-west-2'], 'preferred-region'],
    ['westus2', ['us-west-2'], 'same-area'],
    ['us-west1', ['westus2', 'eu-west-1'], 'same-area'],
    ['us-east-1', ['us-west-2'], 'same-continent'],
    ['westeurope', ['europe-west1'], 'same-area'],
    ['eu-central-1', ['westeurope'], 'same-continent'],
    ['eu-west-1', ['us-west-2'], 'elsewhere'],
    ['eu-west-1', [], 'no-preference'],
  ] as const)('%s against %j → %s', (region, preferred, tier) => {
    expect(latencyTier(region, preferred)).toBe(tier);
  });

  it('scores the tiers from the table', () => {
    expect(LATENCY_SCORES).toEqual({
      'no-preference': 100,
      'preferred-region': 100,
      'same-area': 70,
      'same-continent': 40,
      elsewhere: 0,
    });
  });
});
