import { makeClusterCost } from '../../__testUtils__/insights';
import { highCostClusters } from './highCost';

describe('highCostClusters', () => {
  it('flags clusters above twice the median, most expensive first', () => {
    const costs = [1, 1.2, 2, 2.5, 9, 5].map((perHour, i) =>
      makeClusterCost(`default/c${i}`, perHour),
    );
    // Median of 1, 1.2, 2, 2.5, 5, 9 is 2.25: only 9 and 5 are above 4.5.
    expect(highCostClusters(costs).map(h => [h.cost.ref, h.median])).toEqual([
      ['default/c4', 2.25],
      ['default/c5', 2.25],
    ]);
  });

  it('says nothing for fewer than three clusters or a free fleet', () => {
    expect(
      highCostClusters([
        makeClusterCost('default/a', 1),
        makeClusterCost('default/b', 100),
      ]),
    ).toEqual([]);
    expect(
      highCostClusters(
        [0, 0, 0, 5].map((h, i) => makeClusterCost(`default/${i}`, h)),
      ),
    ).toEqual([]);
  });
});
