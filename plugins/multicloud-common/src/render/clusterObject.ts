import { API_VERSIONS, refTo } from './apiVersions';
import { clusterAnnotations, clusterLabels } from './clusterMetadata';
import type { RenderContext } from './providers/types';
import type { Manifest } from './types';

/** The Cluster object: the portal's labels and annotations, and what it is made of. */
export function clusterObject(
  ctx: RenderContext,
  spec: Record<string, unknown>,
  extraLabels: Record<string, string> = {},
): Manifest {
  const annotations = clusterAnnotations(ctx.spec);
  return {
    apiVersion: API_VERSIONS.cluster,
    kind: 'Cluster',
    metadata: {
      name: ctx.spec.name,
      namespace: ctx.spec.namespace,
      labels: { ...clusterLabels(ctx.spec), ...extraLabels },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec,
  };
}

/** `spec` of a Cluster made of an infrastructure cluster and a control plane. */
export function clusterRefs(
  clusterNetwork: Record<string, unknown>,
  infrastructure: Manifest,
  controlPlane: Manifest,
) {
  return {
    clusterNetwork,
    controlPlaneRef: refTo(controlPlane),
    infrastructureRef: refTo(infrastructure),
  };
}
