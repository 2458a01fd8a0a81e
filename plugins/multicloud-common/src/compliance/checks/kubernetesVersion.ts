import { compareMinor, parseMinorVersion } from '../minorVersion';
import { firstSetEvidence } from '../objectPath';
import { CheckDefinition } from './CheckDefinition';

export const kubernetesVersionCheck: CheckDefinition = {
  id: 'kubernetes-version',
  title: 'Supported Kubernetes version',
  severity: 'high',
  evaluate({ summary, objects, rules }) {
    const { minimum, maximum } = rules.supportedVersions;
    const rule = `supportedVersions: >= ${minimum}${
      maximum ? ` and <= ${maximum}` : ''
    }`;
    // The desired version: the control plane's, or the topology's for ClusterClass clusters.
    const evidence = firstSetEvidence([
      [objects.controlPlane, 'spec.version'],
      [objects.cluster, 'spec.topology.version'],
    ]);
    const version =
      (evidence?.value as string | null) ?? summary.kubernetesVersion;
    const evidenceList = [
      evidence?.value
        ? evidence
        : {
            kind: 'ClusterSummary',
            name: summary.name,
            fieldPath: 'kubernetesVersion',
            value: version ?? null,
          },
    ];
    const parsed = parseMinorVersion(version);
    const min = parseMinorVersion(minimum);
    const max = parseMinorVersion(maximum);
    if (!parsed) {
      return {
        status: 'fail',
        message: 'The Kubernetes version is unknown.',
        evidence: evidenceList,
        rule,
        remediation: 'Set `spec.version` on the control plane.',
      };
    }
    const tooOld = min !== undefined && compareMinor(parsed, min) < 0;
    const tooNew = max !== undefined && compareMinor(parsed, max) > 0;
    if (!tooOld && !tooNew) {
      return {
        status: 'pass',
        message: `Kubernetes ${version} is supported.`,
        evidence: evidenceList,
        rule,
      };
    }
    return {
      status: 'fail',
      message: `Kubernetes ${version} is ${
        tooOld ? `older than ${minimum}` : `newer than ${maximum}`
      }.`,
      evidence: evidenceList,
      rule,
      remediation: tooOld
        ? `Upgrade the control plane, then the workers, one minor at a time to ${minimum} or later.`
        : `Use ${maximum} or earlier until the providers support a newer version.`,
    };
  },
};
