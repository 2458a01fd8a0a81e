import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  MULTICLOUD_ANNOTATIONS,
  type KnownCloud,
} from '@internal/plugin-multicloud-common';
import type { CapiVersion } from '../capi/refs';
import type { Rng } from './prng';

export type Environment = 'production' | 'staging' | 'development';
export type DataClass = 'gdpr' | 'ccpa' | 'none';
/** How a generated cluster looks when the simulator starts. */
export type ClusterHealth =
  | 'healthy'
  | 'provisioning'
  | 'degraded-control-plane'
  | 'degraded-workers'
  | 'failed';

export interface WorkerPoolPlan {
  name: string;
  replicas: number;
  instanceType: string;
  autoscaler?: { min: number; max: number };
  /** Machines of this pool that are Failed (degraded workers). */
  failedMachines: number;
}

/** Everything that decides a generated cluster's objects. */
export interface ClusterPlan {
  name: string;
  namespace: string;
  cloud: KnownCloud;
  region: string;
  owner: string;
  system: string;
  environment: Environment;
  dataClass: DataClass;
  capiVersion: CapiVersion;
  controlPlane: 'kubeadm' | 'managed';
  /** Created from a ClusterClass (`spec.topology`); kubeadm clusters only. */
  topology: boolean;
  kubernetesVersion: string;
  controlPlaneReplicas: number;
  controlPlaneInstanceType: string;
  workers: WorkerPoolPlan[];
  health: ClusterHealth;
  annotations: Record<string, string>;
  ageDays: number;
  machineHealthCheck: boolean;
}

export const REGIONS: Record<KnownCloud, { us: string[]; eu: string[] }> = {
  aws: { us: ['us-east-1', 'us-west-2'], eu: ['eu-west-1', 'eu-central-1'] },
  azure: {
    us: ['eastus', 'eastus2', 'westus2'],
    eu: ['westeurope', 'northeurope'],
  },
  gcp: {
    us: ['us-central1', 'us-west1', 'us-east1'],
    eu: ['europe-west1', 'europe-west4'],
  },
};

/** US regions in the seed's CCPA region set. */
const CCPA_REGIONS = ['us-west-2', 'westus2', 'us-west1'];

/** Instance types, all present in shared/pricing/prices.json. */
const INSTANCE_TYPES: Record<
  KnownCloud,
  {
    controlPlane: string[];
    small: string[];
    general: string[];
    memory: string[];
    compute: string[];
    gpu: string;
  }
> = {
  aws: {
    controlPlane: ['m5.xlarge', 'm6i.xlarge'],
    small: ['t3.medium', 't3.large'],
    general: [
      'm5.xlarge',
      'm5.2xlarge',
      'm6i.xlarge',
      'm6i.2xlarge',
      'm7i.xlarge',
    ],
    memory: ['r5.xlarge', 'r6i.xlarge', 'r6i.2xlarge'],
    compute: ['c5.2xlarge', 'c6i.2xlarge'],
    gpu: 'g5.xlarge',
  },
  azure: {
    controlPlane: ['Standard_D4s_v3', 'Standard_D4s_v5'],
    small: ['Standard_B2ms', 'Standard_D2s_v5'],
    general: [
      'Standard_D4s_v3',
      'Standard_D8s_v3',
      'Standard_D4s_v5',
      'Standard_D8s_v5',
      'Standard_D4as_v5',
    ],
    memory: ['Standard_E4s_v5', 'Standard_E8s_v5'],
    compute: ['Standard_F8s_v2', 'Standard_F4s_v2'],
    gpu: 'Standard_NC4as_T4_v3',
  },
  gcp: {
    controlPlane: ['n2-standard-4', 'e2-standard-4'],
    small: ['e2-medium', 'e2-standard-2'],
    general: [
      'n2-standard-4',
      'n2-standard-8',
      'e2-standard-8',
      't2d-standard-8',
    ],
    memory: ['n2-highmem-4', 'n2-highmem-8'],
    compute: ['c2-standard-8', 'c2-standard-4'],
    gpu: 'g2-standard-4',
  },
};

export const TEAMS = [
  'team-payments',
  'team-search',
  'platform-team',
  'team-data',
  'team-ml',
] as const;

const TEAM_SYSTEMS: Record<string, string[]> = {
  'team-payments': ['trustram', 'checkout'],
  'team-search': ['trustram', 'search'],
  'platform-team': ['platform'],
  'team-data': ['datalake'],
  'team-ml': ['ml-platform'],
};

const KUBERNETES_VERSIONS: Array<[string, number]> = [
  ['v1.33.1', 5],
  ['v1.32.5', 4],
  ['v1.31.9', 2],
  ['v1.30.13', 1],
];

function seedCluster(
  name: string,
  cloud: KnownCloud,
  region: string,
  owner: string,
  instanceType: string,
): ClusterPlan {
  return {
    name,
    namespace: 'default',
    cloud,
    region,
    owner,
    system: 'trustram',
    environment: 'production',
    dataClass: 'ccpa',
    capiVersion: 'v1beta2',
    controlPlane: 'kubeadm',
    topology: false,
    kubernetesVersion: 'v1.33.1',
    controlPlaneReplicas: 3,
    controlPlaneInstanceType: instanceType,
    workers: [
      {
        name: 'md-0',
        replicas: 3,
        instanceType,
        autoscaler: { min: 3, max: 10 },
        failedMachines: 0,
      },
    ],
    health: 'healthy',
    annotations: {},
    ageDays: 42,
    machineHealthCheck: true,
  };
}

/** The seed document's three clusters (TrustStram on AWS, Azure and GCP). */
export function defaultPlans(): ClusterPlan[] {
  const aws = seedCluster(
    'trustram-aws-cluster',
    'aws',
    'us-west-2',
    'team-payments',
    'm5.xlarge',
  );
  aws.annotations = {
    [MULTICLOUD_ANNOTATIONS.failoverTarget]: 'default/trustram-azure-cluster',
    [MULTICLOUD_ANNOTATIONS.failoverMode]: 'manual',
  };
  return [
    aws,
    seedCluster(
      'trustram-azure-cluster',
      'azure',
      'westus2',
      'team-payments',
      'Standard_D4s_v3',
    ),
    seedCluster(
      'trustram-gcp-cluster',
      'gcp',
      'us-west1',
      'team-search',
      'n2-standard-4',
    ),
  ];
}

function workerPools(
  rng: Rng,
  cloud: KnownCloud,
  owner: string,
  environment: Environment,
): WorkerPoolPlan[] {
  const types = INSTANCE_TYPES[cloud];
  if (environment === 'development') {
    return [
      {
        name: 'md-0',
        replicas: 1,
        instanceType: rng.pick(types.small),
        failedMachines: 0,
      },
    ];
  }
  if (environment === 'staging') {
    return Array.from({ length: rng.int(1, 2) }, (_, i) => ({
      name: `md-${i}`,
      replicas: rng.int(2, 5),
      instanceType: rng.pick(i === 0 ? types.general : types.small),
      autoscaler: { min: 2, max: 6 },
      failedMachines: 0,
    }));
  }
  const kinds = [
    'general',
    'general',
    'memory',
    'compute',
    'general',
    'memory',
    'compute',
  ] as const;
  return Array.from({ length: rng.int(3, 7) }, (_, i) => {
    const replicas = rng.int(3, 10);
    const gpu = owner === 'team-ml' && i === 1;
    return {
      name: `md-${i}`,
      replicas,
      instanceType: gpu ? types.gpu : rng.pick(types[kinds[i]]),
      autoscaler: { min: 3, max: Math.max(10, replicas) },
      failedMachines: 0,
    };
  });
}

function dataClassFor(rng: Rng, region: string, eu: boolean): DataClass {
  if (eu) return rng.chance(0.8) ? 'gdpr' : 'none';
  if (CCPA_REGIONS.includes(region)) return rng.chance(0.6) ? 'ccpa' : 'none';
  return rng.chance(0.1) ? 'ccpa' : 'none';
}

function generatedPlan(rng: Rng, index: number): ClusterPlan {
  const cloud = rng.weighted<KnownCloud>([
    ['aws', 4],
    ['azure', 3],
    ['gcp', 3],
  ]);
  const eu = rng.chance(0.4);
  const region = rng.pick(REGIONS[cloud][eu ? 'eu' : 'us']);
  const owner = rng.pick(TEAMS);
  const environment = rng.weighted<Environment>([
    ['production', 6],
    ['staging', 2.5],
    ['development', 1.5],
  ]);
  const controlPlane = rng.chance(0.25) ? 'managed' : 'kubeadm';
  const topology = controlPlane === 'kubeadm' && rng.chance(0.4);
  const workers = workerPools(rng, cloud, owner, environment);
  let controlPlaneReplicas = environment === 'production' ? 3 : 1;
  if (controlPlane === 'managed') controlPlaneReplicas = 0;
  let health = rng.weighted<ClusterHealth>([
    ['healthy', 88],
    ['provisioning', 3],
    ['degraded-control-plane', 3],
    ['degraded-workers', 4],
    ['failed', 2],
  ]);
  if (health === 'degraded-control-plane' && controlPlaneReplicas < 3)
    health = 'degraded-workers';
  if (health === 'degraded-workers') {
    const pool = workers[0];
    pool.failedMachines = Math.max(1, Math.floor(pool.replicas / 3));
  }
  const teamShort = owner.replace('team-', '').replace('-team', '');
  const envShort = { production: 'prod', staging: 'stg', development: 'dev' }[
    environment
  ];
  return {
    name: `${teamShort}-${envShort}-${cloud}-${region}-${String(index).padStart(
      4,
      '0',
    )}`,
    namespace: owner,
    cloud,
    region,
    owner,
    system: rng.pick(TEAM_SYSTEMS[owner]),
    environment,
    dataClass: dataClassFor(rng, region, eu),
    capiVersion: rng.chance(0.7) ? 'v1beta2' : 'v1beta1',
    controlPlane,
    topology,
    kubernetesVersion: rng.weighted(KUBERNETES_VERSIONS),
    controlPlaneReplicas,
    controlPlaneInstanceType: rng.pick(
      environment === 'production'
        ? INSTANCE_TYPES[cloud].controlPlane
        : INSTANCE_TYPES[cloud].small,
    ),
    workers,
    health,
    annotations: {},
    ageDays: health === 'provisioning' ? 0 : rng.int(1, 400),
    machineHealthCheck:
      controlPlane === 'kubeadm' &&
      environment === 'production' &&
      rng.chance(0.7),
  };
}

/** Production clusters of the same owner in another cloud back each other up (some of them). */
function assignFailover(rng: Rng, plans: ClusterPlan[]): void {
  const candidates = plans.filter(
    p => p.environment === 'production' && p.health !== 'failed',
  );
  for (const plan of candidates) {
    if (Object.keys(plan.annotations).length > 0 || !rng.chance(0.3)) continue;
    const targets = candidates.filter(
      t =>
        t.owner === plan.owner &&
        t.cloud !== plan.cloud &&
        t.dataClass === plan.dataClass &&
        t !== plan,
    );
    if (targets.length === 0) continue;
    const target = rng.pick(targets);
    plan.annotations = {
      [MULTICLOUD_ANNOTATIONS.failoverTarget]: `${target.namespace}/${target.name}`,
      [MULTICLOUD_ANNOTATIONS.failoverMode]: rng.chance(0.3)
        ? 'automatic'
        : 'manual',
    };
  }
}

/**
 * The fleet: without a size, the seed's three clusters; with a size, those three first and
 * then generated clusters across clouds, regions, teams and environments.
 */
export function planFleet(rng: Rng, size?: number): ClusterPlan[] {
  const plans = defaultPlans();
  if (size === undefined) return plans;
  const generated = Array.from(
    { length: Math.max(0, size - plans.length) },
    (_, i) =>
      generatedPlan(rng.fork(`cluster/${i + plans.length}`), i + plans.length),
  );
  const all = [...plans, ...generated].slice(0, size);
  assignFailover(rng.fork('failover'), all.slice(plans.length));
  return all;
}

export function autoscalerAnnotations(
  pool: WorkerPoolPlan,
): Record<string, string> {
  return pool.autoscaler
    ? {
        [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: String(pool.autoscaler.min),
        [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: String(pool.autoscaler.max),
      }
    : {};
}
