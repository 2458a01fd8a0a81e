import { makeCluster } from '../../fleet/__fixtures__';
import { MULTICLOUD_LABELS } from '../../model/labels';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';
import { patch } from '../__fixtures__/patch';
import { DEFAULT_COMPLIANCE_RULES } from '../rules';

describe.each(API_VERSIONS)('data residency (%s)', version => {
  it.each([
    ['aws', 'kubeadm', 'AWSCluster', 'spec.region'],
    ['azure', 'kubeadm', 'AzureCluster', 'spec.location'],
    ['gcp', 'kubeadm', 'GCPCluster', 'spec.region'],
    ['aws', 'managed', 'AWSManagedControlPlane', 'spec.region'],
    ['azure', 'managed', 'AzureManagedControlPlane', 'spec.location'],
    ['gcp', 'managed', 'GCPManagedCluster', 'spec.region'],
  ] as const)(
    '%s %s: a GDPR cluster passes in a GDPR region, citing %s %s',
    (cloud, controlPlane, kind, fieldPath) => {
      const region = {
        aws: 'eu-west-1',
        azure: 'westeurope',
        gcp: 'europe-west1',
      }[cloud];
      const check = checkOf(
        'data-residency',
        makeCluster({
          cloud,
          version,
          controlPlane,
          region,
          dataClass: 'gdpr',
        }),
      );
      expect(check).toMatchObject({
        status: 'pass',
        severity: 'critical',
        rule: 'dataClasses.gdpr.allowedRegions = [eu-west-1, westeurope, europe-west1]',
      });
      expect(check.evidence).toEqual([
        { kind, name: expect.any(String), fieldPath, value: region },
        {
          kind: 'Cluster',
          name: `${cloud}-cluster`,
          fieldPath: `metadata.labels['${MULTICLOUD_LABELS.dataClass}']`,
          value: 'gdpr',
        },
      ]);
    },
  );

  it('fails a GDPR cluster outside the GDPR regions, even in a generally allowed one', () => {
    const check = checkOf(
      'data-residency',
      makeCluster({ version, region: 'us-east-1', dataClass: 'gdpr' }),
    );
    expect(check.status).toBe('fail');
    expect(check.message).toBe(
      'Region us-east-1 is not allowed for data class gdpr.',
    );
    expect(check.remediation).toContain(
      '[eu-west-1, westeurope, europe-west1]',
    );
  });

  it('fails an unclassified cluster in an EU region: the general list applies', () => {
    const check = checkOf(
      'data-residency',
      makeCluster({ version, cloud: 'gcp', region: 'europe-west1' }),
    );
    expect(check).toMatchObject({
      status: 'fail',
      rule: 'allowedRegions.gcp = [us-west1, us-central1]',
    });
  });

  it('restricts CCPA clusters to the CCPA list', () => {
    expect(
      checkOf(
        'data-residency',
        makeCluster({ version, region: 'us-west-2', dataClass: 'ccpa' }),
      ).status,
    ).toBe('pass');
    expect(
      checkOf(
        'data-residency',
        makeCluster({ version, region: 'us-east-1', dataClass: 'ccpa' }),
      ).status,
    ).toBe('fail');
  });

  it('reads the data class from the configured label', () => {
    const rules = {
      ...DEFAULT_COMPLIANCE_RULES,
      dataClassLabel: 'example.com/data',
    };
    const objects = patch(
      makeCluster({ version, region: 'us-east-1' }),
      'Cluster',
      ['metadata', 'labels', 'example.com/data'],
      'gdpr',
    );
    const check = checkOf('data-residency', objects, rules);
    expect(check.status).toBe('fail');
    expect(check.evidence[1]).toMatchObject({
      fieldPath: "metadata.labels['example.com/data']",
      value: 'gdpr',
    });
  });

  it('fails when the region is unknown, and for clouds without an allow-list', () => {
    const noRegion = patch(
      makeCluster({ version }),
      'AWSCluster',
      'spec.region',
      undefined,
    );
    expect(checkOf('data-residency', noRegion)).toMatchObject({
      status: 'fail',
      message: 'The cluster region is unknown.',
    });
    expect(
      checkOf('data-residency', makeCluster({ version, cloud: 'other' })),
    ).toMatchObject({
      status: 'fail',
      rule: 'allowedRegions.other = []',
    });
  });
});
