import type { Condition } from '../../model/kube';
import { bool, condition, legacyCondition } from './objects';

/**
 * Status blocks of core CAPI objects in both API versions, so a v1beta1 and a v1beta2
 * fixture describe the same state. `withV1beta2` adds the `status.v1beta2` block that
 * CAPI 1.9/1.10 writes on v1beta1 objects.
 */
export interface StatusStyle {
  version: 'v1beta1' | 'v1beta2';
  withV1beta2: boolean;
}

export interface Counts {
  desired: number;
  /** Machines that exist. */
  current: number;
  available: number;
}

function notAvailableMessage(kind: string, c: Counts) {
  return `${c.available} available replicas, at least ${c.desired} required (${kind})`;
}

function legacyBlock(style: StatusStyle, block: Record<string, unknown>) {
  return style.version === 'v1beta1' && style.withV1beta2
    ? { v1beta2: block }
    : {};
}

/** MachineDeployment, MachineSet and MachinePool status. */
export function poolStatus(style: StatusStyle, kind: string, c: Counts) {
  const ok = c.available >= c.desired;
  const message = ok ? undefined : notAvailableMessage(kind, c);
  const phase = c.current < c.desired ? 'ScalingUp' : 'Running';
  const available = condition(
    'Available',
    bool(ok),
    ok ? 'Available' : 'NotAvailable',
    message,
  );
  if (style.version === 'v1beta2') {
    return {
      replicas: c.current,
      readyReplicas: c.available,
      availableReplicas: c.available,
      upToDateReplicas: c.current,
      phase,
      conditions: [available],
    };
  }
  return {
    replicas: c.current,
    readyReplicas: c.available,
    availableReplicas: c.available,
    updatedReplicas: c.current,
    unavailableReplicas: Math.max(0, c.desired - c.available),
    phase,
    conditions: [
      legacyCondition(
        'Ready',
        bool(ok),
        'Warning',
        'WaitingForAvailableMachines',
        message,
      ),
      legacyCondition(
        'Available',
        bool(ok),
        'Warning',
        'WaitingForAvailableMachines',
        message,
      ),
    ],
    ...legacyBlock(style, {
      readyReplicas: c.available,
      availableReplicas: c.available,
      upToDateReplicas: c.current,
      conditions: [available],
    }),
  };
}

export function kubeadmControlPlaneStatus(
  style: StatusStyle,
  c: Counts,
  initialized: boolean,
  version: string,
) {
  const quorum = Math.floor(c.desired / 2) + 1;
  const ok = c.available >= quorum;
  const message =
    c.available < c.desired
      ? `${c.available} of ${c.desired} machines available`
      : undefined;
  const available = condition(
    'Available',
    bool(ok),
    ok ? 'Available' : 'NotAvailable',
    message,
  );
  if (style.version === 'v1beta2') {
    return {
      replicas: c.current,
      readyReplicas: c.available,
      availableReplicas: c.available,
      upToDateReplicas: c.current,
      version,
      initialization: { controlPlaneInitialized: initialized },
      conditions: [available],
    };
  }
  return {
    replicas: c.current,
    readyReplicas: c.available,
    updatedReplicas: c.current,
    unavailableReplicas: c.current - c.available,
    ready: c.available > 0,
    initialized,
    version,
    conditions: [
      legacyCondition(
        'Ready',
        bool(c.available === c.desired),
        'Warning',
        'ScalingUp',
        message,
      ),
      legacyCondition(
        'Available',
        bool(initialized),
        'Info',
        'WaitingForKubeadmInit',
      ),
    ],
    ...legacyBlock(style, {
      readyReplicas: c.available,
      availableReplicas: c.available,
      upToDateReplicas: c.current,
      conditions: [available],
    }),
  };
}

export function machineStatus(
  style: StatusStyle,
  nodeName: string,
  available: boolean,
) {
  const modern: Condition[] = [
    condition('Available', bool(available)),
    condition(
      'Ready',
      bool(available),
      available ? 'Ready' : 'NotReady',
      available ? undefined : 'NodeHealthy: Node is not ready',
    ),
    condition('UpToDate', 'True'),
  ];
  const nodeRef = { kind: 'Node', name: nodeName };
  if (style.version === 'v1beta2') {
    return { phase: 'Running', nodeRef, conditions: modern };
  }
  return {
    phase: 'Running',
    nodeRef,
    bootstrapReady: true,
    infrastructureReady: true,
    conditions: [
      legacyCondition(
        'Ready',
        bool(available),
        'Warning',
        'NodeNotReady',
        available ? undefined : 'Node is not ready',
      ),
      legacyCondition('InfrastructureReady', 'True'),
      legacyCondition('BootstrapReady', 'True'),
    ],
    ...legacyBlock(style, { conditions: modern }),
  };
}

export interface ClusterState {
  phase: string;
  infrastructureReady: boolean;
  controlPlaneInitialized: boolean;
  /** Self-managed control plane counts; undefined for managed control planes. */
  controlPlane?: Counts;
  controlPlaneAvailable: boolean;
  workers: Counts;
  failure?: { reason: string; message: string };
  deleting: boolean;
  topology: boolean;
}

function replicaBlock(c: Counts) {
  return {
    desiredReplicas: c.desired,
    replicas: c.current,
    readyReplicas: c.available,
    availableReplicas: c.available,
    upToDateReplicas: c.current,
  };
}

export function clusterStatus(style: StatusStyle, s: ClusterState) {
  const workersOk = s.workers.available >= s.workers.desired;
  const cpMessage = s.controlPlane
    ? `${s.controlPlane.available} of ${s.controlPlane.desired} control plane machines available`
    : 'managed control plane is not ready';
  const workersMessage = `${s.workers.available} of ${s.workers.desired} worker machines available`;
  const provisioned = s.infrastructureReady && s.controlPlaneInitialized;
  const availableOk =
    provisioned &&
    s.controlPlaneAvailable &&
    workersOk &&
    !s.failure &&
    !s.deleting;
  const modern: Condition[] = [
    condition(
      'Available',
      bool(availableOk),
      availableOk ? 'Available' : 'NotAvailable',
    ),
    condition(
      'InfrastructureReady',
      bool(s.infrastructureReady),
      undefined,
      s.infrastructureReady ? undefined : 'waiting for infrastructure',
    ),
    condition('ControlPlaneInitialized', bool(s.controlPlaneInitialized)),
    condition(
      'ControlPlaneAvailable',
      bool(s.controlPlaneAvailable),
      undefined,
      s.controlPlaneAvailable ? undefined : cpMessage,
    ),
    condition(
      'WorkersAvailable',
      bool(workersOk),
      undefined,
      workersOk ? undefined : workersMessage,
    ),
    condition('RemoteConnectionProbe', bool(provisioned)),
    condition(
      'Deleting',
      bool(s.deleting),
      s.deleting ? 'Deleting' : 'NotDeleting',
    ),
    ...(s.topology
      ? [condition('TopologyReconciled', 'True', 'ReconcileSucceeded')]
      : []),
  ];
  const replicas = {
    ...(s.controlPlane ? { controlPlane: replicaBlock(s.controlPlane) } : {}),
    workers: replicaBlock(s.workers),
  };
  if (style.version === 'v1beta2') {
    return {
      phase: s.phase,
      initialization: {
        infrastructureProvisioned: s.infrastructureReady,
        controlPlaneInitialized: s.controlPlaneInitialized,
      },
      ...replicas,
      conditions: modern,
      ...(s.failure
        ? {
            deprecated: {
              v1beta1: {
                failureReason: s.failure.reason,
                failureMessage: s.failure.message,
              },
            },
          }
        : {}),
    };
  }
  const cpReady = s.controlPlaneInitialized && s.controlPlaneAvailable;
  return {
    phase: s.phase,
    infrastructureReady: s.infrastructureReady,
    controlPlaneReady: s.controlPlaneInitialized,
    ...(s.failure
      ? { failureReason: s.failure.reason, failureMessage: s.failure.message }
      : {}),
    conditions: [
      legacyCondition(
        'Ready',
        bool(s.infrastructureReady && cpReady),
        'Warning',
        'NotReady',
      ),
      legacyCondition(
        'InfrastructureReady',
        bool(s.infrastructureReady),
        'Info',
        'WaitingForInfrastructure',
      ),
      legacyCondition(
        'ControlPlaneReady',
        bool(cpReady),
        'Warning',
        'ControlPlaneNotReady',
        cpReady ? undefined : cpMessage,
      ),
      legacyCondition(
        'ControlPlaneInitialized',
        bool(s.controlPlaneInitialized),
        'Info',
        'WaitingForControlPlaneProviderInitialized',
      ),
    ],
    ...legacyBlock(style, { ...replicas, conditions: modern }),
  };
}
