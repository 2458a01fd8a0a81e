import type {
  ClusterSummary,
  WorkerPoolSummary,
} from '../../model/ClusterSummary';
import type { Cloud } from '../../model/cloud';

export interface SummaryInput {
  name: string;
  namespace?: string;
  cloud?: Cloud;
  region?: string;
  owner?: string;
  environment?: string;
  dataClass?: string;
  verdict?: ClusterSummary['health']['verdict'];
  version?: string;
  controlPlane?: Partial<NonNullable<ClusterSummary['controlPlane']>> & {
    desired?: number;
  };
  /** Worker pools: instance type, current nodes and autoscaler bounds. */
  pools?: Array<{
    name?: string;
    instanceType?: string;
    nodes?: number;
    min?: number;
    max?: number;
  }>;
}

const replicas = (n: number) => ({
  desired: n,
  ready: n,
  available: n,
  upToDate: n,
});

/** A ClusterSummary as summarizeCluster would produce it, from the few facts a test cares about. */
export function summary(input: SummaryInput): ClusterSummary {
  const namespace = input.namespace ?? 'default';
  const cloud = input.cloud ?? 'aws';
  const workerPools: WorkerPoolSummary[] = (input.pools ?? []).map((p, k) => ({
    name: p.name ?? `${input.name}-md-${k}`,
    kind: 'MachineDeployment',
    replicas: replicas(p.nodes ?? 3),
    ...(p.min !== undefined && p.max !== undefined
      ? { autoscaler: { min: p.min, max: p.max } }
      : {}),
    ...(p.instanceType ? { instanceType: p.instanceType } : {}),
  }));
  const { desired = 3, ...cp } = input.controlPlane ?? {};
  return {
    ref: `${namespace}/${input.name}`,
    namespace,
    name: input.name,
    apiVersion: 'v1beta2',
    cloud,
    ...(input.region ? { region: input.region } : {}),
    kubernetesVersion: input.version ?? 'v1.32.1',
    controlPlane: {
      kind: 'KubeadmControlPlane',
      managed: 'self',
      replicas: replicas(desired),
      ...cp,
    },
    workers: replicas(workerPools.reduce((s, p) => s + p.replicas.desired, 0)),
    workerPools,
    machinesByInstanceType: {},
    machinesByPhase: {},
    labels: {
      ...(input.owner ? { owner: input.owner } : {}),
      ...(input.environment ? { environment: input.environment } : {}),
      ...(input.dataClass ? { dataClass: input.dataClass } : {}),
    },
    annotations: {},
    health: { verdict: input.verdict ?? 'healthy', reasons: [] },
    errors: [],
  };
}
