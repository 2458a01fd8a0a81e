import type { ReplicaCounts } from '../model/ClusterSummary';
import type { Condition, KubeObject } from '../model/kube';
import type { ClusterObjects } from '../fleet/ClusterObjects';
import type { FieldReader } from '../fleet/FieldReader';
import { describeObject, getPath, nameOf } from '../fleet/objects';
import { controlPlaneKindOf } from '../fleet/providers';
import { clusterReplicasOf, replicasOf, sumReplicas } from '../fleet/replicas';
import { conditionsOf, pickCondition } from './conditions';

/** A condition plus the vocabulary it was read in (v1beta1 carries severity). */
export interface ReadCondition {
  condition: Condition;
  style: 'v1beta2' | 'v1beta1';
}

/**
 * What the verdict is decided on, in one version-neutral shape: a v1beta1 and a v1beta2
 * Cluster describing the same state read to the same facts.
 */
export interface HealthFacts {
  cluster: string;
  hasStatus: boolean;
  deleting: boolean;
  /** Terminal failure (phase Failed, v1beta1 failureReason/failureMessage). */
  failure?: string;
  phase?: string;
  infrastructure: {
    object: string;
    ready?: boolean;
    condition?: ReadCondition;
  };
  controlPlane?: {
    object: string;
    managed: boolean;
    initialized?: boolean;
    /** Self-managed control planes: machine counts. */
    counts?: ReplicaCounts;
    /** Managed control planes: the provider object's own `status.ready`. */
    providerReady?: boolean;
    /** Cluster's ControlPlaneAvailable (v1beta2) or ControlPlaneReady (v1beta1). */
    condition?: ReadCondition;
  };
  workers: ReplicaCounts;
  remoteConnection?: ReadCondition;
  /** Cluster's Available (v1beta2) or Ready (v1beta1) summary condition. */
  available?: ReadCondition;
  failedMachines: string[];
}

function firstDefined<T>(...values: Array<T | undefined>): T | undefined {
  return values.find(v => v !== undefined);
}

function conditionTrue(c: ReadCondition | undefined): boolean | undefined {
  return c ? c.condition.status === 'True' : undefined;
}

export function readHealthFacts(
  objects: ClusterObjects,
  cluster: KubeObject,
  reader: FieldReader,
): HealthFacts {
  const sets = conditionsOf(cluster, reader);
  const failureReason =
    reader.str(cluster, 'status.failureReason') ??
    reader.str(cluster, 'status.deprecated.v1beta1.failureReason');
  const failureMessage =
    reader.str(cluster, 'status.failureMessage') ??
    reader.str(cluster, 'status.deprecated.v1beta1.failureMessage');
  const phase = reader.str(cluster, 'status.phase');
  const deletingCondition = pickCondition(sets, 'Deleting');

  const infraCondition = pickCondition(sets, 'InfrastructureReady');
  const infraRefKind = reader.str(cluster, 'spec.infrastructureRef.kind');
  const infrastructure = {
    object: objects.infrastructure
      ? describeObject(objects.infrastructure)
      : `${infraRefKind ?? 'infrastructure'} (not found)`,
    ready: firstDefined(
      reader.bool(cluster, 'status.initialization.infrastructureProvisioned'),
      reader.bool(cluster, 'status.infrastructureReady'),
      conditionTrue(infraCondition),
    ),
    condition: infraCondition,
  };

  return {
    cluster: describeObject(cluster),
    hasStatus: !!cluster.status && Object.keys(cluster.status).length > 0,
    deleting:
      !!cluster.metadata?.deletionTimestamp ||
      phase === 'Deleting' ||
      (deletingCondition?.style === 'v1beta2' &&
        deletingCondition.condition.status === 'True'),
    failure:
      phase === 'Failed' || failureReason || failureMessage
        ? [failureReason, failureMessage].filter(Boolean).join(': ') ||
          'Cluster phase is Failed'
        : undefined,
    phase,
    infrastructure,
    controlPlane: readControlPlane(objects, cluster, sets, reader),
    workers:
      clusterReplicasOf(cluster, 'workers', reader) ??
      sumReplicas(
        [...objects.machineDeployments, ...objects.machinePools].map(p =>
          replicasOf(p, reader),
        ),
      ),
    remoteConnection: pickCondition(
      { v1beta2: sets.v1beta2 },
      'RemoteConnectionProbe',
    ),
    available: pickCondition(sets, 'Available', 'Ready'),
    failedMachines: objects.machines
      .filter(
        m =>
          getPath(m, 'status.phase') === 'Failed' ||
          !!getPath(m, 'status.failureReason') ||
          !!getPath(m, 'status.deprecated.v1beta1.failureReason'),
      )
      .map(m => nameOf(m) ?? '?'),
  };
}

function readControlPlane(
  objects: ClusterObjects,
  cluster: KubeObject,
  sets: ReturnType<typeof conditionsOf>,
  reader: FieldReader,
): HealthFacts['controlPlane'] {
  const refKind = reader.str(cluster, 'spec.controlPlaneRef.kind');
  const cp = objects.controlPlane;
  if (!cp && !refKind) return undefined;
  const managed =
    controlPlaneKindOf(cp?.kind ?? refKind ?? '', cp).managed !== 'self';
  const initializedCondition = pickCondition(sets, 'ControlPlaneInitialized');
  return {
    object: cp ? describeObject(cp) : `${refKind} (not found)`,
    managed,
    initialized: firstDefined(
      reader.bool(cluster, 'status.initialization.controlPlaneInitialized'),
      conditionTrue(initializedCondition),
      reader.bool(cluster, 'status.controlPlaneReady'),
    ),
    counts:
      managed || !cp
        ? undefined
        : clusterReplicasOf(cluster, 'controlPlane', reader) ??
          replicasOf(cp, reader),
    providerReady: managed && cp ? reader.bool(cp, 'status.ready') : undefined,
    condition: pickCondition(
      sets,
      'ControlPlaneAvailable',
      'ControlPlaneReady',
    ),
  };
}
