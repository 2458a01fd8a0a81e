import { makeCluster } from '../../fleet/__fixtures__';
import type { KubeObject } from '../../model/kube';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';
import { patch } from '../__fixtures__/patch';
import { DEFAULT_COMPLIANCE_RULES } from '../rules';

const check = (objects: KubeObject[], rules = DEFAULT_COMPLIANCE_RULES) =>
  checkOf('workload-identity', objects, rules);
const staticController = {
  ...DEFAULT_COMPLIANCE_RULES,
  controllerCredentials: 'static' as const,
};

function azureIdentity(type: string, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
    kind: 'AzureClusterIdentity',
    metadata: { name: 'cluster-identity', namespace },
    spec: { type, clientID: 'c', tenantID: 't', allowedNamespaces: {} },
  };
}

describe.each(API_VERSIONS)('workload identity (%s)', version => {
  describe('AWS', () => {
    const aws = (controlPlane: 'kubeadm' | 'managed' = 'kubeadm') =>
      makeCluster({ version, cloud: 'aws', controlPlane });

    it('uses controllerCredentials when no identityRef is set', () => {
      expect(check(aws())).toMatchObject({
        status: 'pass',
        evidence: [
          {
            kind: 'AWSCluster',
            name: 'aws-cluster',
            fieldPath: 'spec.identityRef',
            value: null,
          },
        ],
      });
      expect(check(aws(), staticController).status).toBe('fail');
    });

    it.each([
      ['AWSClusterStaticIdentity', 'fail'],
      ['AWSClusterRoleIdentity', 'pass'],
      ['AWSClusterControllerIdentity', 'pass'],
    ])('identityRef %s → %s', (kind, status) => {
      const result = check(
        patch(aws(), 'AWSCluster', 'spec.identityRef', {
          kind,
          name: 'default',
        }),
      );
      expect(result.status).toBe(status);
      expect(result.evidence[0].value).toEqual({ kind, name: 'default' });
    });

    it('reads EKS identities from the AWSManagedControlPlane', () => {
      const eks = patch(
        aws('managed'),
        'AWSManagedControlPlane',
        'spec.identityRef',
        { kind: 'AWSClusterStaticIdentity', name: 'keys' },
      );
      const result = check(eks);
      expect(result.status).toBe('fail');
      expect(result.evidence[0].kind).toBe('AWSManagedControlPlane');
      expect(result.remediation).toContain('AWSClusterRoleIdentity');
    });
  });

  describe('Azure', () => {
    const withIdentity = (
      type: string,
      controlPlane: 'kubeadm' | 'managed' = 'kubeadm',
      namespace?: string,
    ) => {
      const holder =
        controlPlane === 'managed'
          ? 'AzureManagedControlPlane'
          : 'AzureCluster';
      const ref = {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'AzureClusterIdentity',
        name: 'cluster-identity',
        ...(namespace ? { namespace } : {}),
      };
      return [
        ...patch(
          makeCluster({ version, cloud: 'azure', controlPlane }),
          holder,
          'spec.identityRef',
          ref,
        ),
        azureIdentity(type, namespace),
      ];
    };

    it.each([
      ['WorkloadIdentity', 'pass'],
      ['UserAssignedMSI', 'pass'],
      ['ServicePrincipal', 'fail'],
      ['ManualServicePrincipal', 'fail'],
      ['ServicePrincipalCertificate', 'fail'],
    ])('AzureClusterIdentity type %s → %s', (type, status) => {
      const result = check(withIdentity(type));
      expect(result.status).toBe(status);
      expect(result.evidence[1]).toEqual({
        kind: 'AzureClusterIdentity',
        name: 'cluster-identity',
        fieldPath: 'spec.type',
        value: type,
      });
    });

    it('follows identityRef into another namespace, and from AKS control planes', () => {
      expect(
        check(withIdentity('WorkloadIdentity', 'kubeadm', 'capz-system'))
          .status,
      ).toBe('pass');
      expect(check(withIdentity('ServicePrincipal', 'managed')).status).toBe(
        'fail',
      );
    });

    it('fails when the referenced identity is not among the objects', () => {
      const objects = withIdentity('WorkloadIdentity').filter(
        o => o.kind !== 'AzureClusterIdentity',
      );
      expect(check(objects)).toMatchObject({
        status: 'fail',
        message:
          'AzureClusterIdentity cluster-identity was not found, so its type cannot be verified.',
      });
    });
  });

  describe('GCP', () => {
    it.each(['kubeadm', 'managed'] as const)(
      '%s: a credentialsRef Secret fails; none uses controllerCredentials',
      controlPlane => {
        const objects = makeCluster({ version, cloud: 'gcp', controlPlane });
        const holder =
          controlPlane === 'managed' ? 'GCPManagedCluster' : 'GCPCluster';
        expect(check(objects).status).toBe('pass');
        expect(check(objects, staticController).status).toBe('fail');
        const withKey = patch(objects, holder, 'spec.credentialsRef', {
          name: 'gcp-sa-key',
          namespace: 'default',
        });
        expect(check(withKey)).toMatchObject({
          status: 'fail',
          evidence: [
            {
              kind: holder,
              fieldPath: 'spec.credentialsRef',
              value: { name: 'gcp-sa-key', namespace: 'default' },
            },
          ],
        });
      },
    );
  });

  it('does not apply to other providers', () => {
    expect(check(makeCluster({ version, cloud: 'other' })).status).toBe(
      'not-applicable',
    );
  });
});
