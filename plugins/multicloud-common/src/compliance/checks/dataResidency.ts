import type { KubeObject } from '../../model/kube';
import { MULTICLOUD_LABELS } from '../../model/labels';
import { clusterLabelEvidence, firstSetEvidence } from '../objectPath';
import { allowedRegionsFor } from '../residency';
import { CheckDefinition, list } from './CheckDefinition';

/** Where each infrastructure / managed control-plane kind declares its region. */
const REGION_FIELDS = new Map<string, string>(
  Object.entries({
    AWSCluster: 'spec.region',
    AWSManagedControlPlane: 'spec.region',
    AzureCluster: 'spec.location',
    AzureManagedControlPlane: 'spec.location',
    GCPCluster: 'spec.region',
    GCPManagedCluster: 'spec.region',
  }),
);

export const dataResidencyCheck: CheckDefinition = {
  id: 'data-residency',
  title: 'Data residency',
  severity: 'critical',
  evaluate({ summary, objects, rules }) {
    const labelKey = rules.dataClassLabel ?? MULTICLOUD_LABELS.dataClass;
    const labelEvidence = clusterLabelEvidence(
      objects.cluster,
      summary.name,
      labelKey,
      summary.labels.dataClass,
    );
    const dataClass = (labelEvidence.value as string | null) ?? undefined;

    const regionSources: Array<[KubeObject, string]> = [];
    for (const obj of [objects.infrastructure, objects.controlPlane]) {
      const path = REGION_FIELDS.get(obj?.kind ?? '');
      if (obj && path) regionSources.push([obj, path]);
    }
    const regionEvidence = firstSetEvidence(regionSources) ?? {
      kind: 'ClusterSummary',
      name: summary.name,
      fieldPath: 'region',
      value: summary.region ?? null,
    };

    const allowance = allowedRegionsFor(summary.cloud, dataClass, rules);
    const rule = `${allowance.rule} = ${list(allowance.regions)}`;
    const evidence = [regionEvidence, labelEvidence];
    const scope = allowance.restrictedClass
      ? `data class ${allowance.restrictedClass}`
      : `${summary.cloud} clusters${
          dataClass ? ` (data class ${dataClass} has no restriction)` : ''
        }`;
    if (summary.region && allowance.regions.includes(summary.region)) {
      return {
        status: 'pass',
        message: `Region ${summary.region} is allowed for ${scope}.`,
        evidence,
        rule,
      };
    }
    return {
      status: 'fail',
      message: summary.region
        ? `Region ${summary.region} is not allowed for ${scope}.`
        : 'The cluster region is unknown.',
      evidence,
      rule,
      remediation: allowance.regions.length
        ? `Run the cluster in one of ${list(
            allowance.regions,
          )}, or correct the data-class label if it is wrong.`
        : `No region is allowed for ${scope}; add one to ${allowance.rule} or move the cluster to another cloud.`,
    };
  },
};
