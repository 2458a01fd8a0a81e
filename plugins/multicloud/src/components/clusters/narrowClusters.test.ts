import { makeCluster } from '../../__testUtils__/clusters';
import { narrowClusters } from './narrowClusters';

const list = (names: string[], total = names.length) => ({
  items: names.map(n => makeCluster(n)),
  total,
});
const names = (clusters: ReturnType<typeof narrowClusters>) =>
  clusters?.map(c => c.name);

describe('narrowClusters', () => {
  const answered = list([
    'alpha-eu-west-1',
    'alpha-eu-west-2',
    'beta-eu-west-2',
  ]);

  it('filters the list on screen when the typed search narrows the one it answers, keeping its order', () => {
    expect(names(narrowClusters(answered, 'eu-w', 'eu-west-2'))).toEqual([
      'alpha-eu-west-2',
      'beta-eu-west-2',
    ]);
    expect(names(narrowClusters(answered, 'eu', 'Alpha EU-WEST-2 '))).toEqual([
      'alpha-eu-west-2',
    ]);
    expect(names(narrowClusters(answered, undefined, 'beta'))).toEqual([
      'beta-eu-west-2',
    ]);
  });

  it('leaves the list alone when it cannot tell: a broader or different search, the same one, a cut list', () => {
    expect(narrowClusters(answered, 'eu-west-2', 'eu-west-')).toBeUndefined();
    expect(narrowClusters(answered, 'alpha', 'beta')).toBeUndefined();
    expect(narrowClusters(answered, 'eu', ' eu ')).toBeUndefined();
    expect(narrowClusters(list(['pay-eu'], 5001), '', 'pay')).toBeUndefined();
    expect(narrowClusters(undefined, '', 'pay')).toBeUndefined();
  });
});
