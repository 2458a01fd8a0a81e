import {
  CAPI_LABELS,
  MULTICLOUD_LABELS,
  type KnownCloud,
} from '@internal/plugin-multicloud-common';
import type { KubeObject, ObjectMeta, OwnerReference } from '../api/types';
import { refreshStatuses, type ClusterView } from '../capi/clusterView';
import {
  applyInfraMachinePhase,
  applyMachinePhase,
  newInfraMachine,
  newMachine,
  type MachineContext,
  type MachinePhase,
} from '../capi/machines';
import { infraStatus, PROVIDERS, type Provider } from '../capi/providers';
import {
  BOOTSTRAP_GROUP,
  CAPI_GROUP,
  CONTROLPLANE_GROUP,
  writeRef,
  type CapiVersion,
} from '../capi/refs';
import { buildKubeconfig } from '../kubeconfig';
import {
  autoscalerAnnotations,
  type ClusterPlan,
  type WorkerPoolPlan,
} from './plan';
import { NAME_SUFFIX_ALPHABET, type Rng } from './prng';

export const CLUSTER_FINALIZER = 'cluster.cluster.x-k8s.io';
export const TOPOLOGY_OWNED_LABEL = 'topology.cluster.x-k8s.io/owned';
export const TOPOLOGY_DEPLOYMENT_LABEL =
  'topology.cluster.x-k8s.io/deployment-name';

export interface ClusterBuildContext {
  rng: Rng;
  now: Date;
  /** Base URL of the simulator (`https://127.0.0.1:6443`). */
  serverUrl: string;
  caCert: string;
  /** The workload cluster's bearer token (goes into the kubeconfig Secret). */
  token: string;
  /** Cloud account (AWS account id, Azure subscription, GCP project) of the owner. */
  account: string;
  /** Identity the infrastructure references, if any (per namespace / cloud). */
  identity?: {
    apiVersion: string;
    kind: string;
    name: string;
    namespace?: string;
  };
  /** ClusterClass name for topology clusters. */
  clusterClass?: string;
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Hands out uids, timestamps and ownerReferences for one cluster's objects. */
class ObjectFactory {
  constructor(
    private readonly rng: Rng,
    readonly created: string,
    readonly namespace: string,
  ) {}

  suffix(length = 5): string {
    return this.rng.chars(length, NAME_SUFFIX_ALPHABET);
  }

  meta(
    name: string,
    labels?: Record<string, string>,
    extra: Partial<ObjectMeta> = {},
  ): ObjectMeta {
    return {
      name,
      namespace: this.namespace,
      uid: this.rng.uuid(),
      generation: 1,
      creationTimestamp: this.created,
      ...(labels && Object.keys(labels).length ? { labels } : {}),
      ...extra,
    };
  }

  uid(): string {
    return this.rng.uuid();
  }
}

export function ownerRef(obj: KubeObject): OwnerReference {
  return {
    apiVersion: obj.apiVersion!,
    kind: obj.kind!,
    name: obj.metadata!.name!,
    uid: obj.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function endpointHost(plan: ClusterPlan, rng: Rng): string {
  switch (plan.cloud) {
    case 'aws':
      return plan.controlPlane === 'managed'
        ? `${rng.chars(32).toUpperCase()}.gr7.${plan.region}.eks.amazonaws.com`
        : `${plan.name}-apiserver-${rng.chars(10)}.elb.${
            plan.region
          }.amazonaws.com`;
    case 'azure':
      return plan.controlPlane === 'managed'
        ? `${plan.name}-${rng.chars(8)}.hcp.${plan.region}.azmk8s.io`
        : `${plan.name}-${rng.chars(6)}.${plan.region}.cloudapp.azure.com`;
    default:
      return `${rng.int(34, 35)}.${rng.int(0, 255)}.${rng.int(
        0,
        255,
      )}.${rng.int(1, 254)}`;
  }
}

function machineTemplateSpec(
  cloud: KnownCloud,
  instanceType: string,
  controlPlane: boolean,
): Record<string, unknown> {
  switch (cloud) {
    case 'aws':
      return {
        instanceType,
        iamInstanceProfile: controlPlane
          ? 'control-plane.cluster-api-provider-aws.sigs.k8s.io'
          : 'nodes.cluster-api-provider-aws.sigs.k8s.io',
        sshKeyName: 'default',
        rootVolume: {
          size: controlPlane ? 80 : 120,
          type: 'gp3',
          encrypted: true,
        },
      };
    case 'azure':
      return {
        vmSize: instanceType,
        osDisk: {
          osType: 'Linux',
          diskSizeGB: controlPlane ? 128 : 256,
          managedDisk: { storageAccountType: 'Premium_LRS' },
        },
        sshPublicKey: '',
      };
    default:
      return {
        instanceType,
        image:
          'projects/k8s-images/global/images/cluster-api-ubuntu-2204-v1-33-1',
        rootDeviceSize: controlPlane ? 80 : 120,
      };
  }
}

function machineTemplate(
  f: ObjectFactory,
  provider: Provider,
  name: string,
  spec: Record<string, unknown>,
  labels: Record<string, string>,
): KubeObject {
  return {
    apiVersion: provider.infraApiVersion,
    kind: provider.machineTemplateKind,
    metadata: f.meta(name, labels),
    spec: { template: { spec } },
  };
}

function bootstrapTemplate(
  f: ObjectFactory,
  plan: ClusterPlan,
  name: string,
  labels: Record<string, string>,
): KubeObject {
  if (plan.cloud === 'aws' && plan.controlPlane === 'managed') {
    return {
      apiVersion: `${BOOTSTRAP_GROUP}/v1beta2`,
      kind: 'EKSConfigTemplate',
      metadata: f.meta(name, labels),
      spec: { template: {} },
    };
  }
  const nodeName =
    plan.cloud === 'aws'
      ? '{{ ds.meta_data.local_hostname }}'
      : '{{ ds.meta_data["local_hostname"] }}';
  const kubeletExtraArgs =
    plan.capiVersion === 'v1beta2'
      ? [{ name: 'cloud-provider', value: 'external' }]
      : { 'cloud-provider': 'external' };
  return {
    apiVersion: `${BOOTSTRAP_GROUP}/${plan.capiVersion}`,
    kind: 'KubeadmConfigTemplate',
    metadata: f.meta(name, labels),
    spec: {
      template: {
        spec: {
          joinConfiguration: {
            nodeRegistration: { name: nodeName, kubeletExtraArgs },
          },
        },
      },
    },
  };
}

function infraClusterObject(
  f: ObjectFactory,
  plan: ClusterPlan,
  provider: Provider,
  ctx: ClusterBuildContext,
  name: string,
  host: string,
): KubeObject {
  const labels = { [CAPI_LABELS.clusterName]: plan.name };
  const managed = plan.controlPlane === 'managed';
  const kind = managed ? provider.managedClusterKind : provider.clusterKind;
  const spec: Record<string, unknown> = {};
  const endpoint = { host, port: managed ? 443 : 6443 };
  if (plan.cloud === 'aws') {
    if (!managed) {
      Object.assign(spec, {
        region: plan.region,
        sshKeyName: 'default',
        controlPlaneLoadBalancer: {
          loadBalancerType: 'nlb',
          healthCheckProtocol: 'HTTPS',
        },
        controlPlaneEndpoint: endpoint,
        ...(ctx.identity
          ? {
              identityRef: { kind: ctx.identity.kind, name: ctx.identity.name },
            }
          : {}),
      });
    }
  } else if (plan.cloud === 'azure') {
    spec.controlPlaneEndpoint = endpoint;
    if (!managed) {
      Object.assign(spec, {
        location: plan.region,
        resourceGroup: plan.name,
        subscriptionID: ctx.account,
        networkSpec: { vnet: { name: `${plan.name}-vnet` } },
        ...(ctx.identity
          ? {
              identityRef: {
                apiVersion: ctx.identity.apiVersion,
                kind: ctx.identity.kind,
                name: ctx.identity.name,
                namespace: ctx.identity.namespace,
              },
            }
          : {}),
      });
    }
  } else {
    Object.assign(spec, {
      project: ctx.account,
      region: plan.region,
      network: { name: `${plan.name}-net` },
      controlPlaneEndpoint: endpoint,
    });
  }
  return {
    apiVersion: provider.infraApiVersion,
    kind,
    metadata: f.meta(name, labels),
    spec,
  };
}

function managedControlPlane(
  f: ObjectFactory,
  plan: ClusterPlan,
  provider: Provider,
  ctx: ClusterBuildContext,
  host: string,
): KubeObject {
  const name = `${plan.name}-control-plane`;
  const labels = { [CAPI_LABELS.clusterName]: plan.name };
  const minor = plan.kubernetesVersion.split('.').slice(0, 2).join('.');
  let spec: Record<string, unknown>;
  if (plan.cloud === 'aws') {
    spec = {
      region: plan.region,
      version: minor,
      eksClusterName: `${plan.namespace}_${plan.name}`.slice(0, 100),
      controlPlaneEndpoint: { host, port: 443 },
      ...(ctx.identity
        ? { identityRef: { kind: ctx.identity.kind, name: ctx.identity.name } }
        : {}),
    };
  } else if (plan.cloud === 'azure') {
    spec = {
      location: plan.region,
      resourceGroupName: plan.name,
      subscriptionID: ctx.account,
      version: plan.kubernetesVersion,
      sku: { tier: plan.environment === 'production' ? 'Standard' : 'Free' },
      controlPlaneEndpoint: { host, port: 443 },
      identityRef: ctx.identity
        ? {
            apiVersion: ctx.identity.apiVersion,
            kind: ctx.identity.kind,
            name: ctx.identity.name,
            namespace: ctx.identity.namespace,
          }
        : { kind: 'AzureClusterIdentity', name: 'default' },
    };
  } else {
    spec = {
      project: ctx.account,
      location: plan.region,
      clusterName: plan.name,
      releaseChannel: plan.environment === 'production' ? 'stable' : 'regular',
      controlPlaneVersion: plan.kubernetesVersion,
      endpoint: { host, port: 443 },
    };
  }
  return {
    ...provider.managedControlPlane,
    metadata: f.meta(name, labels),
    spec,
  };
}

function kubeadmControlPlane(
  f: ObjectFactory,
  plan: ClusterPlan,
  provider: Provider,
  name: string,
  template: KubeObject,
): KubeObject {
  const v = plan.capiVersion;
  const infraRef = writeRef(v, {
    apiVersion: provider.infraApiVersion,
    kind: provider.machineTemplateKind,
    name: template.metadata!.name!,
  });
  const extraArgs =
    v === 'v1beta2'
      ? [{ name: 'cloud-provider', value: 'external' }]
      : { 'cloud-provider': 'external' };
  const labels: Record<string, string> = {
    [CAPI_LABELS.clusterName]: plan.name,
  };
  if (plan.topology) labels[TOPOLOGY_OWNED_LABEL] = '';
  return {
    apiVersion: `${CONTROLPLANE_GROUP}/${v}`,
    kind: 'KubeadmControlPlane',
    metadata: f.meta(name, labels),
    spec: {
      replicas: plan.controlPlaneReplicas,
      version: plan.kubernetesVersion,
      machineTemplate:
        v === 'v1beta2'
          ? { spec: { infrastructureRef: infraRef } }
          : { infrastructureRef: infraRef },
      kubeadmConfigSpec: {
        clusterConfiguration: { controllerManager: { extraArgs } },
        initConfiguration: {
          nodeRegistration: { kubeletExtraArgs: extraArgs },
        },
        joinConfiguration: {
          nodeRegistration: { kubeletExtraArgs: extraArgs },
        },
      },
      ...(v === 'v1beta1'
        ? {
            rolloutStrategy: {
              type: 'RollingUpdate',
              rollingUpdate: { maxSurge: 1 },
            },
          }
        : {}),
    },
  };
}

/** Phases of a pool's machines for the plan's health. */
function phases(
  plan: ClusterPlan,
  count: number,
  failed: number,
): MachinePhase[] {
  if (plan.health === 'failed') return Array(count).fill('Failed');
  return Array.from({ length: count }, (_, i) =>
    i < failed ? 'Failed' : 'Running',
  );
}

interface MachineOwner {
  owner: KubeObject;
  labels: Record<string, string>;
  templateSpec: Record<string, unknown>;
  bootstrapKind: 'KubeadmConfig' | 'EKSConfig';
  namePrefix: string;
}

/** When generated objects last changed: long settled, or at a recent incident. */
interface Times {
  settled: string;
  incident: string;
}

function addMachines(
  f: ObjectFactory,
  plan: ClusterPlan,
  provider: Provider,
  view: ClusterView,
  infraMachines: KubeObject[],
  mctx: MachineContext,
  owner: MachineOwner,
  machinePhases: MachinePhase[],
  times: Times,
): void {
  const zones = provider.zones(plan.region);
  machinePhases.forEach((phase, i) => {
    const machine = newMachine({
      version: plan.capiVersion,
      namespace: plan.namespace,
      name: `${owner.namePrefix}-${f.suffix()}`,
      clusterName: plan.name,
      kubernetesVersion: plan.kubernetesVersion,
      zone: zones[i % zones.length],
      labels: owner.labels,
      owner: ownerRef(owner.owner),
      bootstrapKind: owner.bootstrapKind,
      infra: {
        apiVersion: provider.infraApiVersion,
        kind: provider.machineKind,
      },
      uid: f.uid(),
      creationTimestamp: f.created,
    });
    applyMachinePhase(
      machine,
      phase,
      mctx,
      phase === 'Failed' ? times.incident : times.settled,
    );
    const infra = newInfraMachine(
      machine,
      provider,
      owner.templateSpec,
      f.uid(),
    );
    applyInfraMachinePhase(infra, machine, phase, mctx);
    view.machines.push(machine);
    infraMachines.push(infra);
  });
}

function workerObjects(
  f: ObjectFactory,
  plan: ClusterPlan,
  provider: Provider,
  pool: WorkerPoolPlan,
  view: ClusterView,
  objects: KubeObject[],
  infraMachines: KubeObject[],
  mctx: MachineContext,
  times: Times,
): void {
  const v = plan.capiVersion;
  const mdName = plan.topology
    ? `${plan.name}-${pool.name}-${f.suffix()}`
    : `${plan.name}-${pool.name}`;
  const labels: Record<string, string> = {
    [CAPI_LABELS.clusterName]: plan.name,
  };
  const templateLabels = plan.topology
    ? { ...labels, [TOPOLOGY_OWNED_LABEL]: '' }
    : labels;
  if (plan.controlPlane === 'managed' && provider.managedPoolKind) {
    const infraPool = {
      apiVersion: provider.infraApiVersion,
      kind: provider.managedPoolKind,
      metadata: f.meta(mdName, labels),
      spec:
        plan.cloud === 'azure'
          ? {
              mode: pool.name === 'md-0' ? 'System' : 'User',
              sku: pool.instanceType,
              name: pool.name.replace('-', ''),
              osDiskSizeGB: 128,
              ...(pool.autoscaler
                ? {
                    scaling: {
                      minSize: pool.autoscaler.min,
                      maxSize: pool.autoscaler.max,
                    },
                  }
                : {}),
            }
          : {
              nodePoolName: pool.name,
              machineType: pool.instanceType,
              ...(pool.autoscaler
                ? {
                    scaling: {
                      minCount: pool.autoscaler.min,
                      maxCount: pool.autoscaler.max,
                    },
                  }
                : {}),
            },
      status: {
        ready: plan.health !== 'provisioning' && plan.health !== 'failed',
        replicas: pool.replicas,
      },
    };
    const mp: KubeObject = {
      apiVersion: `${CAPI_GROUP}/${v}`,
      kind: 'MachinePool',
      metadata: f.meta(
        mdName,
        { ...labels, [CAPI_LABELS.machinePoolName]: mdName },
        { annotations: autoscalerAnnotations(pool) },
      ),
      spec: {
        clusterName: plan.name,
        replicas: pool.replicas,
        template: {
          spec: {
            clusterName: plan.name,
            version: plan.kubernetesVersion,
            bootstrap: { dataSecretName: '' },
            infrastructureRef: writeRef(v, {
              apiVersion: provider.infraApiVersion,
              kind: provider.managedPoolKind,
              name: mdName,
            }),
          },
        },
      },
    };
    objects.push(infraPool);
    view.infraPools.push(infraPool);
    view.machinePools.push(mp);
    return;
  }
  const spec = machineTemplateSpec(plan.cloud, pool.instanceType, false);
  const template = machineTemplate(
    f,
    provider,
    plan.topology ? `${mdName}-infra` : mdName,
    spec,
    templateLabels,
  );
  const bootstrap = bootstrapTemplate(
    f,
    plan,
    plan.topology ? `${mdName}-bootstrap` : mdName,
    templateLabels,
  );
  objects.push(template, bootstrap);
  const selectorLabels = { ...labels, [CAPI_LABELS.deploymentName]: mdName };
  const mdLabels = plan.topology
    ? {
        ...labels,
        [TOPOLOGY_OWNED_LABEL]: '',
        [TOPOLOGY_DEPLOYMENT_LABEL]: pool.name,
      }
    : labels;
  const md: KubeObject = {
    apiVersion: `${CAPI_GROUP}/${v}`,
    kind: 'MachineDeployment',
    metadata: f.meta(
      mdName,
      mdLabels,
      Object.keys(autoscalerAnnotations(pool)).length
        ? { annotations: autoscalerAnnotations(pool) }
        : {},
    ),
    spec: {
      clusterName: plan.name,
      replicas: pool.replicas,
      selector: { matchLabels: selectorLabels },
      template: {
        metadata: { labels: selectorLabels },
        spec: {
          clusterName: plan.name,
          version: plan.kubernetesVersion,
          bootstrap: {
            configRef: writeRef(v, {
              apiVersion: bootstrap.apiVersion!,
              kind: bootstrap.kind!,
              name: bootstrap.metadata!.name!,
            }),
          },
          infrastructureRef: writeRef(v, {
            apiVersion: template.apiVersion!,
            kind: template.kind!,
            name: template.metadata!.name!,
          }),
        },
      },
    },
  };
  const hash = f.suffix(10);
  const msLabels = { ...selectorLabels, 'machine-template-hash': hash };
  const ms: KubeObject = {
    apiVersion: md.apiVersion,
    kind: 'MachineSet',
    metadata: f.meta(`${mdName}-${f.suffix()}`, msLabels, {
      ownerReferences: [ownerRef(md)],
    }),
    spec: {
      clusterName: plan.name,
      replicas: pool.replicas,
      selector: { matchLabels: msLabels },
      template: {
        metadata: { labels: msLabels },
        spec: JSON.parse(JSON.stringify(md.spec.template.spec)),
      },
    },
  };
  view.machineDeployments.push(md);
  view.machineSets.push(ms);
  if (plan.health !== 'provisioning') {
    addMachines(
      f,
      plan,
      provider,
      view,
      infraMachines,
      mctx,
      {
        owner: ms,
        labels: {
          ...msLabels,
          [CAPI_LABELS.deploymentName]: mdName,
          'cluster.x-k8s.io/set-name': ms.metadata!.name!,
        },
        templateSpec: spec,
        bootstrapKind:
          plan.controlPlane === 'managed' ? 'EKSConfig' : 'KubeadmConfig',
        namePrefix: ms.metadata!.name!,
      },
      phases(plan, pool.replicas, pool.failedMachines),
      times,
    );
  }
}

function machineHealthCheck(f: ObjectFactory, plan: ClusterPlan): KubeObject {
  const v = plan.capiVersion;
  const selector = { matchLabels: { [CAPI_LABELS.clusterName]: plan.name } };
  return {
    apiVersion: `${CAPI_GROUP}/${v}`,
    kind: 'MachineHealthCheck',
    metadata: f.meta(`${plan.name}-workers-unhealthy`, {
      [CAPI_LABELS.clusterName]: plan.name,
    }),
    spec:
      v === 'v1beta2'
        ? {
            clusterName: plan.name,
            selector,
            checks: {
              nodeStartupTimeoutSeconds: 600,
              unhealthyNodeConditions: [
                { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
                { type: 'Ready', status: 'False', timeoutSeconds: 300 },
              ],
            },
            remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
          }
        : {
            clusterName: plan.name,
            selector,
            maxUnhealthy: '40%',
            nodeStartupTimeout: '10m',
            unhealthyConditions: [
              { type: 'Ready', status: 'Unknown', timeout: '300s' },
              { type: 'Ready', status: 'False', timeout: '300s' },
            ],
          },
  };
}

/** The `<cluster>-kubeconfig` Secret CAPI writes, pointing at the simulated workload API. */
export function kubeconfigSecret(
  cluster: KubeObject,
  input: {
    serverUrl: string;
    caCert: string;
    token: string;
    uid: string;
    creationTimestamp: string;
  },
): KubeObject {
  const { name, namespace } = cluster.metadata as {
    name: string;
    namespace: string;
  };
  const kubeconfig = buildKubeconfig({
    name,
    server: `${input.serverUrl}/workload/${namespace}/${name}`,
    caCert: input.caCert,
    token: input.token,
  });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `${name}-kubeconfig`,
      namespace,
      uid: input.uid,
      creationTimestamp: input.creationTimestamp,
      labels: { [CAPI_LABELS.clusterName]: name },
      ownerReferences: [ownerRef(cluster)],
    },
    type: 'cluster.x-k8s.io/secret',
    data: { value: Buffer.from(kubeconfig).toString('base64') },
  };
}

/** Every management-cluster object of one planned cluster, statuses included. */
export function buildClusterObjects(
  plan: ClusterPlan,
  ctx: ClusterBuildContext,
): KubeObject[] {
  const { rng } = ctx;
  const provider = PROVIDERS[plan.cloud];
  const createdAt = new Date(
    ctx.now.getTime() - plan.ageDays * 86400_000 - rng.int(0, 86399) * 1000,
  );
  const created = isoSeconds(
    plan.health === 'provisioning'
      ? new Date(ctx.now.getTime() - rng.int(60, 600) * 1000)
      : createdAt,
  );
  const f = new ObjectFactory(rng, created, plan.namespace);
  const times: Times = {
    settled: isoSeconds(
      new Date(Date.parse(created) + rng.int(4, 12) * 60_000),
    ),
    incident: isoSeconds(
      new Date(
        ctx.now.getTime() -
          (plan.health === 'provisioning' ? 0 : rng.int(5, 240) * 60_000),
      ),
    ),
  };
  const managed = plan.controlPlane === 'managed';
  const host = endpointHost(plan, rng);
  const objects: KubeObject[] = [];
  const infraMachines: KubeObject[] = [];
  const provisioning = plan.health === 'provisioning';

  const infraCluster = infraClusterObject(
    f,
    plan,
    provider,
    ctx,
    plan.topology ? `${plan.name}-${f.suffix()}` : plan.name,
    host,
  );
  infraCluster.status = infraStatus(infraCluster.kind!, !provisioning);
  let controlPlane: KubeObject;
  let cpTemplate: KubeObject | undefined;
  if (managed) {
    controlPlane = managedControlPlane(f, plan, provider, ctx, host);
    controlPlane.status = infraStatus(
      controlPlane.kind!,
      !provisioning,
      plan.kubernetesVersion,
    );
  } else {
    const cpName = plan.topology
      ? `${plan.name}-${f.suffix()}`
      : `${plan.name}-control-plane`;
    const templateLabels: Record<string, string> = {
      [CAPI_LABELS.clusterName]: plan.name,
    };
    if (plan.topology) templateLabels[TOPOLOGY_OWNED_LABEL] = '';
    cpTemplate = machineTemplate(
      f,
      provider,
      plan.topology ? `${cpName}-infra` : `${plan.name}-control-plane`,
      machineTemplateSpec(plan.cloud, plan.controlPlaneInstanceType, true),
      templateLabels,
    );
    controlPlane = kubeadmControlPlane(f, plan, provider, cpName, cpTemplate);
  }

  const v: CapiVersion = plan.capiVersion;
  const cluster: KubeObject = {
    apiVersion: `${CAPI_GROUP}/${v}`,
    kind: 'Cluster',
    metadata: f.meta(
      plan.name,
      {
        [MULTICLOUD_LABELS.owner]: plan.owner,
        [MULTICLOUD_LABELS.system]: plan.system,
        [MULTICLOUD_LABELS.environment]: plan.environment,
        [MULTICLOUD_LABELS.dataClass]: plan.dataClass,
      },
      {
        finalizers: [CLUSTER_FINALIZER],
        ...(Object.keys(plan.annotations).length
          ? { annotations: plan.annotations }
          : {}),
      },
    ),
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.0.0/16'] },
        services: { cidrBlocks: ['10.128.0.0/12'] },
      },
      ...(provisioning
        ? {}
        : { controlPlaneEndpoint: { host, port: managed ? 443 : 6443 } }),
      controlPlaneRef: writeRef(v, {
        apiVersion: controlPlane.apiVersion!,
        kind: controlPlane.kind!,
        name: controlPlane.metadata!.name!,
      }),
      infrastructureRef: writeRef(v, {
        apiVersion: infraCluster.apiVersion!,
        kind: infraCluster.kind!,
        name: infraCluster.metadata!.name!,
      }),
      ...(plan.topology
        ? {
            topology: topologySpec(
              plan,
              ctx.clusterClass ?? `${plan.cloud}-kubeadm`,
            ),
          }
        : {}),
    },
  };
  for (const owned of [infraCluster, controlPlane])
    owned.metadata!.ownerReferences = [ownerRef(cluster)];

  const view: ClusterView = {
    cluster,
    infraCluster,
    controlPlane,
    machineDeployments: [],
    machineSets: [],
    machinePools: [],
    infraPools: [],
    machines: [],
  };
  const mctx: MachineContext = {
    provider,
    region: plan.region,
    account: ctx.account,
    clusterName: plan.name,
  };
  if (!managed && !provisioning) {
    const failed = plan.health === 'degraded-control-plane' ? 1 : 0;
    addMachines(
      f,
      plan,
      provider,
      view,
      infraMachines,
      mctx,
      {
        owner: controlPlane,
        labels: {
          [CAPI_LABELS.controlPlane]: '',
          'cluster.x-k8s.io/control-plane-name': controlPlane.metadata!.name!,
        },
        templateSpec: cpTemplate!.spec.template.spec,
        bootstrapKind: 'KubeadmConfig',
        namePrefix: controlPlane.metadata!.name!,
      },
      phases(plan, plan.controlPlaneReplicas, failed),
      times,
    );
  }
  for (const pool of plan.workers) {
    workerObjects(
      f,
      plan,
      provider,
      pool,
      view,
      objects,
      infraMachines,
      mctx,
      times,
    );
  }
  refreshStatuses(view, {
    failed: plan.health === 'failed',
    failureMessage:
      plan.health === 'failed'
        ? 'Failed to reconcile control plane: instances terminated'
        : undefined,
    now: plan.health === 'healthy' ? times.settled : times.incident,
  });
  objects.push(
    cluster,
    infraCluster,
    controlPlane,
    ...view.machineDeployments,
    ...view.machineSets,
    ...view.machinePools,
    ...view.machines,
    ...infraMachines,
  );
  if (cpTemplate) objects.push(cpTemplate);
  if (plan.machineHealthCheck) objects.push(machineHealthCheck(f, plan));
  if (!provisioning) {
    objects.push(
      kubeconfigSecret(cluster, {
        serverUrl: ctx.serverUrl,
        caCert: ctx.caCert,
        token: ctx.token,
        uid: f.uid(),
        creationTimestamp: created,
      }),
    );
  }
  return objects;
}

function topologySpec(plan: ClusterPlan, className: string) {
  const workers = {
    machineDeployments: plan.workers.map(pool => ({
      class: 'default-worker',
      name: pool.name,
      ...(pool.autoscaler
        ? { metadata: { annotations: autoscalerAnnotations(pool) } }
        : { replicas: pool.replicas }),
    })),
  };
  const controlPlane = { replicas: plan.controlPlaneReplicas };
  const variables = [{ name: 'region', value: plan.region }];
  return plan.capiVersion === 'v1beta2'
    ? {
        classRef: { name: className },
        version: plan.kubernetesVersion,
        controlPlane,
        workers,
        variables,
      }
    : {
        class: className,
        version: plan.kubernetesVersion,
        controlPlane,
        workers,
        variables,
      };
}
