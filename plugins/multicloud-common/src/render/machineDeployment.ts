import { CAPI_LABELS } from '../model/labels';
import { API_VERSIONS, refTo } from './apiVersions';
import { ownedMetadata } from './clusterMetadata';
import { machineHealthCheck } from './machineHealthCheck';
import type { RenderContext } from './providers/types';
import type { Manifest } from './types';
import { autoscalerAnnotations } from './workerPool';

/** The name suffix of the (single) worker pool, as in the official templates. */
export const WORKER_POOL_SUFFIX = 'md-0';

export function workerPoolName(ctx: RenderContext): string {
  return `${ctx.spec.name}-${WORKER_POOL_SUFFIX}`;
}

/**
 * A MachineDeployment worker pool with its machine and bootstrap templates, and the
 * MachineHealthCheck that remediates its machines.
 */
export function machineDeploymentPool(
  ctx: RenderContext,
  infrastructureTemplate: Manifest,
  bootstrapTemplate: Manifest,
): { objects: Manifest[]; healthCheck: Manifest } {
  const { spec, profile } = ctx;
  const name = workerPoolName(ctx);
  const selector = {
    [CAPI_LABELS.clusterName]: spec.name,
    [CAPI_LABELS.deploymentName]: name,
  };
  const deployment: Manifest = {
    apiVersion: API_VERSIONS.cluster,
    kind: 'MachineDeployment',
    metadata: ownedMetadata(spec, name, {
      annotations: autoscalerAnnotations(profile.workers, ctx.workerNode),
    }),
    spec: {
      clusterName: spec.name,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: {
          clusterName: spec.name,
          version: spec.kubernetesVersion,
          bootstrap: { configRef: refTo(bootstrapTemplate) },
          infrastructureRef: refTo(infrastructureTemplate),
        },
      },
    },
  };
  return {
    objects: [deployment, infrastructureTemplate, bootstrapTemplate],
    healthCheck: machineHealthCheck(spec, name),
  };
}
