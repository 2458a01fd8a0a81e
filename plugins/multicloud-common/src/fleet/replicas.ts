import type { ReplicaCounts } from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import type { FieldReader } from './FieldReader';
import { apiVersionPart } from './objects';

/**
 * Replica counts in v1beta2 terms (desired / ready / available / up-to-date), from either
 * API version:
 *  - v1beta2 objects: `status.{readyReplicas, availableReplicas, upToDateReplicas}`;
 *  - v1beta1 objects written by CAPI ≥ 1.9 carry the same fields under `status.v1beta2`;
 *  - older v1beta1 objects only have `readyReplicas`, `availableReplicas` (MachineDeployment,
 *    MachinePool) and `updatedReplicas`. A v1beta1 KubeadmControlPlane has no
 *    `availableReplicas`: its `readyReplicas` (machines with a Ready node) stands in for it.
 */

export const ZERO_REPLICAS: ReplicaCounts = Object.freeze({
  desired: 0,
  ready: 0,
  available: 0,
  upToDate: 0,
}) as ReplicaCounts;

/** `status` when it has v1beta2 semantics, else undefined (legacy v1beta1 status). */
function v1beta2StatusPath(obj: KubeObject): string | undefined {
  if (apiVersionPart(obj.apiVersion) === 'v1beta2') return 'status';
  const block = obj.status?.v1beta2;
  return block && typeof block === 'object' ? 'status.v1beta2' : undefined;
}

/** MachineDeployment, MachineSet, MachinePool and control-plane objects. */
export function replicasOf(
  obj: KubeObject,
  reader: FieldReader,
): ReplicaCounts {
  const desired =
    reader.num(obj, 'spec.replicas') ?? reader.num(obj, 'status.replicas') ?? 0;
  const modern = v1beta2StatusPath(obj);
  if (modern) {
    return {
      desired,
      ready: reader.num(obj, `${modern}.readyReplicas`) ?? 0,
      available: reader.num(obj, `${modern}.availableReplicas`) ?? 0,
      upToDate: reader.num(obj, `${modern}.upToDateReplicas`) ?? 0,
    };
  }
  const ready = reader.num(obj, 'status.readyReplicas') ?? 0;
  return {
    desired,
    ready,
    available: reader.num(obj, 'status.availableReplicas') ?? ready,
    upToDate: reader.num(obj, 'status.updatedReplicas') ?? 0,
  };
}

/** The Cluster's own roll-up (`status.controlPlane` / `status.workers`), when it reports one. */
export function clusterReplicasOf(
  cluster: KubeObject,
  part: 'controlPlane' | 'workers',
  reader: FieldReader,
): ReplicaCounts | undefined {
  const modern = v1beta2StatusPath(cluster);
  if (!modern) return undefined;
  const base = `${modern}.${part}`;
  if (!reader.record(cluster, base)) return undefined;
  return {
    desired: reader.num(cluster, `${base}.desiredReplicas`) ?? 0,
    ready: reader.num(cluster, `${base}.readyReplicas`) ?? 0,
    available: reader.num(cluster, `${base}.availableReplicas`) ?? 0,
    upToDate: reader.num(cluster, `${base}.upToDateReplicas`) ?? 0,
  };
}

/** Replicas that exist right now (for counting machines when no Machine objects are listed). */
export function currentReplicasOf(
  obj: KubeObject,
  reader: FieldReader,
): number {
  return (
    reader.num(obj, 'status.replicas') ?? reader.num(obj, 'spec.replicas') ?? 0
  );
}

export function sumReplicas(counts: readonly ReplicaCounts[]): ReplicaCounts {
  const total = { desired: 0, ready: 0, available: 0, upToDate: 0 };
  for (const c of counts) {
    total.desired += c.desired;
    total.ready += c.ready;
    total.available += c.available;
    total.upToDate += c.upToDate;
  }
  return total;
}
