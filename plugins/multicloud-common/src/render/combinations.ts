import type { KnownCloud } from '../model/cloud';
import type { ClusterFlavor, ClusterMode } from './ClusterSpec';

/**
 * The cluster shapes the renderer produces, each mirroring an official `clusterctl generate
 * cluster` template of the pinned provider releases (CAPA v2.11.1, CAPZ v1.26.0, CAPG v1.12.0;
 * copies in `packages/capi-simulator/provider-templates/`).
 */
export const RENDER_COMBINATIONS = [
  {
    cloud: 'aws',
    flavor: 'kubeadm',
    mode: 'full',
    reference: 'aws-cluster-template.yaml',
  },
  {
    cloud: 'aws',
    flavor: 'managed',
    mode: 'full',
    reference: 'aws-cluster-template-eks.yaml',
  },
  {
    cloud: 'azure',
    flavor: 'kubeadm',
    mode: 'full',
    reference: 'azure-cluster-template.yaml',
  },
  {
    cloud: 'azure',
    flavor: 'kubeadm',
    mode: 'topology',
    reference: 'azure-cluster-template-topology.yaml',
  },
  {
    cloud: 'azure',
    flavor: 'managed',
    mode: 'full',
    reference: 'azure-cluster-template-aks.yaml',
  },
  {
    cloud: 'gcp',
    flavor: 'kubeadm',
    mode: 'full',
    reference: 'gcp-cluster-template.yaml',
  },
  {
    cloud: 'gcp',
    flavor: 'kubeadm',
    mode: 'topology',
    reference: 'gcp-cluster-template-topology.yaml',
  },
  {
    cloud: 'gcp',
    flavor: 'managed',
    mode: 'full',
    reference: 'gcp-cluster-template-gke.yaml',
  },
] as const satisfies ReadonlyArray<{
  cloud: KnownCloud;
  flavor: ClusterFlavor;
  mode: ClusterMode;
  reference: string;
}>;

export type RenderCombination = (typeof RENDER_COMBINATIONS)[number];

/** Why a shape is not rendered; these combinations have no official template to mirror. */
export function unsupportedCombinationReason(
  cloud: KnownCloud,
  flavor: ClusterFlavor,
  mode: ClusterMode,
): string | undefined {
  if (
    RENDER_COMBINATIONS.some(
      c => c.cloud === cloud && c.flavor === flavor && c.mode === mode,
    )
  ) {
    return undefined;
  }
  if (flavor === 'managed') {
    return `${cloud} managed clusters in topology mode are not rendered: the pinned provider releases ship no ClusterClass for EKS, AKS or GKE and the CRD set has no managed control-plane templates to validate one; use mode full`;
  }
  return `${cloud} kubeadm clusters in topology mode are not rendered: CAPA v2.11.1 ships no kubeadm ClusterClass template for AWS; use mode full`;
}
