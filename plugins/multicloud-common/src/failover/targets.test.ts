import { seedClusters } from './__fixtures__/clusters';
import { clusterTarget, machineDeploymentTarget } from './targets';

describe('failover targets', () => {
  const { aws } = seedClusters();

  it('are namespace/name on a single management cluster', () => {
    const primary = { ...aws, managementCluster: 'eu' };
    expect(clusterTarget(primary)).not.toHaveProperty('managementCluster');
    expect(machineDeploymentTarget(primary, 'md-0')).not.toHaveProperty(
      'managementCluster',
    );
  });

  it('name the management cluster that holds them when the fleet spans several', () => {
    const primary = {
      ...aws,
      ref: `us/${aws.ref}`,
      managementCluster: 'us',
    };
    expect(clusterTarget(primary)).toMatchObject({
      kind: 'Cluster',
      namespace: 'default',
      name: 'trustram-aws-cluster',
      managementCluster: 'us',
    });
    expect(machineDeploymentTarget(primary, 'md-0')).toMatchObject({
      kind: 'MachineDeployment',
      name: 'md-0',
      managementCluster: 'us',
    });
  });
});
