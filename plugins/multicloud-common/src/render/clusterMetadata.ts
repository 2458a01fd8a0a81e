import {
  CAPI_LABELS,
  MULTICLOUD_ANNOTATIONS,
  MULTICLOUD_LABELS,
} from '../model/labels';
import type { ClusterSpec } from './ClusterSpec';

/** Mesh enrollment value: the portal enrolls clusters into the seed's Istio mesh. */
export const MESH_ENROLLED = 'istio';

/**
 * Labels of the Cluster object: the portal's contract (owner, system, environment, data
 * class) and mesh enrollment, which is also a label so mesh automation (an ApplicationSet or
 * ClusterResourceSet) can select enrolled clusters.
 */
export function clusterLabels(spec: ClusterSpec): Record<string, string> {
  return {
    [MULTICLOUD_LABELS.owner]: spec.owner,
    ...(spec.system ? { [MULTICLOUD_LABELS.system]: spec.system } : {}),
    [MULTICLOUD_LABELS.environment]: spec.environment,
    ...(spec.dataClass
      ? { [MULTICLOUD_LABELS.dataClass]: spec.dataClass }
      : {}),
    ...(spec.mesh
      ? { [MULTICLOUD_ANNOTATIONS.meshEnrollment]: MESH_ENROLLED }
      : {}),
  };
}

/** Failover policy (read by the failover engine) and mesh enrollment. */
export function clusterAnnotations(spec: ClusterSpec): Record<string, string> {
  return {
    ...(spec.failover
      ? {
          [MULTICLOUD_ANNOTATIONS.failoverTarget]:
            spec.failover.targets.join(','),
          [MULTICLOUD_ANNOTATIONS.failoverMode]: spec.failover.mode,
        }
      : {}),
    ...(spec.mesh
      ? { [MULTICLOUD_ANNOTATIONS.meshEnrollment]: MESH_ENROLLED }
      : {}),
  };
}

/** Metadata of every object but the Cluster: its namespace and the CAPI cluster-name label. */
export function ownedMetadata(
  spec: ClusterSpec,
  name: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
) {
  return {
    name,
    namespace: spec.namespace,
    labels: { [CAPI_LABELS.clusterName]: spec.name, ...extra.labels },
    ...(extra.annotations && Object.keys(extra.annotations).length
      ? { annotations: extra.annotations }
      : {}),
  };
}
