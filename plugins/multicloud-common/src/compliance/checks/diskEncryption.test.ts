import { makeCluster } from '../../fleet/__fixtures__';
import { API_VERSIONS, checkOf } from '../__fixtures__/evaluate';
import { patch } from '../__fixtures__/patch';

const check = (objects: ReturnType<typeof makeCluster>) =>
  checkOf('disk-encryption', objects);

describe.each(API_VERSIONS)('disk encryption (%s)', version => {
  describe('AWS', () => {
    const aws = () => makeCluster({ version, cloud: 'aws' });
    const root = 'spec.template.spec.rootVolume';

    it('fails when the root volumes do not say encrypted (EBS default is unencrypted)', () => {
      const result = check(aws());
      expect(result.status).toBe('fail');
      expect(result.evidence).toEqual([
        {
          kind: 'AWSMachineTemplate',
          name: 'aws-cluster-control-plane',
          fieldPath: `${root}.encrypted`,
          value: null,
        },
        {
          kind: 'AWSMachineTemplate',
          name: 'aws-cluster-md-0',
          fieldPath: `${root}.encrypted`,
          value: null,
        },
      ]);
      expect(result.remediation).toContain('rootVolume.encrypted: true');
    });

    it('passes when every template encrypts its root volume', () => {
      expect(
        check(patch(aws(), 'AWSMachineTemplate', `${root}.encrypted`, true))
          .status,
      ).toBe('pass');
    });

    it('fails when a non-root volume is unencrypted', () => {
      const objects = patch(
        patch(aws(), 'AWSMachineTemplate', `${root}.encrypted`, true),
        'AWSMachineTemplate',
        'spec.template.spec.nonRootVolumes',
        [
          { deviceName: '/dev/sdb', size: 50, encrypted: true },
          { deviceName: '/dev/sdc', size: 50 },
        ],
      );
      const result = check(objects);
      expect(result.status).toBe('fail');
      expect(result.evidence).toContainEqual({
        kind: 'AWSMachineTemplate',
        name: 'aws-cluster-md-0',
        fieldPath: 'spec.template.spec.nonRootVolumes[1].encrypted',
        value: null,
      });
    });

    it('judges EKS worker templates too', () => {
      const eks = makeCluster({
        version,
        cloud: 'aws',
        controlPlane: 'managed',
      });
      expect(check(eks).status).toBe('fail');
      expect(
        check(patch(eks, 'AWSMachineTemplate', `${root}.encrypted`, true))
          .status,
      ).toBe('pass');
    });
  });

  describe('Azure', () => {
    const azure = () => makeCluster({ version, cloud: 'azure' });
    const spec = 'spec.template.spec';

    it('fails with the platform-key default: it proves nothing', () => {
      const result = check(azure());
      expect(result.status).toBe('fail');
      expect(result.evidence.map(e => e.fieldPath)).toContain(
        `${spec}.securityProfile.encryptionAtHost`,
      );
    });

    it.each([
      [`${spec}.securityProfile.encryptionAtHost`, true],
      [
        `${spec}.osDisk.managedDisk.diskEncryptionSet.id`,
        '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/diskEncryptionSets/des',
      ],
      [
        `${spec}.osDisk.managedDisk.securityProfile.securityEncryptionType`,
        'DiskWithVMGuestState',
      ],
    ])('passes with %s', (path, value) => {
      const result = check(patch(azure(), 'AzureMachineTemplate', path, value));
      expect(result.status).toBe('pass');
      expect(result.evidence[0]).toMatchObject({ fieldPath: path, value });
    });

    it('does not count VMGuestStateOnly confidential encryption', () => {
      const objects = patch(
        azure(),
        'AzureMachineTemplate',
        `${spec}.osDisk.managedDisk.securityProfile.securityEncryptionType`,
        'VMGuestStateOnly',
      );
      expect(check(objects).status).toBe('fail');
    });

    it('judges AKS pools by enableEncryptionAtHost', () => {
      const aks = makeCluster({
        version,
        cloud: 'azure',
        controlPlane: 'managed',
      });
      expect(check(aks).status).toBe('fail');
      expect(
        check(
          patch(
            aks,
            'AzureManagedMachinePool',
            'spec.enableEncryptionAtHost',
            true,
          ),
        ).status,
      ).toBe('pass');
    });
  });

  describe('GCP', () => {
    const gcp = () => makeCluster({ version, cloud: 'gcp' });
    const spec = 'spec.template.spec';

    it.each([
      [
        `${spec}.rootDiskEncryptionKey`,
        {
          keyType: 'Managed',
          managedKey: {
            kmsKeyName: 'projects/p/locations/l/keyRings/r/cryptoKeys/k',
          },
        },
        'pass',
      ],
      [
        `${spec}.rootDiskEncryptionKey`,
        { keyType: 'Supplied', suppliedKey: { rawKey: 'a2V5' } },
        'pass',
      ],
      [`${spec}.confidentialCompute`, 'Enabled', 'pass'],
      [`${spec}.confidentialCompute`, 'Disabled', 'fail'],
      // Shielded VM is boot integrity, not encryption.
      [
        `${spec}.shieldedInstanceConfig`,
        { secureBoot: 'Enabled', virtualizedTrustedPlatformModule: 'Enabled' },
        'fail',
      ],
    ])('%s = %j → %s', (path, value, status) => {
      expect(
        check(patch(gcp(), 'GCPMachineTemplate', path, value)).status,
      ).toBe(status);
    });

    it('does not apply to GKE pools: CAPG exposes no disk key setting', () => {
      expect(
        check(makeCluster({ version, cloud: 'gcp', controlPlane: 'managed' })),
      ).toMatchObject({
        status: 'not-applicable',
        evidence: [],
      });
    });
  });

  it('does not apply to providers it cannot judge (Docker)', () => {
    expect(check(makeCluster({ version, cloud: 'other' })).status).toBe(
      'not-applicable',
    );
  });
});
