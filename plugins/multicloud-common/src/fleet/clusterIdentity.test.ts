import type { ClusterSummary } from '../model/ClusterSummary';
import {
  findCluster,
  qualifyingManagementCluster,
  qualifiedClusterRef,
} from './clusterIdentity';

const summary = (
  namespace: string,
  name: string,
  managementCluster: string,
  ref: string,
) => ({ ref, namespace, name, managementCluster } as ClusterSummary);

describe('cluster identity across management clusters', () => {
  const eu = summary('default', 'prod', 'eu', 'eu/default/prod');
  const us = summary('default', 'prod', 'us', 'us/default/prod');
  const usOnly = summary('team-a', 'api', 'us', 'us/team-a/api');

  it('qualifies refs with the management cluster', () => {
    expect(qualifiedClusterRef('eu', 'default', 'prod')).toBe(
      'eu/default/prod',
    );
    expect(qualifyingManagementCluster(eu)).toBe('eu');
    expect(
      qualifyingManagementCluster(
        summary('default', 'prod', 'eu', 'default/prod'),
      ),
    ).toBeUndefined();
  });

  it('finds a name held by one management cluster without asking which', () => {
    expect(
      findCluster([eu, us, usOnly], { namespace: 'team-a', name: 'api' }),
    ).toEqual({
      kind: 'found',
      cluster: usOnly,
    });
  });

  it('reports a name held by several management clusters as ambiguous, listing them', () => {
    expect(
      findCluster([us, eu, usOnly], { namespace: 'default', name: 'prod' }),
    ).toEqual({
      kind: 'ambiguous',
      managementClusters: ['eu', 'us'],
    });
  });

  it('disambiguates with the management cluster, and misses when it holds no such cluster', () => {
    expect(
      findCluster([eu, us], {
        namespace: 'default',
        name: 'prod',
        managementCluster: 'us',
      }),
    ).toEqual({ kind: 'found', cluster: us });
    expect(
      findCluster([eu, us, usOnly], {
        namespace: 'team-a',
        name: 'api',
        managementCluster: 'eu',
      }),
    ).toEqual({ kind: 'not-found' });
  });

  it('asks whether a cluster is visible only of the clusters of that name; invisible ones never make a name ambiguous', () => {
    const asked: string[] = [];
    const visible = (c: ClusterSummary) => {
      asked.push(c.ref);
      return c.managementCluster === 'eu';
    };
    expect(
      findCluster(
        [eu, us, usOnly],
        { namespace: 'default', name: 'prod' },
        visible,
      ),
    ).toEqual({ kind: 'found', cluster: eu });
    expect(asked.sort()).toEqual([eu.ref, us.ref].sort());
  });
});
