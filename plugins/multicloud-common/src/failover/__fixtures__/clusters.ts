import {
  summary,
  type SummaryInput,
} from '../../compliance/__fixtures__/summary';
import type { ClusterSummary } from '../../model/ClusterSummary';
import { MULTICLOUD_ANNOTATIONS } from '../../model/labels';

/** A summary with annotations (the compliance fixture leaves them empty). */
export function cluster(
  input: SummaryInput & { annotations?: Record<string, string> },
): ClusterSummary {
  const { annotations = {}, ...rest } = input;
  return { ...summary(rest), annotations };
}

/** The seed's three clusters as the simulator generates them: 3 workers each, autoscaler 3–10, CCPA. */
export function seedClusters(
  overrides: {
    aws?: Partial<SummaryInput>;
    annotations?: Record<string, string>;
  } = {},
) {
  const seed = { environment: 'production', dataClass: 'ccpa' };
  const aws = cluster({
    name: 'trustram-aws-cluster',
    cloud: 'aws',
    region: 'us-west-2',
    ...seed,
    pools: [
      {
        name: 'trustram-aws-cluster-md-0',
        instanceType: 'm5.xlarge',
        nodes: 3,
        min: 3,
        max: 10,
      },
    ],
    ...overrides.aws,
    annotations: {
      [MULTICLOUD_ANNOTATIONS.failoverTarget]: 'default/trustram-azure-cluster',
      [MULTICLOUD_ANNOTATIONS.failoverMode]: 'manual',
      ...overrides.annotations,
    },
  });
  const azure = cluster({
    name: 'trustram-azure-cluster',
    cloud: 'azure',
    region: 'westus2',
    ...seed,
    pools: [
      {
        name: 'trustram-azure-cluster-md-0',
        instanceType: 'Standard_D4s_v3',
        nodes: 3,
        min: 3,
        max: 10,
      },
    ],
  });
  const gcp = cluster({
    name: 'trustram-gcp-cluster',
    cloud: 'gcp',
    region: 'us-west1',
    ...seed,
    pools: [
      {
        name: 'trustram-gcp-cluster-md-0',
        instanceType: 'n2-standard-4',
        nodes: 3,
        min: 3,
        max: 10,
      },
    ],
  });
  return { aws, azure, gcp };
}

export function lookupOf(...clusters: ClusterSummary[]) {
  const byRef = new Map(clusters.map(c => [c.ref, c]));
  return (ref: string) => byRef.get(ref);
}
