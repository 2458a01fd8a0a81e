import type { KubeObject } from '../api/types';
import {
  v1beta1Conditions,
  v1beta2Conditions,
  type ConditionInput,
} from './conditions';
import { capiVersionOf } from './refs';

/** Replica counts of a set of machines against a desired number. */
export interface ReplicaCounts {
  desired: number;
  replicas: number;
  ready: number;
  available: number;
  upToDate: number;
}

export const NO_REPLICAS: ReplicaCounts = {
  desired: 0,
  replicas: 0,
  ready: 0,
  available: 0,
  upToDate: 0,
};

export function countMachines(
  desired: number,
  machines: KubeObject[],
): ReplicaCounts {
  let ready = 0;
  let upToDate = 0;
  for (const m of machines) {
    const deleting = Boolean(m.metadata?.deletionTimestamp);
    if (!deleting) upToDate++;
    if (!deleting && m.status?.phase === 'Running') ready++;
  }
  return {
    desired,
    replicas: machines.length,
    ready,
    available: ready,
    upToDate,
  };
}

/** Which way a set of machines is scaling, if any. */
function scaling(c: ReplicaCounts): 'ScalingUp' | 'ScalingDown' | undefined {
  if (c.replicas < c.desired) return 'ScalingUp';
  if (c.replicas > c.desired) return 'ScalingDown';
  return undefined;
}

export function addCounts(a: ReplicaCounts, b: ReplicaCounts): ReplicaCounts {
  return {
    desired: a.desired + b.desired,
    replicas: a.replicas + b.replicas,
    ready: a.ready + b.ready,
    available: a.available + b.available,
    upToDate: a.upToDate + b.upToDate,
  };
}

function scalingConditions(
  kind: string,
  name: string,
  c: ReplicaCounts,
): ConditionInput[] {
  const up = c.replicas < c.desired;
  const down = c.replicas > c.desired;
  return [
    {
      type: 'ScalingUp',
      status: up,
      reason: up ? 'ScalingUp' : 'NotScalingUp',
      message: up
        ? `Scaling up ${kind} ${name} to ${c.desired} replicas (actual ${c.replicas})`
        : '',
    },
    {
      type: 'ScalingDown',
      status: down,
      reason: down ? 'ScalingDown' : 'NotScalingDown',
      message: down
        ? `Scaling down ${kind} ${name} to ${c.desired} replicas (actual ${c.replicas})`
        : '',
    },
  ];
}

function machinesReady(c: ReplicaCounts, what = 'Machines'): ConditionInput {
  if (c.replicas === 0)
    return { type: 'MachinesReady', status: true, reason: 'NoReplicas' };
  const notReady = c.replicas - c.ready;
  return notReady === 0
    ? { type: 'MachinesReady', status: true, reason: 'Ready' }
    : {
        type: 'MachinesReady',
        status: false,
        reason: 'NotReady',
        message: `* ${notReady} of ${c.replicas} ${what} not ready`,
        severity: 'Warning',
      };
}

function common(deleting: boolean): ConditionInput[] {
  return [
    { type: 'MachinesUpToDate', status: true, reason: 'UpToDate' },
    { type: 'Remediating', status: false, reason: 'NotRemediating' },
    {
      type: 'Deleting',
      status: deleting,
      reason: deleting ? 'DeletionStarted' : 'NotDeleting',
    },
    { type: 'Paused', status: false, reason: 'NotPaused' },
  ];
}

/** The label selector string CAPI writes into `status.selector`. */
export function selectorString(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .join(',');
}

export function machineDeploymentStatus(
  md: KubeObject,
  c: ReplicaCounts,
  selector: string,
  now: string,
) {
  const name = md.metadata!.name!;
  const generation = md.metadata!.generation ?? 1;
  const available = c.available >= c.desired;
  const availableCondition: ConditionInput = available
    ? { type: 'Available', status: true, reason: 'Available' }
    : {
        type: 'Available',
        status: false,
        reason: 'NotAvailable',
        message: `${c.available} available replicas, at least ${c.desired} required (spec.strategy.rollout.maxUnavailable is 0, spec.replicas is ${c.desired})`,
        severity: 'Warning',
      };
  const phase = scaling(c) ?? 'Running';
  if (capiVersionOf(md) === 'v1beta1') {
    return {
      observedGeneration: generation,
      selector,
      replicas: c.replicas,
      updatedReplicas: c.upToDate,
      readyReplicas: c.ready,
      availableReplicas: c.available,
      unavailableReplicas: Math.max(0, c.desired - c.available),
      phase,
      conditions: v1beta1Conditions(
        [
          { ...availableCondition, type: 'Ready' },
          availableCondition,
          { ...machinesReady(c), type: 'MachineSetReady' },
        ],
        md.status?.conditions,
        now,
      ),
    };
  }
  return {
    observedGeneration: generation,
    selector,
    replicas: c.replicas,
    readyReplicas: c.ready,
    availableReplicas: c.available,
    upToDateReplicas: c.upToDate,
    phase,
    conditions: v1beta2Conditions(
      [
        availableCondition,
        machinesReady(c),
        { type: 'RollingOut', status: false, reason: 'NotRollingOut' },
        ...scalingConditions('MachineSet', name, c),
        ...common(Boolean(md.metadata?.deletionTimestamp)),
      ],
      md.status?.conditions,
      now,
      generation,
    ),
  };
}

export function machineSetStatus(
  ms: KubeObject,
  c: ReplicaCounts,
  selector: string,
  now: string,
) {
  const name = ms.metadata!.name!;
  const generation = ms.metadata!.generation ?? 1;
  if (capiVersionOf(ms) === 'v1beta1') {
    const resized = c.replicas === c.desired;
    return {
      observedGeneration: generation,
      selector,
      replicas: c.replicas,
      fullyLabeledReplicas: c.replicas,
      readyReplicas: c.ready,
      availableReplicas: c.available,
      conditions: v1beta1Conditions(
        [
          { ...machinesReady(c), type: 'Ready' },
          { type: 'MachinesCreated', status: true, reason: 'Created' },
          machinesReady(c),
          {
            type: 'Resized',
            status: resized,
            reason: scaling(c) ?? 'Resized',
            severity: 'Warning',
          },
        ],
        ms.status?.conditions,
        now,
      ),
    };
  }
  return {
    observedGeneration: generation,
    selector,
    replicas: c.replicas,
    readyReplicas: c.ready,
    availableReplicas: c.available,
    upToDateReplicas: c.upToDate,
    conditions: v1beta2Conditions(
      [
        machinesReady(c),
        ...scalingConditions('MachineSet', name, c),
        ...common(Boolean(ms.metadata?.deletionTimestamp)),
      ],
      ms.status?.conditions,
      now,
      generation,
    ),
  };
}

/** KubeadmControlPlane status; available while a majority of members (etcd quorum) runs. */
export function kubeadmControlPlaneStatus(
  kcp: KubeObject,
  c: ReplicaCounts,
  selector: string,
  now: string,
) {
  const name = kcp.metadata!.name!;
  const generation = kcp.metadata!.generation ?? 1;
  const initialized =
    c.ready > 0 ||
    Boolean(
      kcp.status?.initialization?.controlPlaneInitialized ??
        kcp.status?.initialized,
    );
  const quorum = c.ready > Math.floor(Math.max(c.desired, c.replicas) / 2);
  const allHealthy = c.replicas > 0 && c.ready === c.replicas;
  const version = kcp.spec?.version;
  const available: ConditionInput = quorum
    ? { type: 'Available', status: true, reason: 'Available' }
    : {
        type: 'Available',
        status: false,
        reason: 'NotAvailable',
        message: initialized
          ? '* There are no healthy control plane machines'
          : 'Control plane not yet initialized',
        severity: 'Error',
      };
  const etcd: ConditionInput = allHealthy
    ? { type: 'EtcdClusterHealthy', status: true, reason: 'Healthy' }
    : {
        type: 'EtcdClusterHealthy',
        status: initialized ? false : 'Unknown',
        reason: initialized ? 'NotHealthy' : 'HealthUnknown',
        message: initialized
          ? `* ${c.replicas - c.ready} etcd member(s) not healthy`
          : 'Waiting for first control plane machine',
        severity: 'Warning',
      };
  const components: ConditionInput = {
    ...etcd,
    type: 'ControlPlaneComponentsHealthy',
  };
  if (capiVersionOf(kcp) === 'v1beta1') {
    return {
      observedGeneration: generation,
      selector,
      replicas: c.replicas,
      updatedReplicas: c.upToDate,
      readyReplicas: c.ready,
      unavailableReplicas: Math.max(0, c.replicas - c.ready),
      initialized,
      ready: c.ready > 0,
      version,
      conditions: v1beta1Conditions(
        [
          {
            ...(allHealthy
              ? { status: true }
              : {
                  status: false,
                  severity: 'Warning' as const,
                  message: `${c.replicas - c.ready} of ${
                    c.replicas
                  } machines not ready`,
                }),
            type: 'Ready',
            reason: 'MachinesNotReady',
          },
          available,
          { type: 'CertificatesAvailable', status: true, reason: 'Available' },
          { ...etcd, reason: allHealthy ? 'Healthy' : 'EtcdClusterUnhealthy' },
          machinesReady(c),
          {
            type: 'Resized',
            status: c.replicas === c.desired,
            reason: c.replicas < c.desired ? 'ScalingUp' : 'ScalingDown',
            severity: 'Warning',
          },
        ],
        kcp.status?.conditions,
        now,
      ),
    };
  }
  return {
    observedGeneration: generation,
    selector,
    replicas: c.replicas,
    readyReplicas: c.ready,
    availableReplicas: c.available,
    upToDateReplicas: c.upToDate,
    version,
    initialization: { controlPlaneInitialized: initialized },
    conditions: v1beta2Conditions(
      [
        available,
        { type: 'CertificatesAvailable', status: true, reason: 'Available' },
        {
          type: 'Initialized',
          status: initialized,
          reason: initialized ? 'Initialized' : 'NotInitialized',
        },
        etcd,
        components,
        machinesReady(c),
        { type: 'RollingOut', status: false, reason: 'NotRollingOut' },
        ...scalingConditions('KubeadmControlPlane', name, c),
        ...common(Boolean(kcp.metadata?.deletionTimestamp)),
      ],
      kcp.status?.conditions,
      now,
      generation,
    ),
  };
}

/** MachinePool status: pools of managed node groups report replicas without Machines. */
export function machinePoolStatus(mp: KubeObject, ready: boolean, now: string) {
  const desired = mp.spec?.replicas ?? 1;
  const c: ReplicaCounts = {
    desired,
    replicas: desired,
    ready: ready ? desired : 0,
    available: ready ? desired : 0,
    upToDate: desired,
  };
  const generation = mp.metadata!.generation ?? 1;
  const phase = ready ? 'Running' : 'Provisioning';
  if (capiVersionOf(mp) === 'v1beta1') {
    return {
      observedGeneration: generation,
      phase,
      replicas: c.replicas,
      readyReplicas: c.ready,
      availableReplicas: c.available,
      unavailableReplicas: c.desired - c.available,
      bootstrapReady: true,
      infrastructureReady: ready,
      conditions: v1beta1Conditions(
        [
          {
            type: 'Ready',
            status: ready,
            reason: 'WaitingForInfrastructure',
            severity: 'Info',
          },
          { type: 'BootstrapReady', status: true, reason: 'Ready' },
          {
            type: 'InfrastructureReady',
            status: ready,
            reason: 'WaitingForInfrastructure',
            severity: 'Info',
          },
          {
            type: 'ReplicasReady',
            status: ready,
            reason: 'WaitingForReplicasReady',
            severity: 'Info',
          },
        ],
        mp.status?.conditions,
        now,
      ),
    };
  }
  return {
    observedGeneration: generation,
    phase,
    replicas: c.replicas,
    readyReplicas: c.ready,
    availableReplicas: c.available,
    upToDateReplicas: c.upToDate,
    initialization: {
      bootstrapDataSecretCreated: true,
      infrastructureProvisioned: ready,
    },
    conditions: v1beta2Conditions(
      [
        {
          type: 'Available',
          status: ready,
          reason: ready ? 'Available' : 'NotAvailable',
        },
        { type: 'BootstrapConfigReady', status: true, reason: 'Ready' },
        {
          type: 'InfrastructureReady',
          status: ready,
          reason: ready ? 'Ready' : 'NotReady',
        },
        { type: 'MachinesReady', status: true, reason: 'NoReplicas' },
        { type: 'MachinesUpToDate', status: true, reason: 'NoReplicas' },
        ...scalingConditions('MachinePool', mp.metadata!.name!, c),
        { type: 'Remediating', status: false, reason: 'NotRemediating' },
        {
          type: 'Deleting',
          status: Boolean(mp.metadata?.deletionTimestamp),
          reason: mp.metadata?.deletionTimestamp
            ? 'DeletionStarted'
            : 'NotDeleting',
        },
        { type: 'Paused', status: false, reason: 'NotPaused' },
      ],
      mp.status?.conditions,
      now,
      generation,
    ),
  };
}

export type ClusterPhase =
  | 'Pending'
  | 'Provisioning'
  | 'Provisioned'
  | 'Deleting'
  | 'Failed';

/** Everything a Cluster's status is derived from (read from its control plane and workers). */
export interface ClusterFacts {
  phase: ClusterPhase;
  infrastructureReady: boolean;
  infrastructureKind: string;
  controlPlaneKind: string;
  controlPlaneInitialized: boolean;
  controlPlaneAvailable: boolean;
  /** Undefined for managed control planes (no Machines). */
  controlPlane?: ReplicaCounts;
  workers: ReplicaCounts;
  /** Worker groups (MachineDeployments, MachinePools) that are not available, with why. */
  unavailableWorkers: string[];
  topology: boolean;
  zones: string[];
  failureMessage?: string;
}

function clusterConditionInputs(f: ClusterFacts): ConditionInput[] {
  const deleting = f.phase === 'Deleting';
  const failed = f.phase === 'Failed';
  const workersAvailable = f.unavailableWorkers.length === 0 && !failed;
  const probe = f.controlPlaneInitialized && f.controlPlaneAvailable && !failed;
  let probeMessage = '';
  if (!probe)
    probeMessage = f.controlPlaneInitialized
      ? 'Remote connection probe failed'
      : 'Remote connection not established yet';
  const cp = f.controlPlane;
  const machineGroup = (
    type: string,
    c: ReplicaCounts | undefined,
  ): ConditionInput => {
    if (!c || c.replicas === 0)
      return { type, status: true, reason: 'NoReplicas' };
    const notReady = c.replicas - c.ready;
    return notReady === 0
      ? { type, status: true, reason: 'Ready' }
      : {
          type,
          status: false,
          reason: 'NotReady',
          message: `* ${notReady} of ${c.replicas} Machines not ready`,
        };
  };
  const inputs: ConditionInput[] = [
    {
      type: 'InfrastructureReady',
      status: f.infrastructureReady,
      reason: f.infrastructureReady ? 'Ready' : 'NotReady',
      message: f.infrastructureReady
        ? ''
        : `${f.infrastructureKind} is provisioning`,
      severity: 'Info',
    },
    {
      type: 'ControlPlaneInitialized',
      status: f.controlPlaneInitialized,
      reason: f.controlPlaneInitialized ? 'Initialized' : 'NotInitialized',
      message: f.controlPlaneInitialized
        ? ''
        : 'Control plane not yet initialized',
      severity: 'Info',
    },
    {
      type: 'ControlPlaneAvailable',
      status: f.controlPlaneAvailable && !failed,
      reason: f.controlPlaneAvailable && !failed ? 'Available' : 'NotAvailable',
      message:
        f.controlPlaneAvailable && !failed
          ? ''
          : `* ${f.controlPlaneKind}: ${
              failed ? f.failureMessage ?? 'not available' : 'not available'
            }`,
    },
    {
      type: 'WorkersAvailable',
      status: workersAvailable,
      reason: workersAvailable ? 'Available' : 'NotAvailable',
      message: workersAvailable
        ? ''
        : f.unavailableWorkers.map(w => `* ${w}`).join('\n') ||
          '* Workers: not available',
    },
    machineGroup('ControlPlaneMachinesReady', cp),
    machineGroup('WorkerMachinesReady', f.workers),
    {
      type: 'ControlPlaneMachinesUpToDate',
      status: true,
      reason: cp && cp.replicas > 0 ? 'UpToDate' : 'NoReplicas',
    },
    {
      type: 'WorkerMachinesUpToDate',
      status: true,
      reason: f.workers.replicas > 0 ? 'UpToDate' : 'NoReplicas',
    },
    {
      type: 'RemoteConnectionProbe',
      status: probe,
      reason: probe ? 'ProbeSucceeded' : 'ProbeFailed',
      message: probeMessage,
    },
    { type: 'RollingOut', status: false, reason: 'NotRollingOut' },
    ...scalingConditions('workers of Cluster', '', f.workers).map(c => ({
      ...c,
      message: c.status
        ? `Scaling ${c.type === 'ScalingUp' ? 'up' : 'down'} workers to ${
            f.workers.desired
          } replicas (actual ${f.workers.replicas})`
        : '',
    })),
    { type: 'Remediating', status: false, reason: 'NotRemediating' },
    {
      type: 'Deleting',
      status: deleting,
      reason: deleting ? 'DeletionStarted' : 'NotDeleting',
    },
    { type: 'Paused', status: false, reason: 'NotPaused' },
  ];
  if (f.topology)
    inputs.push({
      type: 'TopologyReconciled',
      status: true,
      reason: 'ReconcileSucceeded',
    });
  const failing = inputs.filter(
    c =>
      [
        'InfrastructureReady',
        'ControlPlaneAvailable',
        'WorkersAvailable',
        'RemoteConnectionProbe',
      ].includes(c.type) && c.status !== true,
  );
  const available = failing.length === 0 && !deleting;
  let message = failing
    .map(c => `* ${c.type}: ${c.message || c.reason}`)
    .join('\n');
  if (deleting) message = '* Deleting: Cluster deletion in progress';
  inputs.unshift({
    type: 'Available',
    status: available,
    reason: available ? 'Available' : 'NotAvailable',
    message,
  });
  return inputs;
}

/** v1beta1 ControlPlaneReady: why it is not (failed, machines not ready, not initialized). */
function v1beta1ControlPlaneReady(
  f: ClusterFacts,
  ready: boolean,
): ConditionInput {
  const condition = { type: 'ControlPlaneReady', status: ready };
  if (f.phase === 'Failed')
    return {
      ...condition,
      reason: 'ControlPlaneUnhealthy',
      severity: 'Error',
      message: f.failureMessage,
    };
  if (f.controlPlaneInitialized)
    return { ...condition, reason: 'MachinesNotReady', severity: 'Warning' };
  return { ...condition, reason: 'WaitingForControlPlane', severity: 'Info' };
}

export function clusterStatus(
  cluster: KubeObject,
  f: ClusterFacts,
  now: string,
) {
  const generation = cluster.metadata!.generation ?? 1;
  const previous = cluster.status;
  const failed = f.phase === 'Failed';
  const counts = (c: ReplicaCounts) => ({
    desiredReplicas: c.desired,
    replicas: c.replicas,
    readyReplicas: c.ready,
    availableReplicas: c.available,
    upToDateReplicas: c.upToDate,
  });
  if (capiVersionOf(cluster) === 'v1beta1') {
    const cpReady =
      f.controlPlaneAvailable &&
      !failed &&
      (!f.controlPlane || f.controlPlane.ready === f.controlPlane.replicas);
    const ready = cpReady && f.infrastructureReady && f.phase !== 'Deleting';
    const controlPlaneReady = v1beta1ControlPlaneReady(f, cpReady);
    const why: ConditionInput = f.infrastructureReady
      ? { ...controlPlaneReady, type: 'Ready', status: ready }
      : {
          type: 'Ready',
          status: false,
          reason: 'WaitingForInfrastructure',
          severity: 'Info',
        };
    return {
      observedGeneration: generation,
      phase: f.phase,
      infrastructureReady: f.infrastructureReady,
      controlPlaneReady: cpReady,
      ...(f.zones.length
        ? {
            failureDomains: Object.fromEntries(
              f.zones.map(z => [z, { controlPlane: true }]),
            ),
          }
        : {}),
      ...(failed
        ? {
            failureReason: 'UpdateError',
            failureMessage: f.failureMessage ?? 'Cluster failed',
          }
        : {}),
      conditions: v1beta1Conditions(
        [
          why,
          {
            type: 'ControlPlaneInitialized',
            status: f.controlPlaneInitialized,
            reason: 'WaitingForControlPlaneProviderInitialized',
            severity: 'Info',
          },
          controlPlaneReady,
          {
            type: 'InfrastructureReady',
            status: f.infrastructureReady,
            reason: 'WaitingForInfrastructure',
            severity: 'Info',
          },
        ],
        previous?.conditions,
        now,
      ),
    };
  }
  return {
    observedGeneration: generation,
    phase: f.phase,
    initialization: {
      infrastructureProvisioned: f.infrastructureReady,
      controlPlaneInitialized: f.controlPlaneInitialized,
    },
    ...(f.controlPlane ? { controlPlane: counts(f.controlPlane) } : {}),
    workers: counts(f.workers),
    ...(f.zones.length
      ? { failureDomains: f.zones.map(name => ({ name, controlPlane: true })) }
      : {}),
    ...(failed
      ? {
          deprecated: {
            v1beta1: {
              failureReason: 'UpdateError',
              failureMessage: f.failureMessage ?? 'Cluster failed',
            },
          },
        }
      : {}),
    conditions: v1beta2Conditions(
      clusterConditionInputs(f),
      previous?.conditions,
      now,
      generation,
    ),
  };
}
