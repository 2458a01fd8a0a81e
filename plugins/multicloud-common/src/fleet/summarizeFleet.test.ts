import { makeCluster } from './__fixtures__';
import { summarizeCluster } from './summarizeCluster';
import { summarizeFleet } from './summarizeFleet';

describe('summarizeFleet', () => {
  const clusters = [
    summarizeCluster(
      makeCluster({ name: 'a', region: 'us-east-1', workers: 2 }),
    ),
    summarizeCluster(
      makeCluster({
        name: 'b',
        region: 'us-west-2',
        health: 'degraded',
        kubernetesVersion: 'v1.30.2',
      }),
    ),
    summarizeCluster(
      makeCluster({
        name: 'c',
        cloud: 'azure',
        controlPlane: 'managed',
        workers: 4,
      }),
    ),
    summarizeCluster(
      makeCluster({ name: 'd', cloud: 'gcp', health: 'provisioning' }),
    ),
    summarizeCluster(makeCluster({ name: 'e', cloud: 'other' })),
  ];
  const fleet = summarizeFleet(clusters);

  it('counts the whole fleet', () => {
    expect(fleet.total).toMatchObject({
      clusters: 5,
      byVerdict: {
        healthy: 3,
        degraded: 1,
        unhealthy: 0,
        provisioning: 1,
        deleting: 0,
        unknown: 0,
      },
      byPhase: { Provisioned: 4, Provisioning: 1 },
      // Machine objects only: the AKS pool has none, the provisioning cluster none yet.
      machines: { total: 5 + 6 + 6, byPhase: { Running: 17 } },
      kubernetesVersions: { 'v1.31.4': 4, 'v1.30.2': 1 },
      regions: {
        'us-east-1': 1,
        'us-west-2': 1,
        eastus: 1,
        'us-central1': 1,
        unknown: 1,
      },
      withErrors: 0,
    });
    expect(fleet.total.nodesByInstanceType).toEqual({
      'm5.large': 6,
      'm5.xlarge': 5,
      Standard_D4s_v3: 4,
      unknown: 6,
    });
  });

  it('counts per cloud, every cloud present even when empty', () => {
    expect(Object.keys(fleet.byCloud).sort()).toEqual([
      'aws',
      'azure',
      'gcp',
      'other',
    ]);
    expect(fleet.byCloud.aws).toMatchObject({
      clusters: 2,
      byVerdict: { healthy: 1, degraded: 1 },
    });
    expect(fleet.byCloud.azure).toMatchObject({
      clusters: 1,
      machines: { total: 0 },
      nodesByInstanceType: { Standard_D4s_v3: 4 },
    });
    expect(fleet.byCloud.gcp.byVerdict.provisioning).toBe(1);
    expect(fleet.byCloud.other.clusters).toBe(1);
    expect(summarizeFleet([]).byCloud.gcp.clusters).toBe(0);
  });
});
