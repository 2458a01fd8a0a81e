import type { InstanceTypeSpec } from '../cost/PriceBook';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../model/labels';
import type { WorkerBounds } from './profiles';

/** Node size hints the cluster autoscaler needs to scale a node group up from zero. */
const CAPACITY_ANNOTATIONS = {
  cpu: 'capacity.cluster-autoscaler.kubernetes.io/cpu',
  memory: 'capacity.cluster-autoscaler.kubernetes.io/memory',
} as const;

/**
 * Cluster-autoscaler bounds for a MachineDeployment (or a topology worker). Replicas are left
 * out of the manifests on purpose: CAPI defaults them to the minimum on create, and a
 * `replicas` in Git would fight the autoscaler on every sync.
 */
export function autoscalerAnnotations(
  bounds: WorkerBounds,
  node: InstanceTypeSpec | undefined,
): Record<string, string> {
  return {
    [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: String(bounds.min),
    [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: String(bounds.max),
    ...(bounds.min === 0 && node
      ? {
          [CAPACITY_ANNOTATIONS.cpu]: String(node.vcpu),
          [CAPACITY_ANNOTATIONS.memory]: `${node.memoryGiB}Gi`,
        }
      : {}),
  };
}
