import { makeCluster } from '../../fleet/__fixtures__';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';
import { patch } from '../__fixtures__/patch';
import { DEFAULT_COMPLIANCE_RULES } from '../rules';

describe.each(API_VERSIONS)('Kubernetes version (%s)', version => {
  it.each([
    ['v1.31.4', 'pass'],
    ['v1.32.0', 'pass'],
    ['v1.30.9', 'fail'],
    ['v1.29.0', 'fail'],
  ] as const)('%s → %s against minimum v1.31', (kubernetesVersion, status) => {
    const check = checkOf(
      'kubernetes-version',
      makeCluster({ version, kubernetesVersion }),
    );
    expect(check.status).toBe(status);
    expect(check.evidence).toEqual([
      {
        kind: 'KubeadmControlPlane',
        name: 'aws-cluster-control-plane',
        fieldPath: 'spec.version',
        value: kubernetesVersion,
      },
    ]);
  });

  it('enforces an optional maximum', () => {
    const rules = {
      ...DEFAULT_COMPLIANCE_RULES,
      supportedVersions: { minimum: 'v1.31', maximum: 'v1.33' },
    };
    const check = checkOf(
      'kubernetes-version',
      makeCluster({ version, kubernetesVersion: 'v1.34.1' }),
      rules,
    );
    expect(check).toMatchObject({
      status: 'fail',
      message: 'Kubernetes v1.34.1 is newer than v1.33.',
    });
  });

  it.each(['aws', 'azure', 'gcp'] as const)(
    '%s managed control planes cite their spec.version',
    cloud => {
      const check = checkOf(
        'kubernetes-version',
        makeCluster({
          version,
          cloud,
          controlPlane: 'managed',
          kubernetesVersion: 'v1.30.1',
        }),
      );
      expect(check.status).toBe('fail');
      expect(check.evidence[0]).toMatchObject({
        fieldPath: 'spec.version',
        value: 'v1.30.1',
      });
    },
  );

  it('reads spec.topology.version before the topology controller generated the control plane', () => {
    const objects = makeCluster({
      version,
      topology: true,
      topologyGenerated: false,
      kubernetesVersion: 'v1.32.2',
    });
    const check = checkOf('kubernetes-version', objects);
    expect(check.status).toBe('pass');
    expect(check.evidence[0]).toMatchObject({
      kind: 'Cluster',
      fieldPath: 'spec.topology.version',
    });
  });

  it('falls back to the summary (observed version), and fails when no version can be read', () => {
    const noSpec = patch(
      makeCluster({ version }),
      'KubeadmControlPlane',
      'spec.version',
      undefined,
    );
    expect(checkOf('kubernetes-version', noSpec).evidence[0]).toMatchObject({
      kind: 'ClusterSummary',
      fieldPath: 'kubernetesVersion',
      value: 'v1.31.4',
    });
    const objects = patch(
      patch(
        patch(noSpec, 'KubeadmControlPlane', 'status', undefined),
        'MachineDeployment',
        'spec.template.spec.version',
        undefined,
      ),
      'Machine',
      'spec.version',
      undefined,
    );
    expect(checkOf('kubernetes-version', objects)).toMatchObject({
      status: 'fail',
      message: 'The Kubernetes version is unknown.',
    });
  });
});
