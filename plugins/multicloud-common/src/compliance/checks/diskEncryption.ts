import type { KubeObject } from '../../model/kube';
import { evidenceAt, readPath } from '../objectPath';
import type { Evidence } from '../types';
import { CheckDefinition } from './CheckDefinition';

type NodeEncryption = (obj: KubeObject) => {
  encrypted: boolean;
  evidence: Evidence[];
};

/** EBS is not encrypted unless asked: the root volume and every extra volume must say so. */
function allVolumesEncrypted(base: string): NodeEncryption {
  return obj => {
    const extra = readPath(obj, `${base}.nonRootVolumes`);
    const paths = [
      `${base}.rootVolume.encrypted`,
      ...(Array.isArray(extra)
        ? extra.map((_, i) => `${base}.nonRootVolumes[${i}].encrypted`)
        : []),
    ];
    const evidence = paths.map(p => evidenceAt(obj, p));
    return { encrypted: evidence.every(e => e.value === true), evidence };
  };
}

/**
 * Azure and GCP always encrypt disks with provider-held keys, so that default proves
 * nothing; one of these stronger settings must be present.
 */
function anyOf(
  ...criteria: Array<[string, (value: unknown) => boolean]>
): NodeEncryption {
  return obj => {
    const evidence = criteria.map(([path]) => evidenceAt(obj, path));
    const hit = criteria.findIndex(([, ok], i) => ok(evidence[i].value));
    return hit >= 0
      ? { encrypted: true, evidence: [evidence[hit]] }
      : { encrypted: false, evidence };
  };
}

const isTrue = (v: unknown) => v === true;
const isSet = (v: unknown) => typeof v === 'string' && v !== '';

/** Node infrastructure kinds that expose an encryption setting; others are not judged. */
const NODE_ENCRYPTION = new Map<string, NodeEncryption>(
  Object.entries({
    AWSMachineTemplate: allVolumesEncrypted('spec.template.spec'),
    AWSMachinePool: allVolumesEncrypted('spec.awsLaunchTemplate'),
    AWSManagedMachinePool: allVolumesEncrypted('spec.awsLaunchTemplate'),
    AzureMachineTemplate: anyOf(
      ['spec.template.spec.securityProfile.encryptionAtHost', isTrue],
      ['spec.template.spec.osDisk.managedDisk.diskEncryptionSet.id', isSet],
      [
        'spec.template.spec.osDisk.managedDisk.securityProfile.diskEncryptionSet.id',
        isSet,
      ],
      [
        'spec.template.spec.osDisk.managedDisk.securityProfile.securityEncryptionType',
        v => v === 'DiskWithVMGuestState',
      ],
    ),
    AzureManagedMachinePool: anyOf(['spec.enableEncryptionAtHost', isTrue]),
    GCPMachineTemplate: anyOf(
      [
        'spec.template.spec.rootDiskEncryptionKey.keyType',
        v => v === 'Managed' || v === 'Supplied',
      ],
      [
        'spec.template.spec.confidentialCompute',
        v => isSet(v) && v !== 'Disabled',
      ],
    ),
  }),
);

/** By kind prefix (AWS, Azu, GCP). */
const REMEDIATION: Record<string, string> = {
  AWS: 'Set `rootVolume.encrypted: true` and `encrypted: true` on every non-root volume.',
  Azu: 'Set `securityProfile.encryptionAtHost: true` (managed pools: `enableEncryptionAtHost`) or an `osDisk.managedDisk.diskEncryptionSet`.',
  GCP: 'Set `rootDiskEncryptionKey` (keyType Managed with a Cloud KMS key) or enable `confidentialCompute`.',
};

export const diskEncryptionCheck: CheckDefinition = {
  id: 'disk-encryption',
  title: 'Node disk encryption',
  severity: 'high',
  evaluate({ objects }) {
    const rule =
      'AWS: every EBS volume `encrypted: true`; Azure: encryption at host, a disk encryption set or confidential disk encryption; GCP: a customer-managed/supplied root-disk key or Confidential VM';
    const configs = new Map<string, KubeObject>();
    for (const obj of [
      objects.controlPlaneMachineTemplate,
      ...objects.workerPools.map(p => p.infrastructure),
    ]) {
      if (obj && NODE_ENCRYPTION.has(obj.kind ?? '')) {
        configs.set(`${obj.kind}/${obj.metadata?.name}`, obj);
      }
    }
    if (configs.size === 0) {
      return {
        status: 'not-applicable',
        message:
          'No node template or pool of this cluster exposes a disk encryption setting.',
        evidence: [],
        rule,
      };
    }
    const results = [...configs.values()].map(obj => ({
      obj,
      ...NODE_ENCRYPTION.get(obj.kind!)!(obj),
    }));
    const unencrypted = results.filter(r => !r.encrypted);
    const evidence = results.flatMap(r => r.evidence);
    const fixes = new Set(
      unencrypted.map(r => REMEDIATION[r.obj.kind!.slice(0, 3)]),
    );
    if (unencrypted.length === 0) {
      return {
        status: 'pass',
        message: `All ${results.length} node configuration(s) encrypt their disks.`,
        evidence,
        rule,
      };
    }
    return {
      status: 'fail',
      message: `Disks not encrypted by ${unencrypted
        .map(r => `${r.obj.kind} ${r.obj.metadata?.name}`)
        .join(', ')}.`,
      evidence,
      rule,
      remediation: `${[...fixes].join(
        ' ',
      )} Machine templates are immutable: create a new one and roll the pool to it.`,
    };
  },
};
