import { makeCluster } from '../fleet/__fixtures__';
import { summarizeCluster } from '../fleet/summarizeCluster';
import { estimateClusterCost, type ClusterCost } from './estimateClusterCost';
import { PriceBook } from './PriceBook';
import { costProvenanceOf } from './provenance';
import { rollupByService, SERVICE_SPLIT_RULE } from './rollupByService';
import { rollupCosts, totalCost } from './rollupCosts';

const book = new PriceBook();
const costs: ClusterCost[] = [
  { name: 'a', owner: 'payments', environment: 'prod', region: 'us-east-1' },
  {
    name: 'b',
    owner: 'payments',
    environment: 'dev',
    region: 'eu-west-1',
    workers: 1,
  },
  {
    name: 'c',
    owner: 'search',
    environment: 'prod',
    cloud: 'azure' as const,
    controlPlane: 'managed' as const,
  },
  {
    name: 'd',
    cloud: 'gcp' as const,
    environment: 'prod',
    instanceType: 'n9-unknown',
  },
].map(o => estimateClusterCost(summarizeCluster(makeCluster(o)), book));
const total = costs.reduce((sum, c) => sum + c.perHour, 0);

describe('cost roll-ups', () => {
  it('rolls up per cloud, region, owner and environment; rows add up to the total', () => {
    for (const dimension of [
      'cloud',
      'region',
      'owner',
      'environment',
    ] as const) {
      const rows = rollupCosts(costs, dimension);
      expect(rows.reduce((sum, r) => sum + r.perHour, 0)).toBeCloseTo(total);
      expect(rows.reduce((sum, r) => sum + r.clusters, 0)).toBe(4);
    }
    expect(
      rollupCosts(costs, 'owner').map(r => [r.key, r.clusters, r.provenance]),
    ).toEqual([
      ['payments', 2, 'estimated'],
      ['search', 1, 'exact'],
      ['unknown', 1, 'partial'],
    ]);
    expect(
      rollupCosts(costs, 'cloud').find(r => r.key === 'aws'),
    ).toMatchObject({ refs: ['default/a', 'default/b'] });
  });

  it('totals with provenance', () => {
    expect(totalCost(costs)).toMatchObject({
      clusters: 4,
      perHour: total,
      perMonth: total * 730,
      provenance: 'partial',
      unknownLines: 1,
    });
  });

  it('splits a cluster equally among the services depending on it; unallocated shown; sums add up', () => {
    const rollup = rollupByService(costs, {
      'component:default/checkout': ['default/a', 'default/c'],
      'component:default/ledger': ['default/a', 'default/a'],
      'component:default/search': ['default/c', 'default/gone'],
    });
    expect(rollup.splitRule).toBe(SERVICE_SPLIT_RULE);
    const [a, , c] = costs;
    const checkout = rollup.services.find(
      s => s.service === 'component:default/checkout',
    )!;
    expect(checkout.clusters).toEqual([
      {
        cluster: 'default/a',
        share: 0.5,
        perHour: a.perHour / 2,
        perMonth: (a.perHour / 2) * 730,
      },
      {
        cluster: 'default/c',
        share: 0.5,
        perHour: c.perHour / 2,
        perMonth: (c.perHour / 2) * 730,
      },
    ]);
    expect(
      rollup.services.find(s => s.service === 'component:default/ledger')!
        .perHour,
    ).toBeCloseTo(a.perHour / 2);
    expect(
      rollup.services.find(s => s.service === 'component:default/search'),
    ).toMatchObject({ missingClusters: ['default/gone'] });
    expect(rollup.unallocated.clusters).toEqual(['default/b', 'default/d']);

    const allocated = rollup.services.reduce((sum, s) => sum + s.perHour, 0);
    expect(allocated + rollup.unallocated.perHour).toBeCloseTo(
      rollup.total.perHour,
    );
    expect(rollup.total.perHour).toBeCloseTo(total);
  });

  it('reports a service whose clusters are all unknown as unknown, not as free', () => {
    const rollup = rollupByService(costs, {
      'component:default/ghost': ['default/nope'],
    });
    expect(rollup.services[0]).toMatchObject({
      perHour: 0,
      provenance: 'unknown',
      missingClusters: ['default/nope'],
    });
  });

  it('combines provenance: exact < estimated < partial', () => {
    expect(costProvenanceOf(['exact', 'negotiated'])).toBe('exact');
    expect(costProvenanceOf(['exact', 'fallback'])).toBe('estimated');
    expect(costProvenanceOf(['exact', 'unknown'])).toBe('partial');
    expect(costProvenanceOf(['unknown'])).toBe('unknown');
    expect(costProvenanceOf(['estimated', 'partial'])).toBe('partial');
  });
});
