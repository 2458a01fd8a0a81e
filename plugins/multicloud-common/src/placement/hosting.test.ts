import { summary } from '../compliance/__fixtures__/summary';
import { testPricing, withoutPrices } from './__fixtures__/pricing';
import {
  createHostingPlanScratch,
  planHosting,
  replicasPerNode,
} from './hosting';
import { buildPlacementIndex } from './placementIndex';

const shape = (cpu: number, memory: number, replicas: number, gpu = 0) => ({
  cpu,
  memory,
  gpu,
  replicas,
});

describe('replicasPerNode', () => {
  it.each([
    [4, 16, 0, shape(1, 2, 1), 4],
    [4, 16, 0, shape(1, 8, 1), 2],
    [2, 4, 0, shape(4, 1, 1), 0],
    [0.6, 100, 0, shape(0.2, 1, 1), 3], // float noise does not lose a slot
    [4, 16, 1, shape(1, 1, 1, 1), 1],
    [4, 16, 0, shape(1, 1, 1, 1), 0],
  ])('%d vCPU %d GiB %d GPU, %j → %d', (vcpu, mem, gpu, s, expected) => {
    expect(replicasPerNode(vcpu, mem, gpu, s)).toBe(expected);
  });
});

describe('planHosting', () => {
  const cluster = summary({
    name: 'c',
    region: 'us-east-1',
    pools: [
      { name: 'big', instanceType: 'm5.xlarge', nodes: 2, min: 2, max: 4 }, // $0.192, 4 vCPU / 16 GiB
      { name: 'small', instanceType: 'm5.large', nodes: 2, min: 2, max: 3 }, // $0.096, 2 vCPU / 8 GiB
      { name: 'fixed', instanceType: 'c5.xlarge', nodes: 2 }, // no autoscaler
    ],
  });

  it('fills the cheapest price per replica first and stops at the autoscaler max', () => {
    const ix = buildPlacementIndex([cluster], testPricing);
    const plan = createHostingPlanScratch(ix.maxPools);
    // 1 core / 4 GiB: m5.xlarge holds 4 ($0.048 each), m5.large 2 ($0.048 each): tie → first pool.
    planHosting(ix, 0, shape(1, 4, 10), plan);
    expect(plan.fits).toBe(true);
    expect(Array.from(plan.onNew)).toEqual([8, 2, 0]);
    expect(Array.from(plan.newNodes)).toEqual([2, 1, 0]);
    expect(plan.cost).toBeCloseTo(2 * 0.192 + 0.096);
  });

  it('reports how much fits when capacity runs out', () => {
    const ix = buildPlacementIndex([cluster], testPricing);
    const plan = createHostingPlanScratch(ix.maxPools);
    planHosting(ix, 0, shape(2, 2, 20), plan);
    // m5.xlarge: 2 per node × 2 nodes; m5.large: 1 per node × 1 node.
    expect(plan).toMatchObject({ fits: false, placed: 5 });
  });

  it('uses idle capacity of existing nodes first when utilisation is known', () => {
    const ix = buildPlacementIndex([cluster], testPricing, {
      utilisation: { 'default/c': { cpu: 0.5, memory: 0.5 } },
    });
    const plan = createHostingPlanScratch(ix.maxPools);
    // Per node half free: m5.xlarge 2 cores/8 GiB → 2 replicas of 1 core/4 GiB, × 2 nodes.
    planHosting(ix, 0, shape(1, 4, 3), plan);
    expect(plan).toMatchObject({ fits: true, cost: 0 });
    expect(Array.from(plan.onExisting)).toEqual([3, 0, 0]);
  });

  it('marks the cost unknown (NaN) when a used pool has no price', () => {
    const noSize = summary({
      name: 'x',
      region: 'us-east-1',
      pools: [{ instanceType: 'unknown.type', min: 1, max: 5 }],
    });
    const noPrice = summary({
      name: 'y',
      cloud: 'azure',
      region: 'westus2',
      pools: [{ instanceType: 'Standard_D4s_v5', min: 1, max: 5 }],
    });
    const ix = buildPlacementIndex([noSize, noPrice], withoutPrices('azure'));
    const plan = createHostingPlanScratch(ix.maxPools);
    planHosting(ix, 0, shape(1, 1, 1), plan);
    expect(plan.fits).toBe(false); // size unknown: no capacity
    planHosting(ix, 1, shape(1, 1, 1), plan);
    expect(plan.fits).toBe(true);
    expect(plan.cost).toBeNaN();
  });
});
