import { summary } from '../../compliance/__fixtures__/summary';
import { testPricing } from '../__fixtures__/pricing';
import {
  buildPlacementIndex,
  HEALTH_DEGRADED,
  HEALTH_HEALTHY,
  HEALTH_OTHER,
} from '../placementIndex';
import { costScore } from './cost';
import { headroomScore } from './headroom';
import { healthScore } from './health';
import { spreadBasis } from './spread';

describe('cost', () => {
  it('gives the cheapest 100 and falls linearly with the gap, relative to the dearest', () => {
    expect(costScore(1, 1, 2)).toBe(100);
    expect(costScore(2, 1, 2)).toBe(50);
    expect(costScore(1.01, 1, 2)).toBeCloseTo(99.5);
    expect(costScore(0, 0, 1)).toBe(100);
    expect(costScore(1, 0, 1)).toBe(0);
  });

  it('gives 100 when all candidates cost the same, and 0 when the cost is unknown', () => {
    expect(costScore(0.5, 0.5, 0.5)).toBe(100);
    expect(costScore(NaN, 0.5, 1)).toBe(0);
  });
});

describe('headroom', () => {
  const ix = buildPlacementIndex(
    [
      summary({
        name: 'a',
        region: 'us-east-1',
        pools: [{ instanceType: 'm5.xlarge', nodes: 2, min: 2, max: 10 }],
      }),
      summary({
        name: 'b',
        region: 'us-east-1',
        pools: [{ instanceType: 'g5.xlarge', nodes: 1, min: 1, max: 2 }],
      }),
      summary({
        name: 'c',
        region: 'us-east-1',
        pools: [{ instanceType: 'm5.xlarge', nodes: 2 }],
      }),
    ],
    testPricing,
  );

  it('is the share of the maximum capacity left after placement, in the scarcest resource', () => {
    // a: 40 vCPU / 160 GiB at max, 32 / 128 free; placing 8 cores / 64 GiB leaves 24 / 64 → 40%.
    expect(
      headroomScore(ix, 0, { cpu: 1, memory: 8, gpu: 0, replicas: 8 }),
    ).toBeCloseTo(40);
  });

  it('counts GPUs only when requested', () => {
    // b: 2 GPUs at max, 1 free; one GPU replica leaves 0.
    expect(
      headroomScore(ix, 1, { cpu: 1, memory: 1, gpu: 1, replicas: 1 }),
    ).toBe(0);
    expect(
      headroomScore(ix, 1, { cpu: 1, memory: 1, gpu: 0, replicas: 1 }),
    ).toBeCloseTo(37.5);
  });

  it('stays within 0–100', () => {
    expect(
      headroomScore(ix, 2, { cpu: 1, memory: 1, gpu: 0, replicas: 1 }),
    ).toBe(0);
  });
});

describe('health', () => {
  it('scores healthy 100, degraded 50', () => {
    expect(healthScore(HEALTH_HEALTHY)).toBe(100);
    expect(healthScore(HEALTH_DEGRADED)).toBe(50);
    expect(healthScore(HEALTH_OTHER)).toBe(0);
  });
});

describe('spread', () => {
  const fleet = [
    summary({ name: 'a1', cloud: 'aws', owner: 'payments' }),
    summary({ name: 'a2', cloud: 'aws', owner: 'payments' }),
    summary({ name: 'z1', cloud: 'azure', owner: 'payments' }),
    summary({ name: 'g1', cloud: 'gcp', owner: 'search' }),
    summary({ name: 'g2', cloud: 'gcp' }),
  ];
  const ix = buildPlacementIndex(fleet, testPricing);

  it("penalises the cloud hosting most of the owner's clusters", () => {
    const spread = spreadBasis(ix, 'payments');
    expect(spread.basis).toBe('owner');
    expect(Array.from(spread.scores).map(Math.round)).toEqual([
      33, 67, 100, 100,
    ]);
  });

  it('falls back to the whole fleet for an owner without clusters', () => {
    const spread = spreadBasis(ix, 'newcomers');
    expect(spread.basis).toBe('fleet');
    expect(Array.from(spread.scores)).toEqual([60, 80, 60, 100]);
  });

  it('scores every cloud 100 in an empty fleet', () => {
    expect(
      Array.from(
        spreadBasis(buildPlacementIndex([], testPricing), undefined).scores,
      ),
    ).toEqual([100, 100, 100, 100]);
  });
});
