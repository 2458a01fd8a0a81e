import type { Cloud } from '../../model/cloud';
import type { KubeObject } from '../../model/kube';
import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  CAPI_LABELS,
  MULTICLOUD_LABELS,
} from '../../model/labels';
import { TOPOLOGY_LABELS } from '../topology';
import { meta, owner, ref, FIXTURE_TIME } from './objects';
import { FIXTURE_PROVIDERS, type FixtureProvider } from './providers';
import {
  clusterStatus,
  kubeadmControlPlaneStatus,
  machineStatus,
  poolStatus,
  type ClusterState,
  type Counts,
  type StatusStyle,
} from './status';

export type FixtureHealth =
  | 'healthy'
  | 'degraded'
  | 'unhealthy'
  | 'failed'
  | 'provisioning'
  | 'deleting';

/**
 * Options of `makeCluster`. Everything has a default; `makeCluster()` is a healthy
 * v1beta2 AWS kubeadm cluster in us-east-1 with 3 control-plane and 3 worker machines.
 */
export interface ClusterFixtureOptions {
  name?: string;
  namespace?: string;
  cloud?: Cloud;
  /** Default per cloud: us-east-1, eastus, us-central1 (none for `other`). */
  region?: string;
  /** Core `cluster.x-k8s.io` API version of Cluster, KubeadmControlPlane, MachineDeployment, Machine... */
  version?: 'v1beta1' | 'v1beta2';
  /** v1beta1 only: also write the `status.v1beta2` block (CAPI 1.9/1.10). Default false: legacy status only. */
  v1beta2Status?: boolean;
  /** `managed`: EKS, AKS or GKE (AKS/GKE workers are MachinePools without Machine objects). `other` is always kubeadm. */
  controlPlane?: 'kubeadm' | 'managed';
  /** ClusterClass-based (kubeadm only): the Cluster has `spec.topology` and the ClusterClass with its templates is included. */
  topology?: boolean;
  /** With `topology`: include the objects the topology controller generates (default true). */
  topologyGenerated?: boolean;
  kubernetesVersion?: string;
  /** Kubeadm control-plane replicas (default 3). */
  cpReplicas?: number;
  /** Worker replicas (default 3). */
  workers?: number;
  /** Autoscaler bounds: annotations on the MachineDeployment, `spec.scaling` on managed pools. */
  min?: number;
  max?: number;
  instanceType?: string;
  controlPlaneInstanceType?: string;
  owner?: string;
  system?: string;
  environment?: string;
  dataClass?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /**
   * healthy; degraded (one of ≥2 workers not available, else one of ≥3 control-plane
   * machines); unhealthy (control plane below quorum, managed control plane not ready);
   * failed (phase Failed with a failure reason); provisioning (infrastructure not ready, no
   * machines yet); deleting (deletionTimestamp, phase Deleting).
   */
  health?: FixtureHealth;
  /** AKS `spec.sku.tier` (default Free, as the CRD). */
  aksTier?: 'Free' | 'Standard';
  /** Also build the infrastructure machines (AWSMachine, ...) referenced by each Machine. */
  infraMachines?: boolean;
  machineHealthCheck?: boolean;
}

type Resolved = Required<
  Omit<
    ClusterFixtureOptions,
    | 'region'
    | 'min'
    | 'max'
    | 'instanceType'
    | 'controlPlaneInstanceType'
    | 'owner'
    | 'system'
    | 'environment'
    | 'dataClass'
  >
> &
  Pick<
    ClusterFixtureOptions,
    'region' | 'min' | 'max' | 'instanceType' | 'controlPlaneInstanceType'
  > & {
    provider: FixtureProvider;
    style: StatusStyle;
    core: string;
    controlPlaneApi: string;
  };

const CORE_GROUP = 'cluster.x-k8s.io';
const KUBEADM_CP_GROUP = 'controlplane.cluster.x-k8s.io';

function resolve(options: ClusterFixtureOptions): Resolved {
  const cloud = options.cloud ?? 'aws';
  const provider = FIXTURE_PROVIDERS[cloud];
  const version = options.version ?? 'v1beta2';
  const managed = options.controlPlane === 'managed' && !!provider.managed;
  if (managed && options.topology) {
    throw new Error('makeCluster: topology fixtures are kubeadm-based');
  }
  const labels: Record<string, string> = { ...options.labels };
  for (const field of [
    'owner',
    'system',
    'environment',
    'dataClass',
  ] as const) {
    const value = options[field];
    if (value) labels[MULTICLOUD_LABELS[field]] = value;
  }
  return {
    name: options.name ?? `${cloud}-cluster`,
    namespace: options.namespace ?? 'default',
    cloud,
    region: options.region ?? provider.defaultRegion,
    version,
    v1beta2Status: options.v1beta2Status ?? false,
    controlPlane: managed ? 'managed' : 'kubeadm',
    topology: options.topology ?? false,
    topologyGenerated: options.topologyGenerated ?? true,
    kubernetesVersion: options.kubernetesVersion ?? 'v1.31.4',
    cpReplicas: managed ? 0 : options.cpReplicas ?? 3,
    workers: options.workers ?? 3,
    min: options.min,
    max: options.max,
    instanceType: options.instanceType ?? provider.defaultInstanceType,
    controlPlaneInstanceType:
      options.controlPlaneInstanceType ??
      provider.defaultControlPlaneInstanceType,
    labels,
    annotations: options.annotations ?? {},
    health: options.health ?? 'healthy',
    aksTier: options.aksTier ?? 'Free',
    infraMachines: options.infraMachines ?? false,
    machineHealthCheck: options.machineHealthCheck ?? false,
    provider,
    style: { version, withV1beta2: options.v1beta2Status ?? false },
    core: `${CORE_GROUP}/${version}`,
    controlPlaneApi: `${KUBEADM_CP_GROUP}/${version}`,
  };
}

/** The state each health option describes, whatever the API version. */
function stateOf(
  o: Resolved,
): ClusterState & { controlPlaneAvailableCount: number } {
  const provisioning = o.health === 'provisioning';
  const current = (n: number) => (provisioning ? 0 : n);
  let cpAvailable = current(o.cpReplicas);
  let workersAvailable = current(o.workers);
  if (o.health === 'degraded') {
    if (o.workers >= 2) workersAvailable = o.workers - 1;
    else if (o.cpReplicas >= 3) cpAvailable = o.cpReplicas - 1;
    else
      throw new Error(
        'makeCluster: degraded needs workers >= 2 or cpReplicas >= 3',
      );
  }
  if (o.health === 'unhealthy' || o.health === 'failed')
    cpAvailable = Math.floor(o.cpReplicas / 2);
  const managed = o.controlPlane === 'managed';
  const controlPlane: Counts | undefined = managed
    ? undefined
    : {
        desired: o.cpReplicas,
        current: current(o.cpReplicas),
        available: cpAvailable,
      };
  return {
    phase:
      { provisioning: 'Provisioning', failed: 'Failed', deleting: 'Deleting' }[
        o.health as string
      ] ?? 'Provisioned',
    infrastructureReady: !provisioning,
    controlPlaneInitialized: !provisioning,
    controlPlane,
    controlPlaneAvailable: managed
      ? !['unhealthy', 'failed', 'provisioning'].includes(o.health)
      : cpAvailable >= Math.floor(o.cpReplicas / 2) + 1,
    controlPlaneAvailableCount: cpAvailable,
    workers: {
      desired: o.workers,
      current: current(o.workers),
      available: workersAvailable,
    },
    failure:
      o.health === 'failed'
        ? {
            reason: 'InvalidConfiguration',
            message: 'the control plane endpoint could not be created',
          }
        : undefined,
    deleting: o.health === 'deleting',
    topology: o.topology,
  };
}

/** The objects of one cluster as a management cluster would list them (Cluster first). */
export function makeCluster(options: ClusterFixtureOptions = {}): KubeObject[] {
  const o = resolve(options);
  const state = stateOf(o);
  const generated = !o.topology || o.topologyGenerated;
  const objects: KubeObject[] = [clusterObject(o, state, generated)];
  if (generated) {
    objects.push(
      ...(o.controlPlane === 'managed'
        ? managedObjects(o, state)
        : kubeadmObjects(o, state)),
    );
  }
  if (o.topology) objects.push(...clusterClassObjects(o));
  if (o.machineHealthCheck) objects.push(machineHealthCheck(o));
  return objects;
}

function clusterLabel(o: Resolved, extra: Record<string, string> = {}) {
  return { [CAPI_LABELS.clusterName]: o.name, ...extra };
}

function autoscalerAnnotations(o: Resolved): Record<string, string> {
  return o.min !== undefined && o.max !== undefined
    ? {
        [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: String(o.min),
        [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: String(o.max),
      }
    : {};
}

function controlPlaneKind(o: Resolved) {
  return o.controlPlane === 'managed'
    ? {
        kind: o.provider.managed!.controlPlaneKind,
        apiVersion: o.provider.managed!.controlPlaneApiVersion,
      }
    : { kind: 'KubeadmControlPlane', apiVersion: o.controlPlaneApi };
}

function className(o: Resolved) {
  return `${o.cloud}-quick-start`;
}

function clusterObject(
  o: Resolved,
  state: ClusterState,
  generated: boolean,
): KubeObject {
  const infraKind =
    o.controlPlane === 'managed'
      ? o.provider.managed!.clusterKind
      : o.provider.clusterKind;
  const cp = controlPlaneKind(o);
  const refs = generated
    ? {
        infrastructureRef: ref(
          o.version,
          o.provider.infraApiVersion,
          infraKind,
          o.name,
          o.namespace,
        ),
        controlPlaneRef: ref(
          o.version,
          cp.apiVersion,
          cp.kind,
          `${o.name}-control-plane`,
          o.namespace,
        ),
      }
    : {};
  return {
    apiVersion: o.core,
    kind: 'Cluster',
    metadata: meta(o.name, o.namespace, {
      labels: o.labels,
      annotations: o.annotations,
      ...(state.deleting ? { deletionTimestamp: '2026-01-02T00:00:00Z' } : {}),
    }),
    spec: {
      clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
      ...refs,
      ...(o.topology ? { topology: topologySpec(o) } : {}),
    },
    status: clusterStatus(o.style, state),
  };
}

function topologySpec(o: Resolved) {
  const classRef =
    o.version === 'v1beta2'
      ? { classRef: { name: className(o) } }
      : { class: className(o) };
  const regionVariable =
    o.provider.regionField === 'location' ? 'location' : 'region';
  return {
    ...classRef,
    version: o.kubernetesVersion,
    controlPlane: { replicas: o.cpReplicas },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          name: 'md-0',
          replicas: o.workers,
          metadata: { annotations: autoscalerAnnotations(o) },
        },
      ],
    },
    variables: [
      ...(o.region ? [{ name: regionVariable, value: o.region }] : []),
      ...(o.controlPlaneInstanceType
        ? [
            {
              name: 'controlPlaneMachineType',
              value: o.controlPlaneInstanceType,
            },
          ]
        : []),
      ...(o.instanceType
        ? [{ name: 'workerMachineType', value: o.instanceType }]
        : []),
    ],
  };
}

function infraClusterObject(
  o: Resolved,
  kind: string,
  spec: Record<string, unknown>,
  ready: boolean,
): KubeObject {
  return {
    apiVersion: o.provider.infraApiVersion,
    kind,
    metadata: meta(o.name, o.namespace, {
      ownerReferences: [owner('Cluster', o.core, o.name)],
    }),
    spec,
    status: { ready },
  };
}

function regionSpec(o: Resolved): Record<string, unknown> {
  return o.provider.regionField && o.region
    ? { [o.provider.regionField]: o.region }
    : {};
}

function machineTemplate(
  o: Resolved,
  name: string,
  instanceType: string | undefined,
): KubeObject {
  const field = o.provider.instanceTypeField;
  return {
    apiVersion: o.provider.infraApiVersion,
    kind: o.provider.machineTemplateKind,
    metadata: meta(name, o.namespace),
    spec: {
      template: {
        spec: field && instanceType ? { [field]: instanceType } : {},
      },
    },
  };
}

function kubeadmObjects(
  o: Resolved,
  state: ReturnType<typeof stateOf>,
): KubeObject[] {
  const cpName = `${o.name}-control-plane`;
  const templateRef = ref(
    o.version,
    o.provider.infraApiVersion,
    o.provider.machineTemplateKind,
    cpName,
    o.namespace,
  );
  const cpCounts = state.controlPlane!;
  const kcp: KubeObject = {
    apiVersion: o.controlPlaneApi,
    kind: 'KubeadmControlPlane',
    metadata: meta(cpName, o.namespace, {
      labels: clusterLabel(o),
      ownerReferences: [owner('Cluster', o.core, o.name)],
    }),
    spec: {
      replicas: o.cpReplicas,
      version: o.kubernetesVersion,
      machineTemplate:
        o.version === 'v1beta2'
          ? { spec: { infrastructureRef: templateRef } }
          : { infrastructureRef: templateRef },
      kubeadmConfigSpec: {},
    },
    status: kubeadmControlPlaneStatus(
      o.style,
      cpCounts,
      state.controlPlaneInitialized,
      o.kubernetesVersion,
    ),
  };
  const machines = Array.from({ length: cpCounts.current }, (_, i) =>
    machineObjects(
      o,
      `${cpName}-${suffix(i)}`,
      i < cpCounts.available,
      o.controlPlaneInstanceType,
      {
        labels: clusterLabel(o, { [CAPI_LABELS.controlPlane]: '' }),
        ownerReferences: [
          owner('KubeadmControlPlane', o.controlPlaneApi, cpName),
        ],
      },
    ),
  ).flat();
  return [
    infraClusterObject(
      o,
      o.provider.clusterKind,
      regionSpec(o),
      state.infrastructureReady,
    ),
    machineTemplate(o, cpName, o.controlPlaneInstanceType),
    kcp,
    ...machines,
    ...deploymentObjects(o, state),
  ];
}

function deploymentObjects(o: Resolved, state: ClusterState): KubeObject[] {
  const mdName = `${o.name}-md-0`;
  const setName = `${mdName}-7d9f8`;
  const topologyLabels: Record<string, string> = o.topology
    ? {
        [TOPOLOGY_LABELS.deploymentName]: 'md-0',
        'topology.cluster.x-k8s.io/owned': '',
      }
    : {};
  const templateRef = ref(
    o.version,
    o.provider.infraApiVersion,
    o.provider.machineTemplateKind,
    mdName,
    o.namespace,
  );
  const template = (labels: Record<string, string>) => ({
    metadata: { labels },
    spec: {
      clusterName: o.name,
      version: o.kubernetesVersion,
      bootstrap: {
        configRef: ref(
          o.version,
          `bootstrap.cluster.x-k8s.io/${o.version}`,
          'KubeadmConfigTemplate',
          mdName,
          o.namespace,
        ),
      },
      infrastructureRef: templateRef,
    },
  });
  const md: KubeObject = {
    apiVersion: o.core,
    kind: 'MachineDeployment',
    metadata: meta(mdName, o.namespace, {
      labels: clusterLabel(o, topologyLabels),
      annotations: autoscalerAnnotations(o),
    }),
    spec: {
      clusterName: o.name,
      replicas: o.workers,
      selector: { matchLabels: { [CAPI_LABELS.deploymentName]: mdName } },
      template: template({ [CAPI_LABELS.deploymentName]: mdName }),
    },
    status: poolStatus(o.style, `MachineDeployment ${mdName}`, state.workers),
  };
  const set: KubeObject = {
    apiVersion: o.core,
    kind: 'MachineSet',
    metadata: meta(setName, o.namespace, {
      labels: clusterLabel(o, { [CAPI_LABELS.deploymentName]: mdName }),
      ownerReferences: [owner('MachineDeployment', o.core, mdName)],
    }),
    spec: {
      clusterName: o.name,
      replicas: o.workers,
      template: template({ [CAPI_LABELS.deploymentName]: mdName }),
    },
    status: poolStatus(o.style, `MachineSet ${setName}`, state.workers),
  };
  const machines = Array.from({ length: state.workers.current }, (_, i) =>
    machineObjects(
      o,
      `${setName}-${suffix(i)}`,
      i < state.workers.available,
      o.instanceType,
      {
        labels: clusterLabel(o, {
          [CAPI_LABELS.deploymentName]: mdName,
          'cluster.x-k8s.io/set-name': setName,
        }),
        ownerReferences: [owner('MachineSet', o.core, setName)],
      },
    ),
  ).flat();
  return [machineTemplate(o, mdName, o.instanceType), md, set, ...machines];
}

function machineObjects(
  o: Resolved,
  name: string,
  available: boolean,
  instanceType: string | undefined,
  metadata: Partial<NonNullable<KubeObject['metadata']>>,
): KubeObject[] {
  const machine: KubeObject = {
    apiVersion: o.core,
    kind: 'Machine',
    metadata: meta(name, o.namespace, metadata),
    spec: {
      clusterName: o.name,
      version: o.kubernetesVersion,
      bootstrap: { dataSecretName: `${name}-bootstrap` },
      infrastructureRef: ref(
        o.version,
        o.provider.infraApiVersion,
        o.provider.machineKind,
        name,
        o.namespace,
      ),
    },
    status: machineStatus(o.style, name, available),
  };
  if (!o.infraMachines) return [machine];
  const field = o.provider.instanceTypeField;
  return [
    machine,
    {
      apiVersion: o.provider.infraApiVersion,
      kind: o.provider.machineKind,
      metadata: meta(name, o.namespace, { labels: clusterLabel(o) }),
      spec: field && instanceType ? { [field]: instanceType } : {},
      status: { ready: available },
    },
  ];
}

function managedObjects(
  o: Resolved,
  state: ReturnType<typeof stateOf>,
): KubeObject[] {
  const managed = o.provider.managed!;
  const cpName = `${o.name}-control-plane`;
  const ready = state.controlPlaneAvailable;
  const cpSpecs: Partial<Record<Cloud, Record<string, unknown>>> = {
    aws: { region: o.region, version: o.kubernetesVersion },
    azure: {
      location: o.region,
      version: o.kubernetesVersion,
      sku: { tier: o.aksTier },
      resourceGroupName: o.name,
    },
    gcp: {
      location: o.region,
      version: o.kubernetesVersion,
      project: 'fixture-project',
    },
  };
  const cpSpec = cpSpecs[o.cloud] ?? {};
  const controlPlane: KubeObject = {
    apiVersion: managed.controlPlaneApiVersion,
    kind: managed.controlPlaneKind,
    metadata: meta(cpName, o.namespace, {
      ownerReferences: [owner('Cluster', o.core, o.name)],
    }),
    spec: cpSpec,
    status: {
      ready,
      initialized: state.controlPlaneInitialized,
      version: o.kubernetesVersion,
      conditions: [
        ready
          ? { type: 'Ready', status: 'True', lastTransitionTime: FIXTURE_TIME }
          : {
              type: 'Ready',
              status: 'False',
              severity: 'Error',
              reason: 'ControlPlaneNotReady',
              lastTransitionTime: FIXTURE_TIME,
            },
      ],
    },
  };
  const infraSpec =
    o.cloud === 'gcp' ? { region: o.region, project: 'fixture-project' } : {};
  const workers = managed.pool
    ? poolObjects(o, state, managed.pool)
    : deploymentObjects(o, state);
  return [
    infraClusterObject(
      o,
      managed.clusterKind,
      infraSpec,
      state.infrastructureReady,
    ),
    controlPlane,
    ...workers,
  ];
}

/** AKS/GKE node pool: a MachinePool and its infrastructure pool; no Machine objects. */
function poolObjects(
  o: Resolved,
  state: ClusterState,
  pool: NonNullable<NonNullable<FixtureProvider['managed']>['pool']>,
): KubeObject[] {
  const name = `${o.name}-pool0`;
  const machinePool: KubeObject = {
    apiVersion: o.core,
    kind: 'MachinePool',
    metadata: meta(name, o.namespace, { labels: clusterLabel(o) }),
    spec: {
      clusterName: o.name,
      replicas: o.workers,
      template: {
        spec: {
          clusterName: o.name,
          version: o.kubernetesVersion,
          bootstrap: { dataSecretName: '' },
          infrastructureRef: ref(
            o.version,
            o.provider.infraApiVersion,
            pool.kind,
            name,
            o.namespace,
          ),
        },
      },
    },
    status: poolStatus(o.style, `MachinePool ${name}`, state.workers),
  };
  const scaling =
    o.min !== undefined && o.max !== undefined
      ? { scaling: { [pool.scaling.min]: o.min, [pool.scaling.max]: o.max } }
      : {};
  const infraPool: KubeObject = {
    apiVersion: o.provider.infraApiVersion,
    kind: pool.kind,
    metadata: meta(name, o.namespace, { labels: clusterLabel(o) }),
    spec: {
      mode: 'System',
      [pool.instanceTypeField]: o.instanceType,
      ...scaling,
    },
    status: {
      ready: state.workers.available > 0,
      replicas: state.workers.current,
    },
  };
  return [machinePool, infraPool];
}

function clusterClassObjects(o: Resolved): KubeObject[] {
  const name = className(o);
  const infra = o.provider.infraApiVersion;
  const field = o.provider.instanceTypeField;
  const v2 = o.version === 'v1beta2';
  const at = (apiVersion: string, kind: string, refName: string) =>
    v2
      ? { templateRef: { apiVersion, kind, name: refName } }
      : { ref: { apiVersion, kind, name: refName, namespace: o.namespace } };
  const worker = {
    class: 'default-worker',
    ...(v2
      ? {
          infrastructure: at(
            infra,
            o.provider.machineTemplateKind,
            `${name}-worker`,
          ),
        }
      : {
          template: {
            infrastructure: at(
              infra,
              o.provider.machineTemplateKind,
              `${name}-worker`,
            ),
          },
        }),
  };
  const classTemplate = (
    kind: string,
    templateName: string,
    spec: Record<string, unknown>,
  ): KubeObject => ({
    apiVersion: infra,
    kind,
    metadata: meta(templateName, o.namespace),
    spec: { template: { spec } },
  });
  return [
    {
      apiVersion: o.core,
      kind: 'ClusterClass',
      metadata: meta(name, o.namespace),
      spec: {
        infrastructure: at(infra, `${o.provider.clusterKind}Template`, name),
        controlPlane: {
          ...at(
            o.controlPlaneApi,
            'KubeadmControlPlaneTemplate',
            `${name}-control-plane`,
          ),
          machineInfrastructure: at(
            infra,
            o.provider.machineTemplateKind,
            `${name}-control-plane`,
          ),
        },
        workers: { machineDeployments: [worker] },
        variables: [
          {
            name: 'region',
            required: true,
            schema: { openAPIV3Schema: { type: 'string' } },
          },
        ],
      },
    },
    classTemplate(
      `${o.provider.clusterKind}Template`,
      name,
      o.provider.regionField && o.provider.defaultRegion
        ? { [o.provider.regionField]: o.provider.defaultRegion }
        : {},
    ),
    classTemplate(
      o.provider.machineTemplateKind,
      `${name}-control-plane`,
      field && o.provider.defaultControlPlaneInstanceType
        ? { [field]: o.provider.defaultControlPlaneInstanceType }
        : {},
    ),
    classTemplate(
      o.provider.machineTemplateKind,
      `${name}-worker`,
      field && o.provider.defaultInstanceType
        ? { [field]: o.provider.defaultInstanceType }
        : {},
    ),
  ];
}

function machineHealthCheck(o: Resolved): KubeObject {
  return {
    apiVersion: o.core,
    kind: 'MachineHealthCheck',
    metadata: meta(`${o.name}-mhc`, o.namespace, { labels: clusterLabel(o) }),
    spec: {
      clusterName: o.name,
      selector: {
        matchLabels: { [CAPI_LABELS.deploymentName]: `${o.name}-md-0` },
      },
    },
  };
}

/** Deterministic 5-character suffixes, like the ones controllers generate. */
function suffix(i: number): string {
  return (i + 10000).toString(36).slice(-5).padStart(5, 'x');
}
