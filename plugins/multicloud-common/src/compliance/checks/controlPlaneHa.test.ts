import { makeCluster } from '../../fleet/__fixtures__';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';

describe.each(API_VERSIONS)('control-plane HA (%s)', version => {
  it('does not apply outside production', () => {
    const check = checkOf(
      'control-plane-ha',
      makeCluster({ version, environment: 'staging', cpReplicas: 1 }),
    );
    expect(check).toMatchObject({
      status: 'not-applicable',
      message: 'Environment staging is not production.',
    });
  });

  it.each(['aws', 'azure', 'gcp'] as const)(
    '%s kubeadm: 3 replicas pass in production',
    cloud => {
      const check = checkOf(
        'control-plane-ha',
        makeCluster({ version, cloud, environment: 'production' }),
      );
      expect(check.status).toBe('pass');
      expect(check.evidence[1]).toEqual({
        kind: 'KubeadmControlPlane',
        name: `${cloud}-cluster-control-plane`,
        fieldPath: 'spec.replicas',
        value: 3,
      });
    },
  );

  it.each([1, 2, 4])(
    '%i replicas fail in production (prod alias)',
    replicas => {
      const check = checkOf(
        'control-plane-ha',
        makeCluster({ version, environment: 'Prod', cpReplicas: replicas }),
      );
      expect(check.status).toBe('fail');
      expect(check.remediation).toBeDefined();
    },
  );

  it('accepts 5 replicas', () => {
    expect(
      checkOf(
        'control-plane-ha',
        makeCluster({ version, environment: 'prod', cpReplicas: 5 }),
      ).status,
    ).toBe('pass');
  });

  it.each([
    ['aws', 'AWSManagedControlPlane'],
    ['azure', 'AzureManagedControlPlane'],
    ['gcp', 'GCPManagedControlPlane'],
  ] as const)(
    '%s managed control planes pass: the provider runs them HA',
    (cloud, kind) => {
      const check = checkOf(
        'control-plane-ha',
        makeCluster({
          version,
          cloud,
          controlPlane: 'managed',
          environment: 'prod',
          aksTier: 'Standard',
        }),
      );
      expect(check.status).toBe('pass');
      expect(check.evidence[1]).toMatchObject({
        kind,
        fieldPath: 'kind',
        value: kind,
      });
    },
  );

  it('fails AKS on the Free tier in production: no uptime SLA', () => {
    const check = checkOf(
      'control-plane-ha',
      makeCluster({
        version,
        cloud: 'azure',
        controlPlane: 'managed',
        environment: 'prod',
        aksTier: 'Free',
      }),
    );
    expect(check.status).toBe('fail');
    expect(check.evidence[1]).toEqual({
      kind: 'AzureManagedControlPlane',
      name: 'azure-cluster-control-plane',
      fieldPath: 'spec.sku.tier',
      value: 'Free',
    });
    expect(check.remediation).toContain('Standard');
  });
});
