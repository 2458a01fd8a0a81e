import {
  VERDICTS,
  type ClusterDetailResponse,
  type ClusterSummary,
  type ClustersResponse,
  type FleetBucket,
  type FleetResponse,
  type Verdict,
  type VerdictReason,
} from '@internal/plugin-multicloud-common';
import type { MulticloudApi } from '../api/MulticloudApi';

const SEVERITIES: Record<Verdict, VerdictReason['severity']> = {
  healthy: 'info',
  degraded: 'warning',
  unhealthy: 'error',
  provisioning: 'info',
  deleting: 'info',
  unknown: 'warning',
};

const REASONS: Record<Verdict, string> = {
  healthy: 'control plane 3/3 available, workers 3/3 available',
  degraded: 'workers 2/3 available',
  unhealthy: 'control plane 1/3 available (below etcd quorum)',
  provisioning: 'infrastructure is not provisioned yet',
  deleting: 'cluster is being deleted',
  unknown: 'Available is Unknown',
};

/** A plausible ClusterSummary; override what the test is about. */
export function makeCluster(
  name: string,
  overrides: Partial<ClusterSummary> & { verdict?: Verdict } = {},
): ClusterSummary {
  const { verdict = 'healthy', ...rest } = overrides;
  const namespace = rest.namespace ?? 'default';
  return {
    ref: `${namespace}/${name}`,
    namespace,
    name,
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    cloud: 'aws',
    region: 'eu-west-1',
    infrastructureKind: 'AWSCluster',
    kubernetesVersion: 'v1.30.2',
    phase: 'Provisioned',
    controlPlane: {
      kind: 'KubeadmControlPlane',
      managed: 'self',
      replicas: { desired: 3, ready: 3, available: 3, upToDate: 3 },
      version: 'v1.30.2',
      instanceType: 'm6i.large',
    },
    workers: { desired: 3, ready: 3, available: 3, upToDate: 3 },
    workerPools: [
      {
        name: `${name}-md-0`,
        kind: 'MachineDeployment',
        replicas: { desired: 3, ready: 3, available: 3, upToDate: 3 },
        autoscaler: { min: 2, max: 6 },
        instanceType: 'm6i.xlarge',
      },
    ],
    machinesByInstanceType: { 'm6i.large': 3, 'm6i.xlarge': 3 },
    machinesByPhase: { Running: 6 },
    labels: {
      owner: 'team-payments',
      system: 'payments',
      environment: 'prod',
      dataClass: 'gdpr',
    },
    annotations: {},
    health: {
      verdict,
      reasons: [
        {
          object: `Cluster ${namespace}/${name}`,
          source: 'Available',
          message: REASONS[verdict],
          severity: SEVERITIES[verdict],
        },
      ],
    },
    errors: [],
    createdAt: '2026-01-01T00:00:00Z',
    ...rest,
  };
}

export function makeBucket(overrides: Partial<FleetBucket> = {}): FleetBucket {
  return {
    clusters: 0,
    byVerdict: Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<
      Verdict,
      number
    >,
    byPhase: {},
    machines: { total: 0, byPhase: {} },
    nodesByInstanceType: {},
    kubernetesVersions: {},
    regions: {},
    withErrors: 0,
    ...overrides,
  };
}

export function makeFleet(
  overrides: Partial<FleetResponse> = {},
): FleetResponse {
  const aws = makeBucket({
    clusters: 12,
    byVerdict: {
      healthy: 9,
      degraded: 2,
      unhealthy: 1,
      provisioning: 0,
      deleting: 0,
      unknown: 0,
    },
    machines: { total: 60, byPhase: { Running: 58, Failed: 2 } },
    kubernetesVersions: { 'v1.30.2': 10, 'v1.29.5': 2 },
    regions: { 'eu-west-1': 8, 'us-east-1': 4 },
  });
  const azure = makeBucket({
    clusters: 5,
    byVerdict: {
      healthy: 5,
      degraded: 0,
      unhealthy: 0,
      provisioning: 0,
      deleting: 0,
      unknown: 0,
    },
    machines: { total: 15, byPhase: { Running: 15 } },
    kubernetesVersions: { 'v1.30.2': 5 },
    regions: { westeurope: 5 },
  });
  const gcp = makeBucket({
    clusters: 3,
    byVerdict: {
      healthy: 1,
      degraded: 0,
      unhealthy: 0,
      provisioning: 1,
      deleting: 0,
      unknown: 1,
    },
    machines: { total: 9, byPhase: { Running: 7, Provisioning: 2 } },
    kubernetesVersions: { 'v1.31.0': 3 },
    regions: { 'europe-west1': 3 },
  });
  return {
    version: 7,
    builtAt: '2026-01-01T00:00:00Z',
    stale: false,
    summary: {
      total: makeBucket({ clusters: 20 }),
      byCloud: { aws, azure, gcp, other: makeBucket() },
    },
    ...overrides,
  };
}

export function makeClustersResponse(
  items: ClusterSummary[],
  overrides: Partial<ClustersResponse> = {},
): ClustersResponse {
  const count = (pick: (c: ClusterSummary) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const c of items) {
      const v = pick(c) ?? 'unknown';
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, n]) => ({ value, count: n }));
  };
  return {
    version: 7,
    stale: false,
    items,
    total: items.length,
    unfilteredTotal: items.length,
    offset: 0,
    facets: {
      cloud: count(c => c.cloud),
      region: count(c => c.region),
      verdict: count(c => c.health.verdict),
      owner: count(c => c.labels.owner),
      environment: count(c => c.labels.environment),
    },
    ...overrides,
  };
}

export function makeDetail(
  cluster: ClusterSummary,
  overrides: Partial<ClusterDetailResponse> = {},
): ClusterDetailResponse {
  return {
    version: 7,
    stale: false,
    cluster,
    conditionTree: {
      id: `Cluster/${cluster.name}`,
      kind: 'Cluster',
      name: cluster.name,
      status: 'False',
      severity: 'error',
      reason: 'ControlPlaneNotAvailable',
      message: 'control plane 1/3 available',
      children: [
        {
          id: `AWSCluster/${cluster.name}`,
          kind: 'AWSCluster',
          name: cluster.name,
          role: 'ClusterInfrastructure',
          status: 'True',
          severity: 'none',
          children: [],
        },
        {
          id: `KubeadmControlPlane/${cluster.name}-cp`,
          kind: 'KubeadmControlPlane',
          name: `${cluster.name}-cp`,
          role: 'ControlPlane',
          status: 'False',
          severity: 'error',
          reason: 'NotAvailable',
          message: '1 of 3 machines available',
          replicas: { desired: 3, ready: 1, available: 1, upToDate: 3 },
          children: [
            {
              id: `KubeadmControlPlane/${cluster.name}-cp/#1`,
              kind: 'MachineGroup',
              name: '2 Machines',
              status: 'False',
              severity: 'warning',
              reason: 'NodeNotReady',
              group: {
                count: 2,
                members: [`${cluster.name}-cp-a`, `${cluster.name}-cp-b`],
                ready: 0,
                available: 0,
                upToDate: 2,
              },
              children: [],
            },
          ],
        },
      ],
    },
    machines: [
      {
        name: `${cluster.name}-cp-a`,
        namespace: cluster.namespace,
        role: 'control-plane',
        phase: 'Running',
        version: 'v1.30.2',
        nodeName: 'ip-10-0-0-1',
      },
      {
        name: `${cluster.name}-md-0-x`,
        namespace: cluster.namespace,
        role: 'worker',
        pool: `${cluster.name}-md-0`,
        phase: 'Failed',
        version: 'v1.30.2',
        problem: 'instance terminated by EC2',
      },
    ],
    // The cost and compliance cards say when there is none; their tests give both.
    cost: null,
    compliance: null,
    ...overrides,
  };
}

/** An API whose methods fail loudly unless the test provides them. */
export function mockApi(impl: Partial<MulticloudApi>): MulticloudApi {
  const missing = (name: string) => () =>
    Promise.reject(new Error(`unexpected call to ${name}`));
  return {
    getHealth: missing('getHealth'),
    getStatus: missing('getStatus'),
    getFleet: missing('getFleet'),
    listClusters: missing('listClusters'),
    getCluster: missing('getCluster'),
    getCost: missing('getCost'),
    getCompliance: missing('getCompliance'),
    getHistory: missing('getHistory'),
    evaluatePlacement: missing('evaluatePlacement'),
    getFailoverPolicies: missing('getFailoverPolicies'),
    getFailoverBreakers: missing('getFailoverBreakers'),
    planFailover: missing('planFailover'),
    startFailover: missing('startFailover'),
    listFailoverRuns: missing('listFailoverRuns'),
    getFailoverRun: missing('getFailoverRun'),
    cancelFailoverRun: missing('cancelFailoverRun'),
    ...impl,
  };
}
