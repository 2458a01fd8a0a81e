import type { ControlPlaneSummary } from '../model/ClusterSummary';
import {
  controlPlaneKindOf,
  instanceTypeOf,
  normalizeVersion,
} from './providers';
import { clusterReplicasOf, replicasOf, ZERO_REPLICAS } from './replicas';
import {
  clusterClassControlPlaneTemplateRef,
  controlPlaneTemplateRef,
} from './references';
import { follow, generatedKind, type SummaryContext } from './SummaryContext';
import { topologyControlPlaneType } from './topology';

/**
 * The control plane from its object (KubeadmControlPlane, AWSManagedControlPlane, ...),
 * or, for a topology cluster not generated yet, from `spec.topology.controlPlane` and the
 * ClusterClass. Managed control planes have no machines: their counts stay zero and the
 * fee is priced by `managed` (+ `tier` for AKS).
 */
export function summarizeControlPlane(
  ctx: SummaryContext,
): ControlPlaneSummary | undefined {
  const { objects, cluster, reader, topology } = ctx;
  const cp = objects.controlPlane;
  const clusterClass = objects.clusterClass;
  const kind =
    cp?.kind ??
    reader.str(cluster, 'spec.controlPlaneRef.kind') ??
    generatedKind(
      clusterClass?.spec?.controlPlane?.templateRef?.kind ??
        clusterClass?.spec?.controlPlane?.ref?.kind,
    );
  if (!kind) return undefined;

  const info = controlPlaneKindOf(kind, cp);
  const classTemplate = clusterClass
    ? follow(
        ctx,
        clusterClass,
        clusterClassControlPlaneTemplateRef(clusterClass),
      )
    : undefined;
  const instanceType =
    info.managed === 'self'
      ? instanceTypeOf(
          cp ? follow(ctx, cp, controlPlaneTemplateRef(cp)) : undefined,
          reader,
        ) ??
        (topology && topologyControlPlaneType(topology)) ??
        instanceTypeOf(classTemplate, reader)
      : undefined;

  let replicas = { ...ZERO_REPLICAS };
  if (info.managed === 'self') {
    if (cp) {
      replicas =
        clusterReplicasOf(cluster, 'controlPlane', reader) ??
        replicasOf(cp, reader);
    } else if (topology) {
      replicas.desired = topology.controlPlaneReplicas ?? 1;
    }
  }

  const version = cp
    ? info.versionFields.map(path => reader.str(cp, path)).find(Boolean)
    : topology?.version;
  const tier =
    cp && info.tierField ? reader.str(cp, info.tierField) : undefined;

  return {
    kind,
    managed: info.managed,
    replicas,
    ...(version ? { version: normalizeVersion(version) } : {}),
    ...(instanceType ? { instanceType } : {}),
    ...(tier ? { tier } : {}),
  };
}
