import type { KubeObject } from '../model/kube';
import { resolveRef, type ClusterObjects } from './ClusterObjects';
import type { FieldReader } from './FieldReader';
import { namespaceOf } from './objects';
import type { Topology } from './topology';

/** What the summary steps of one cluster share: its objects, the Cluster, its topology and the error sink. */
export interface SummaryContext {
  objects: ClusterObjects;
  cluster: KubeObject;
  topology?: Topology;
  reader: FieldReader;
}

/** Follows a reference written in `holder` (same namespace unless the reference says otherwise). */
export function follow(
  ctx: SummaryContext,
  holder: KubeObject,
  ref: unknown,
): KubeObject | undefined {
  return resolveRef(ctx.objects.byKey, ref, namespaceOf(holder));
}

/** `AWSClusterTemplate` → `AWSCluster`: the kind a ClusterClass template will generate. */
export function generatedKind(templateKind: unknown): string | undefined {
  return typeof templateKind === 'string' && templateKind
    ? templateKind.replace(/Template$/, '')
    : undefined;
}
