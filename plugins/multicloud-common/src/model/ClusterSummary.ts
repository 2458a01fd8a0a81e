import type { Cloud } from './cloud';
import type { ClusterRef } from './kube';

export type Verdict =
  | 'healthy'
  | 'degraded'
  | 'unhealthy'
  | 'provisioning'
  | 'deleting'
  | 'unknown';

export const VERDICTS: readonly Verdict[] = [
  'healthy',
  'degraded',
  'unhealthy',
  'provisioning',
  'deleting',
  'unknown',
];

/** One reason behind a verdict, in words a person on call can act on. */
export interface VerdictReason {
  /** The object the reason is about, e.g. `KubeadmControlPlane default/x-cp`. */
  object: string;
  /** Condition type or field that decided, e.g. `ControlPlaneAvailable`, `status.phase`. */
  source: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface HealthVerdict {
  verdict: Verdict;
  reasons: VerdictReason[];
}

export interface ReplicaCounts {
  desired: number;
  ready: number;
  available: number;
  upToDate: number;
}

export interface WorkerPoolSummary {
  /** MachineDeployment or MachinePool name. */
  name: string;
  kind: 'MachineDeployment' | 'MachinePool';
  replicas: ReplicaCounts;
  /** From the cluster-autoscaler annotations; undefined when not set. */
  autoscaler?: { min: number; max: number };
  instanceType?: string;
}

export interface ControlPlaneSummary {
  kind: string;
  /** Self-managed (kubeadm: machines billed as instances) or a managed service. */
  managed: 'self' | 'eks' | 'aks' | 'gke' | 'other';
  replicas: ReplicaCounts;
  version?: string;
  instanceType?: string;
  /** Pricing tier of a managed control plane when the provider has one (AKS `spec.sku.tier`: Free, Standard, Paid). */
  tier?: string;
}

/**
 * A cluster as the portal sees it: everything the dashboards, placement, compliance and
 * failover need, derived from the CAPI objects of one Cluster. Cost, compliance and
 * failover are attached by their own engines.
 */
export interface ClusterSummary {
  /** `namespace/name`, or `managementCluster/namespace/name` when the fleet spans several. */
  ref: ClusterRef;
  /** The management cluster (`multicloud.managementClusters[].name`) that holds it; set by the fleet service. */
  managementCluster?: string;
  namespace: string;
  name: string;
  /** `cluster.x-k8s.io` API version the Cluster was read as (v1beta1 or v1beta2). */
  apiVersion: string;
  cloud: Cloud;
  region?: string;
  /** Infrastructure kind, e.g. AWSCluster, AzureManagedCluster. */
  infrastructureKind?: string;
  kubernetesVersion?: string;
  phase?: string;
  /** Uses a ClusterClass (`spec.topology`). */
  topology?: { classRef: string };
  controlPlane?: ControlPlaneSummary;
  workers: ReplicaCounts;
  workerPools: WorkerPoolSummary[];
  /** Machine counts by instance type (control plane and workers), from machines and templates. */
  machinesByInstanceType: Record<string, number>;
  machinesByPhase: Record<string, number>;
  labels: {
    owner?: string;
    system?: string;
    environment?: string;
    dataClass?: string;
  };
  annotations: Record<string, string>;
  health: HealthVerdict;
  /** Set when an object of this cluster could not be understood; the cluster stays listed. */
  errors: string[];
  createdAt?: string;
}
