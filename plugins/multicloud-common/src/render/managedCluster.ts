import { clusterObject, clusterRefs } from './clusterObject';
import { MANAGED_PROVIDERS } from './providers';
import type { RenderContext } from './providers/types';
import type { RenderedObjects } from './renderedObjects';

/**
 * A managed cluster (EKS, AKS, GKE) with full provider objects, as in the providers'
 * managed templates: the provider runs the control plane, CAPI the worker pool.
 */
export function renderManagedCluster(ctx: RenderContext): RenderedObjects {
  const managed = MANAGED_PROVIDERS[ctx.spec.cloud].managed(ctx);
  return {
    cluster: [
      clusterObject(
        ctx,
        clusterRefs(
          managed.clusterNetwork,
          managed.infrastructure,
          managed.controlPlane,
        ),
      ),
      managed.infrastructure,
      ...managed.identities,
    ],
    controlPlane: [managed.controlPlane],
    workers: managed.workers,
    healthChecks: managed.healthChecks,
  };
}
