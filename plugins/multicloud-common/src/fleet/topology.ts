import type { KubeObject } from '../model/kube';
import type { FieldReader } from './FieldReader';

/**
 * A ClusterClass-based Cluster's `spec.topology` (v1beta1 `class`, v1beta2 `classRef`),
 * read once. Used for clusters whose generated objects do not exist yet (cost preview,
 * early provisioning) and for values only the topology states (variables).
 */
export interface Topology {
  className: string;
  version?: string;
  controlPlaneReplicas?: number;
  variables: Record<string, unknown>;
  machineDeployments: TopologyPool[];
  machinePools: TopologyPool[];
}

export interface TopologyPool {
  /** The topology name (`md-0`); generated objects carry it in `topology.cluster.x-k8s.io/deployment-name` / `pool-name`. */
  name: string;
  class: string;
  replicas?: number;
  annotations: Record<string, string>;
  /** Cluster variables with this pool's overrides applied. */
  variables: Record<string, unknown>;
}

export const TOPOLOGY_LABELS = {
  deploymentName: 'topology.cluster.x-k8s.io/deployment-name',
  poolName: 'topology.cluster.x-k8s.io/pool-name',
} as const;

/**
 * Variable names the official templates use (CAPG topology: `region`,
 * `controlPlaneMachineType`, `workerMachineType`), plus the obvious per-provider spellings.
 */
const REGION_VARIABLES = [
  'region',
  'location',
  'awsRegion',
  'azureLocation',
  'gcpRegion',
];
const CONTROL_PLANE_TYPE_VARIABLES = [
  'controlPlaneMachineType',
  'controlPlaneInstanceType',
  'controlPlaneVMSize',
  'controlPlaneVmSize',
];
const WORKER_TYPE_VARIABLES = [
  'workerMachineType',
  'workerInstanceType',
  'workerVMSize',
  'workerVmSize',
  'nodeMachineType',
];

export function readTopology(
  cluster: KubeObject,
  reader: FieldReader,
): Topology | undefined {
  const spec = reader.record(cluster, 'spec.topology');
  if (!spec) return undefined;
  const className =
    reader.str(cluster, 'spec.topology.classRef.name') ??
    reader.str(cluster, 'spec.topology.class');
  if (!className) {
    reader.report(
      cluster,
      'spec.topology has no ClusterClass (classRef.name or class)',
    );
    return undefined;
  }
  const variables = variableMap(
    reader.list(cluster, 'spec.topology.variables'),
  );
  const pools = (kind: 'machineDeployments' | 'machinePools') =>
    (reader.list(cluster, `spec.topology.workers.${kind}`) ?? []).flatMap(
      entry => readPool(entry, variables),
    );
  return {
    className,
    version: reader.str(cluster, 'spec.topology.version'),
    controlPlaneReplicas: reader.num(
      cluster,
      'spec.topology.controlPlane.replicas',
    ),
    variables,
    machineDeployments: pools('machineDeployments'),
    machinePools: pools('machinePools'),
  };
}

function readPool(
  entry: unknown,
  clusterVariables: Record<string, unknown>,
): TopologyPool[] {
  if (!entry || typeof entry !== 'object') return [];
  const e = entry as Record<string, any>;
  if (typeof e.name !== 'string' || typeof e.class !== 'string') return [];
  const annotations = e.metadata?.annotations;
  return [
    {
      name: e.name,
      class: e.class,
      replicas: typeof e.replicas === 'number' ? e.replicas : undefined,
      annotations:
        annotations && typeof annotations === 'object' ? annotations : {},
      variables: {
        ...clusterVariables,
        ...variableMap(e.variables?.overrides),
      },
    },
  ];
}

function variableMap(list: unknown): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  if (!Array.isArray(list)) return map;
  for (const v of list) {
    if (v && typeof v === 'object' && typeof v.name === 'string')
      map[v.name] = v.value;
  }
  return map;
}

function firstString(
  variables: Record<string, unknown>,
  names: string[],
): string | undefined {
  for (const name of names) {
    const value = variables[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

export function topologyRegion(topology: Topology): string | undefined {
  return firstString(topology.variables, REGION_VARIABLES);
}

export function topologyControlPlaneType(
  topology: Topology,
): string | undefined {
  return firstString(topology.variables, CONTROL_PLANE_TYPE_VARIABLES);
}

export function topologyWorkerType(pool: TopologyPool): string | undefined {
  return firstString(pool.variables, WORKER_TYPE_VARIABLES);
}
