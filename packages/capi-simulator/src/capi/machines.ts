import { CAPI_LABELS } from '@internal/plugin-multicloud-common';
import type { KubeObject, OwnerReference } from '../api/types';
import {
  v1beta1Conditions,
  v1beta2Conditions,
  type ConditionInput,
} from './conditions';
import type { Provider } from './providers';
import {
  BOOTSTRAP_GROUP,
  CAPI_GROUP,
  writeRef,
  type CapiVersion,
} from './refs';

export type MachinePhase = 'Provisioning' | 'Running' | 'Deleting' | 'Failed';

export const MACHINE_FINALIZER = 'machine.cluster.x-k8s.io';

/** FNV-1a: machine identities (IP, instance id) derive from names, so rebuilding is stable. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface MachineIdentity {
  ip: string;
  nodeName: string;
  providerID: string;
}

export interface MachineContext {
  provider: Provider;
  region: string;
  /** AWS account, Azure subscription or GCP project. */
  account: string;
  clusterName: string;
}

export function machineIdentity(
  machine: KubeObject,
  ctx: MachineContext,
): MachineIdentity {
  const { namespace = '', name = '' } = machine.metadata ?? {};
  const h = hash32(`${namespace}/${name}`);
  const ip = `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${h & 255}`;
  const zone = machine.spec?.failureDomain ?? ctx.provider.zones(ctx.region)[0];
  const instanceId = (
    h.toString(16).padStart(8, '0') + hash32(name).toString(16).padStart(8, '0')
  )
    .slice(0, 17)
    .padEnd(17, '0');
  return {
    ip,
    nodeName:
      ctx.provider.cloud === 'aws'
        ? `ip-${ip.replace(/\./g, '-')}.${ctx.region}.compute.internal`
        : name,
    providerID: ctx.provider.providerID({
      zone,
      name,
      instanceId,
      account: ctx.account,
      clusterName: ctx.clusterName,
    }),
  };
}

export interface NewMachineInput {
  version: CapiVersion;
  namespace: string;
  name: string;
  clusterName: string;
  kubernetesVersion: string;
  zone: string;
  labels: Record<string, string>;
  owner: OwnerReference;
  bootstrapKind: 'KubeadmConfig' | 'EKSConfig';
  infra: { apiVersion: string; kind: string };
  uid: string;
  creationTimestamp: string;
}

/** A Machine as its owner (MachineSet or KubeadmControlPlane) creates it, before any status. */
export function newMachine(input: NewMachineInput): KubeObject {
  const bootstrapVersion =
    input.bootstrapKind === 'EKSConfig' ? 'v1beta2' : input.version;
  return {
    apiVersion: `${CAPI_GROUP}/${input.version}`,
    kind: 'Machine',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: input.uid,
      generation: 1,
      creationTimestamp: input.creationTimestamp,
      labels: { ...input.labels, [CAPI_LABELS.clusterName]: input.clusterName },
      finalizers: [MACHINE_FINALIZER],
      ownerReferences: [
        { ...input.owner, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: {
      clusterName: input.clusterName,
      bootstrap: {
        configRef: writeRef(input.version, {
          apiVersion: `${BOOTSTRAP_GROUP}/${bootstrapVersion}`,
          kind: input.bootstrapKind,
          name: input.name,
        }),
        dataSecretName: input.name,
      },
      infrastructureRef: writeRef(input.version, {
        ...input.infra,
        name: input.name,
      }),
      version: input.kubernetesVersion,
      failureDomain: input.zone,
    },
  };
}

/** The provider's machine (AWSMachine, …), cloned from the template spec like CAPI does. */
export function newInfraMachine(
  machine: KubeObject,
  provider: Provider,
  templateSpec: Record<string, unknown>,
  uid: string,
): KubeObject {
  const meta = machine.metadata!;
  return {
    apiVersion: provider.infraApiVersion,
    kind: provider.machineKind,
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid,
      generation: 1,
      creationTimestamp: meta.creationTimestamp,
      labels: { ...meta.labels },
      ownerReferences: [
        {
          apiVersion: machine.apiVersion!,
          kind: 'Machine',
          name: meta.name!,
          uid: meta.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: JSON.parse(JSON.stringify(templateSpec)),
  };
}

/** Per phase: the node's state, the Ready reason and the infrastructure's state. */
const PHASE_FACTS: Record<
  MachinePhase,
  {
    node?: string;
    ready: string;
    infra: { ready: boolean; reason: string; message: string };
  }
> = {
  Provisioning: {
    node: 'Waiting for a Node with spec.providerID to exist',
    ready: 'NotReady',
    infra: { ready: false, reason: 'NotReady', message: 'Instance is pending' },
  },
  Running: {
    ready: 'Ready',
    infra: { ready: true, reason: 'Ready', message: '' },
  },
  Deleting: {
    ready: 'Deleting',
    infra: { ready: true, reason: 'Ready', message: '' },
  },
  Failed: {
    node: 'Node is unreachable: kubelet stopped posting node status',
    ready: 'NotReady',
    infra: {
      ready: false,
      reason: 'InstanceTerminated',
      message: 'Instance was terminated unexpectedly',
    },
  },
};

function machineConditions(
  phase: MachinePhase,
  controlPlane: boolean,
): ConditionInput[] {
  const running = phase === 'Running';
  const deleting = phase === 'Deleting';
  const facts = PHASE_FACTS[phase];
  const nodeMessage = facts.node;
  return [
    {
      type: 'Available',
      status: running,
      reason: running ? 'Available' : 'NotAvailable',
      message: running
        ? ''
        : `* Ready: ${deleting ? 'Machine deletion in progress' : 'NotReady'}`,
    },
    {
      type: 'Ready',
      status: running,
      reason: facts.ready,
      message: nodeMessage,
    },
    { type: 'UpToDate', status: true, reason: 'UpToDate' },
    { type: 'BootstrapConfigReady', status: true, reason: 'Ready' },
    {
      type: 'InfrastructureReady',
      status: facts.infra.ready,
      reason: facts.infra.reason,
      message: facts.infra.message,
      severity: phase === 'Failed' ? 'Error' : 'Info',
    },
    {
      type: 'NodeReady',
      status: running,
      reason: running ? 'NodeReady' : 'NodeNotReady',
      message: nodeMessage,
    },
    {
      type: 'NodeHealthy',
      status: running,
      reason: running ? 'NodeHealthy' : 'NodeNotHealthy',
      message: running && controlPlane ? '' : nodeMessage,
    },
    {
      type: 'Deleting',
      status: deleting,
      reason: deleting ? 'DrainingNode' : 'NotDeleting',
    },
  ];
}

/** Status of a Machine in the given phase; conditions keep their transition times. */
export function machineStatus(
  machine: KubeObject,
  phase: MachinePhase,
  ctx: MachineContext,
  now: string,
): Record<string, unknown> {
  const version: CapiVersion = machine.apiVersion?.endsWith('/v1beta1')
    ? 'v1beta1'
    : 'v1beta2';
  const controlPlane =
    machine.metadata?.labels?.[CAPI_LABELS.controlPlane] !== undefined;
  const previous = machine.status;
  const id = machineIdentity(machine, ctx);
  const hasNode = phase !== 'Provisioning';
  const kubeletVersion = machine.spec?.version ?? 'v1.33.1';
  const status: Record<string, unknown> = { phase };
  if (hasNode) {
    status.addresses = [
      { type: 'InternalIP', address: id.ip },
      { type: 'InternalDNS', address: id.nodeName },
    ];
    status.nodeInfo = {
      architecture: 'amd64',
      bootID: id.providerID.slice(-12),
      containerRuntimeVersion: 'containerd://1.7.27',
      kernelVersion: '6.8.0-1029-generic',
      kubeProxyVersion: kubeletVersion,
      kubeletVersion,
      machineID: hash32(id.nodeName).toString(16).padStart(8, '0'),
      operatingSystem: 'linux',
      osImage: 'Ubuntu 22.04.5 LTS',
      systemUUID: hash32(id.providerID).toString(16).padStart(8, '0'),
    };
  }
  status.lastUpdated =
    previous?.phase === phase && previous.lastUpdated
      ? previous.lastUpdated
      : now;
  status.observedGeneration = machine.metadata?.generation ?? 1;
  const conditions = machineConditions(phase, controlPlane);
  if (version === 'v1beta2') {
    if (hasNode) status.nodeRef = { name: id.nodeName };
    status.initialization = {
      bootstrapDataSecretCreated: true,
      infrastructureProvisioned: hasNode && phase !== 'Failed',
    };
    status.conditions = v1beta2Conditions(
      conditions,
      previous?.conditions,
      now,
      status.observedGeneration as number,
    );
    if (phase === 'Failed') {
      status.deprecated = {
        v1beta1: {
          failureReason: 'UpdateError',
          failureMessage: 'Instance was terminated unexpectedly',
        },
      };
    }
  } else {
    if (hasNode)
      status.nodeRef = { apiVersion: 'v1', kind: 'Node', name: id.nodeName };
    status.bootstrapReady = true;
    status.infrastructureReady = hasNode && phase !== 'Failed';
    const v1beta1Types = [
      'Ready',
      'BootstrapConfigReady',
      'InfrastructureReady',
      'NodeHealthy',
    ];
    status.conditions = v1beta1Conditions(
      conditions
        .filter(c => v1beta1Types.includes(c.type))
        .map(c =>
          c.type === 'BootstrapConfigReady'
            ? { ...c, type: 'BootstrapReady' }
            : c,
        ),
      previous?.conditions,
      now,
    );
    if (phase === 'Failed') {
      status.failureReason = 'UpdateError';
      status.failureMessage = 'Instance was terminated unexpectedly';
    }
  }
  return status;
}

/** Sets `spec.providerID` (once provisioned) and the status for the phase. */
export function applyMachinePhase(
  machine: KubeObject,
  phase: MachinePhase,
  ctx: MachineContext,
  now: string,
): void {
  if (phase !== 'Provisioning')
    machine.spec.providerID = machineIdentity(machine, ctx).providerID;
  machine.status = machineStatus(machine, phase, ctx, now);
}

/** The infrastructure machine's spec.providerID and provider-specific status for the phase. */
export function applyInfraMachinePhase(
  infraMachine: KubeObject,
  machine: KubeObject,
  phase: MachinePhase,
  ctx: MachineContext,
): void {
  const id = machineIdentity(machine, ctx);
  const ready = phase === 'Running' || phase === 'Deleting';
  const state = {
    aws: {
      field: 'instanceState',
      values: {
        Provisioning: 'pending',
        Running: 'running',
        Deleting: 'shutting-down',
        Failed: 'terminated',
      },
    },
    azure: {
      field: 'vmState',
      values: {
        Provisioning: 'Creating',
        Running: 'Succeeded',
        Deleting: 'Deleting',
        Failed: 'Failed',
      },
    },
    gcp: {
      field: 'instanceState',
      values: {
        Provisioning: 'PROVISIONING',
        Running: 'RUNNING',
        Deleting: 'STOPPING',
        Failed: 'TERMINATED',
      },
    },
  }[ctx.provider.cloud];
  if (phase !== 'Provisioning') infraMachine.spec.providerID = id.providerID;
  if (ctx.provider.cloud === 'aws' && phase !== 'Provisioning') {
    infraMachine.spec.instanceID = id.providerID.split('/').pop();
  }
  infraMachine.status = {
    ready,
    [state.field]: state.values[phase],
    ...(phase !== 'Provisioning'
      ? {
          addresses: [
            { type: 'InternalIP', address: id.ip },
            { type: 'InternalDNS', address: id.nodeName },
          ],
        }
      : {}),
    ...(phase === 'Failed'
      ? {
          failureReason: 'UpdateError',
          failureMessage: 'Instance was terminated unexpectedly',
        }
      : {}),
  };
}
