import type { InstanceTypeSpec } from '../../cost/PriceBook';
import type { ClusterSpec } from '../ClusterSpec';
import type { ResolvedProfile } from '../profiles';
import type { Manifest } from '../types';

/** Everything a provider needs to render one cluster; resolved once by `renderCluster`. */
export interface RenderContext {
  spec: ClusterSpec;
  profile: ResolvedProfile;
  /** Worker instance type. */
  instanceType: string;
  /** kubeadm control-plane instance type. */
  controlPlaneInstanceType: string;
  /** Size of a worker node, when the price book knows it (scale-from-zero hints). */
  workerNode?: InstanceTypeSpec;
}

export type NodeRole = 'control-plane' | 'worker';

/** A provider's pieces of a kubeadm cluster (CAPA, CAPZ, CAPG). */
export interface KubeadmProvider {
  /** Extra Cluster labels the provider's own templates set (e.g. CAPA's addon selectors). */
  clusterLabels: Record<string, string>;
  /** AWSCluster, AzureCluster or GCPCluster. */
  infrastructureCluster(ctx: RenderContext): Manifest;
  /** Identity objects the infrastructure references (Azure). */
  identities(ctx: RenderContext): Manifest[];
  machineTemplate(ctx: RenderContext, name: string, role: NodeRole): Manifest;
  /** KubeadmControlPlane `spec.kubeadmConfigSpec`. */
  controlPlaneKubeadmConfig(
    ctx: RenderContext,
    machineTemplateName: string,
  ): Record<string, unknown>;
  /** KubeadmConfigTemplate `spec.template.spec` of the workers. */
  workerKubeadmConfig(
    ctx: RenderContext,
    machineTemplateName: string,
  ): Record<string, unknown>;
  /** ClusterClass variables of `mode: topology`; undefined when the provider has no topology template. */
  topologyVariables?(
    ctx: RenderContext,
  ): Array<{ name: string; value: string }>;
}

/** The objects of a managed (EKS, AKS, GKE) cluster besides the Cluster itself. */
export interface ManagedObjects {
  clusterNetwork: Record<string, unknown>;
  infrastructure: Manifest;
  controlPlane: Manifest;
  identities: Manifest[];
  workers: Manifest[];
  healthChecks: Manifest[];
}

export interface ManagedProvider {
  managed(ctx: RenderContext): ManagedObjects;
}

/** kubelet and controller-manager flag of an out-of-tree cloud provider (v1beta2 list form). */
export const EXTERNAL_CLOUD_PROVIDER = [
  { name: 'cloud-provider', value: 'external' },
];

/** kubeadm `nodeRegistration`: the node named by cloud-init, the external cloud provider. */
export function nodeRegistration(
  nodeName: string,
  options: { untainted?: boolean } = {},
) {
  return {
    name: nodeName,
    kubeletExtraArgs: EXTERNAL_CLOUD_PROVIDER,
    // An empty list removes kubeadm's control-plane taint: the single dev node runs workloads.
    ...(options.untainted ? { taints: [] } : {}),
  };
}
