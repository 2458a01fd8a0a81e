import { API_VERSIONS, refTo } from './apiVersions';
import { ownedMetadata } from './clusterMetadata';
import { clusterObject, clusterRefs } from './clusterObject';
import { machineDeploymentPool, workerPoolName } from './machineDeployment';
import { KUBEADM_PROVIDERS } from './providers';
import type { RenderContext } from './providers/types';
import type { RenderedObjects } from './renderedObjects';
import type { Manifest } from './types';

/** Pod network of the official kubeadm templates (Calico's default). */
export const KUBEADM_CLUSTER_NETWORK = {
  pods: { cidrBlocks: ['192.168.0.0/16'] },
};

/**
 * A kubeadm cluster with full provider objects, as in the providers' default templates:
 * infrastructure cluster, KubeadmControlPlane and its machine template, one worker
 * MachineDeployment with its machine and bootstrap templates, and its MachineHealthCheck.
 */
export function renderKubeadmCluster(ctx: RenderContext): RenderedObjects {
  const { spec, profile } = ctx;
  const provider = KUBEADM_PROVIDERS[spec.cloud];
  const infrastructure = provider.infrastructureCluster(ctx);
  const cpName = `${spec.name}-control-plane`;
  const cpTemplate = provider.machineTemplate(ctx, cpName, 'control-plane');
  const controlPlane: Manifest = {
    apiVersion: API_VERSIONS.kubeadmControlPlane,
    kind: 'KubeadmControlPlane',
    metadata: ownedMetadata(spec, cpName),
    spec: {
      replicas: profile.controlPlaneReplicas,
      version: spec.kubernetesVersion,
      machineTemplate: { spec: { infrastructureRef: refTo(cpTemplate) } },
      kubeadmConfigSpec: provider.controlPlaneKubeadmConfig(ctx, cpName),
    },
  };
  const pool = workerPoolName(ctx);
  const bootstrap: Manifest = {
    apiVersion: API_VERSIONS.kubeadmBootstrap,
    kind: 'KubeadmConfigTemplate',
    metadata: ownedMetadata(spec, pool),
    spec: { template: { spec: provider.workerKubeadmConfig(ctx, pool) } },
  };
  const workers = machineDeploymentPool(
    ctx,
    provider.machineTemplate(ctx, pool, 'worker'),
    bootstrap,
  );
  return {
    cluster: [
      clusterObject(
        ctx,
        clusterRefs(KUBEADM_CLUSTER_NETWORK, infrastructure, controlPlane),
        provider.clusterLabels,
      ),
      infrastructure,
      ...provider.identities(ctx),
    ],
    controlPlane: [controlPlane, cpTemplate],
    workers: workers.objects,
    healthChecks: [workers.healthCheck],
  };
}
