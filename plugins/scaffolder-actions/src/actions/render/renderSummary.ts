import {
  CLOUD_TITLES,
  type ManifestCost,
  type RenderedCluster,
} from '@internal/plugin-multicloud-common';
import { costMarkdown } from '../costOutput';
import { factTable } from '../markdown';

/** What a reviewer of the change needs to know about the rendered cluster, in Markdown. */
export function renderSummary(
  rendered: RenderedCluster,
  cost: ManifestCost,
): string {
  const { spec, profile, combination } = rendered;
  const nodes =
    spec.flavor === 'kubeadm'
      ? `${profile.controlPlaneReplicas} control-plane node(s)${
          profile.untaintControlPlane ? ' that also run workloads' : ''
        }, ${profile.workers.min}–${profile.workers.max} workers (autoscaled)`
      : `managed control plane, ${profile.workers.min}–${profile.workers.max} workers (autoscaled)`;
  const rows: Array<[string, string]> = [
    ['Cloud / region', `${CLOUD_TITLES[spec.cloud]} ${spec.region}`],
    [
      'Shape',
      `${
        spec.flavor === 'kubeadm'
          ? 'kubeadm control plane'
          : 'managed control plane'
      }, ${
        spec.mode === 'topology'
          ? 'ClusterClass topology'
          : 'full provider objects'
      } (mirrors ${combination.reference})`,
    ],
    ['Environment', `${spec.environment}: ${nodes}`],
    ['Kubernetes', spec.kubernetesVersion],
    [
      'Instance types',
      `workers ${rendered.instanceType}${
        rendered.controlPlaneInstanceType
          ? `, control plane ${rendered.controlPlaneInstanceType}`
          : ''
      }`,
    ],
    [
      'Owner / system',
      `${spec.owner}${spec.system ? ` / ${spec.system}` : ''}`,
    ],
    ['Data class', spec.dataClass ?? 'none'],
    [
      'Failover',
      spec.failover
        ? `${spec.failover.targets.join(', ')} (${spec.failover.mode})`
        : 'none',
    ],
    ['Service mesh', spec.mesh ? 'enrolled (Istio)' : 'not enrolled'],
    ['GitOps directory', rendered.directory],
  ];
  return [
    `### Cluster \`${spec.namespace}/${spec.name}\``,
    '',
    factTable(rows),
    '',
    costMarkdown(cost),
    ...(rendered.warnings.length
      ? ['', ...rendered.warnings.map(w => `> Warning: ${w}`)]
      : []),
  ].join('\n');
}
