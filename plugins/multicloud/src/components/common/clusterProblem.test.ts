import { makeCluster } from '../../__testUtils__/clusters';
import { clusterProblem } from './clusterProblem';

describe('clusterProblem', () => {
  it('says the worst reason in words and how many more there are', () => {
    const cluster = makeCluster('x', { verdict: 'unhealthy' });
    cluster.health.reasons.push(
      {
        object: 'MachineDeployment default/x-md-0',
        source: 'status',
        message: 'workers 1/3 available',
        severity: 'warning',
      },
      {
        object: 'Cluster default/x',
        source: 'Available',
        message: 'fine otherwise',
        severity: 'info',
      },
    );
    expect(clusterProblem(cluster)).toBe(
      'control plane 1/3 available (below etcd quorum); +1 more',
    );
  });

  it('mentions objects that could not be read', () => {
    const cluster = makeCluster('x', {
      verdict: 'unknown',
      errors: ['a', 'b'],
    });
    expect(clusterProblem(cluster)).toBe(
      'Available is Unknown; 2 objects could not be read',
    );
  });
});
