import { FLEET_COSTS, makeCostResponse } from '../../__testUtils__/insights';
import { scopeCost } from './scopeCost';

const fleet = makeCostResponse(FLEET_COSTS, {
  'component:default/payments-api': [
    'default/payments-eu',
    'default/search-gcp',
  ],
  'component:default/search-indexer': ['default/search-gcp'],
});

describe('scopeCost', () => {
  it('leaves the fleet as it is without owners', () => {
    expect(scopeCost(fleet, undefined)).toBe(fleet);
    expect(scopeCost(fleet, [])).toBe(fleet);
  });

  it("recomputes totals and roll-ups over the owners' clusters only", () => {
    const mine = scopeCost(fleet, ['team-payments']);
    expect(mine.clusters.map(c => c.ref)).toEqual([
      'default/payments-eu',
      'default/payments-us',
    ]);
    expect(mine.total).toMatchObject({
      clusters: 2,
      perHour: 2,
      perMonth: 1460,
      provenance: 'estimated',
    });
    expect(mine.by.cloud.map(r => [r.key, r.perHour])).toEqual([['aws', 2]]);
    expect(mine.by.region.map(r => r.key)).toEqual(['eu-west-1', 'us-west-2']);
  });

  it('keeps fleet-wide service shares: other teams still use a shared cluster', () => {
    const search = scopeCost(fleet, ['team-search']);
    if ('error' in search.services) throw new Error('services expected');
    // search-gcp ($12/h) serves two services, so each is charged half of it.
    expect(search.services.services.map(s => [s.service, s.perHour])).toEqual([
      ['component:default/payments-api', 6],
      ['component:default/search-indexer', 6],
    ]);
    expect(search.services.unallocated.clusters).toEqual([]);
    const payments = scopeCost(fleet, ['team-payments']);
    if ('error' in payments.services) throw new Error('services expected');
    expect(payments.services.services.map(s => s.service)).toEqual([
      'component:default/payments-api',
    ]);
    expect(payments.services.unallocated.clusters).toEqual([
      'default/payments-us',
    ]);
  });

  it('passes on why service costs are unavailable', () => {
    const down = makeCostResponse(
      FLEET_COSTS,
      {},
      {
        services: { error: 'service costs unavailable: catalog down' },
      },
    );
    expect(scopeCost(down, ['team-search']).services).toEqual({
      error: 'service costs unavailable: catalog down',
    });
  });
});
