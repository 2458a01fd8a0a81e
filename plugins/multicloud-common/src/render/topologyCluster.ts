import type { KnownCloud } from '../model/cloud';
import type { KubeObject } from '../model/kube';
import { API_VERSIONS, GROUPS } from './apiVersions';
import { clusterObject } from './clusterObject';
import { KUBEADM_CLUSTER_NETWORK } from './kubeadmCluster';
import { WORKER_POOL_SUFFIX } from './machineDeployment';
import { WORKER_HEALTH_CHECK } from './machineHealthCheck';
import { KUBEADM_PROVIDERS } from './providers';
import type { RenderContext } from './providers/types';
import type { RenderedObjects } from './renderedObjects';
import { autoscalerAnnotations } from './workerPool';

/** Worker class of the platform's ClusterClasses (the name CAPG's ClusterClass template uses). */
export const TOPOLOGY_WORKER_CLASS = 'default-worker';

export function clusterClassName(ctx: RenderContext): string {
  return ctx.spec.clusterClass ?? `${ctx.spec.cloud}-kubeadm`;
}

/**
 * A ClusterClass-based cluster: only the Cluster, its topology naming the platform's
 * ClusterClass, and the variables it patches in (region, instance types). The class, its
 * templates and the disk and identity settings in them are platform-owned and live outside
 * the cluster's directory. Worker health checks are part of the topology.
 */
export function renderTopologyCluster(ctx: RenderContext): RenderedObjects {
  const { spec, profile } = ctx;
  const variables = KUBEADM_PROVIDERS[spec.cloud].topologyVariables!(ctx);
  const cluster = clusterObject(ctx, {
    clusterNetwork: KUBEADM_CLUSTER_NETWORK,
    topology: {
      classRef: { name: clusterClassName(ctx) },
      version: spec.kubernetesVersion,
      controlPlane: { replicas: profile.controlPlaneReplicas },
      workers: {
        machineDeployments: [
          {
            class: TOPOLOGY_WORKER_CLASS,
            name: WORKER_POOL_SUFFIX,
            metadata: {
              annotations: autoscalerAnnotations(
                profile.workers,
                ctx.workerNode,
              ),
            },
            healthCheck: { enabled: true, ...WORKER_HEALTH_CHECK },
          },
        ],
      },
      variables,
    },
  });
  return {
    cluster: [cluster],
    controlPlane: [],
    workers: [],
    healthChecks: [],
  };
}

const CLUSTER_TEMPLATE_KINDS: Record<KnownCloud, string> = {
  aws: 'AWSClusterTemplate',
  azure: 'AzureClusterTemplate',
  gcp: 'GCPClusterTemplate',
};

/**
 * The shape of the kubeadm ClusterClass a topology cluster names, for summarising (cost,
 * compliance) before the class's generated objects exist. Never rendered: the class is the
 * platform's, and the management cluster has the real one.
 */
export function assumedClusterClass(
  cloud: KnownCloud,
  name: string,
  namespace: string,
): KubeObject[] {
  const infrastructure = {
    apiVersion: API_VERSIONS[cloud],
    kind: CLUSTER_TEMPLATE_KINDS[cloud],
    metadata: { name, namespace },
    spec: { template: { spec: {} } },
  };
  return [
    {
      apiVersion: API_VERSIONS.cluster,
      kind: 'ClusterClass',
      metadata: { name, namespace },
      spec: {
        controlPlane: {
          templateRef: {
            apiVersion: `${GROUPS.controlPlane}/v1beta2`,
            kind: 'KubeadmControlPlaneTemplate',
            name,
          },
        },
        infrastructure: {
          templateRef: {
            apiVersion: infrastructure.apiVersion,
            kind: infrastructure.kind,
            name,
          },
        },
      },
    },
    infrastructure,
  ];
}
