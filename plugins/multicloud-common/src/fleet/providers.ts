import type { Cloud } from '../model/cloud';
import type { ControlPlaneSummary } from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import type { FieldReader } from './FieldReader';

/**
 * What the portal knows about each infrastructure provider's kinds, as data: where the
 * region and the instance type live, which control planes are managed services. Field
 * paths come from the CAPA v1beta2, CAPZ v1beta1 and CAPG v1beta1 CRDs.
 */

/** Provider kinds carry their cloud in the prefix (AWSCluster, AzureManagedMachinePool, GCPMachine, ROSAControlPlane). */
export function cloudOfKind(kind: string | undefined): Cloud | undefined {
  if (!kind) return undefined;
  if (/^(AWS|ROSA|EKS)/.test(kind)) return 'aws';
  if (/^(Azure|AKS)/.test(kind)) return 'azure';
  if (/^(GCP|GKE)/.test(kind)) return 'gcp';
  return undefined;
}

const REGION_FIELDS: Record<string, string> = {
  AWSCluster: 'spec.region',
  AWSManagedControlPlane: 'spec.region',
  ROSAControlPlane: 'spec.region',
  AzureCluster: 'spec.location',
  AzureManagedControlPlane: 'spec.location',
  GCPCluster: 'spec.region',
  GCPManagedCluster: 'spec.region',
  GCPManagedControlPlane: 'spec.location',
  // ClusterClass infrastructure templates, for topology clusters not generated yet.
  AWSClusterTemplate: 'spec.template.spec.region',
  AzureClusterTemplate: 'spec.template.spec.location',
  GCPClusterTemplate: 'spec.template.spec.region',
};

export function regionOf(
  obj: KubeObject | undefined,
  reader: FieldReader,
): string | undefined {
  const field = obj?.kind ? REGION_FIELDS[obj.kind] : undefined;
  const value = field ? reader.str(obj!, field) : undefined;
  return value ? normalizeRegion(cloudOfKind(obj!.kind), value) : undefined;
}

/**
 * GKE accepts a zone as `location` (`us-central1-a`); prices and residency rules are per
 * region, so zones become their region. Azure locations are compared in ARM form
 * (`West Europe` → `westeurope`).
 */
export function normalizeRegion(
  cloud: Cloud | undefined,
  value: string,
): string {
  const trimmed = value.trim();
  if (cloud === 'gcp')
    return trimmed.replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, '$1');
  if (cloud === 'azure') return trimmed.toLowerCase().replace(/\s+/g, '');
  return trimmed;
}

interface InstanceTypeField {
  paths: string[];
  /** Provider default when the field is omitted, as documented in the CRD. */
  fallback?: string;
}

const INSTANCE_TYPE_FIELDS: Record<string, InstanceTypeField> = {
  AWSMachineTemplate: { paths: ['spec.template.spec.instanceType'] },
  AWSMachine: { paths: ['spec.instanceType'] },
  AWSMachinePool: { paths: ['spec.awsLaunchTemplate.instanceType'] },
  AWSManagedMachinePool: { paths: ['spec.instanceType'] },
  AzureMachineTemplate: { paths: ['spec.template.spec.vmSize'] },
  AzureMachine: { paths: ['spec.vmSize'] },
  AzureMachinePool: { paths: ['spec.template.vmSize'] },
  AzureManagedMachinePool: { paths: ['spec.sku'] },
  GCPMachineTemplate: { paths: ['spec.template.spec.instanceType'] },
  GCPMachine: { paths: ['spec.instanceType'] },
  // CAPG CRD: "If unspecified, the default machine type is `e2-medium`."
  GCPManagedMachinePool: {
    paths: ['spec.machineType', 'spec.instanceType'],
    fallback: 'e2-medium',
  },
};

export function instanceTypeOf(
  obj: KubeObject | undefined,
  reader: FieldReader,
): string | undefined {
  const field = obj?.kind ? INSTANCE_TYPE_FIELDS[obj.kind] : undefined;
  if (!field) return undefined;
  for (const path of field.paths) {
    const value = reader.str(obj!, path);
    if (value) return value;
  }
  return field.fallback;
}

const POOL_SCALING_FIELDS: Record<string, { min: string; max: string }> = {
  AWSMachinePool: { min: 'spec.minSize', max: 'spec.maxSize' },
  AWSManagedMachinePool: {
    min: 'spec.scaling.minSize',
    max: 'spec.scaling.maxSize',
  },
  AzureManagedMachinePool: {
    min: 'spec.scaling.minSize',
    max: 'spec.scaling.maxSize',
  },
  GCPManagedMachinePool: {
    min: 'spec.scaling.minCount',
    max: 'spec.scaling.maxCount',
  },
};

/** Autoscaling bounds kept by an infrastructure machine pool itself (the cloud's own autoscaler). */
export function poolScalingOf(
  obj: KubeObject | undefined,
  reader: FieldReader,
): { min: number; max: number } | undefined {
  const fields = obj?.kind ? POOL_SCALING_FIELDS[obj.kind] : undefined;
  if (!fields) return undefined;
  const min = reader.num(obj!, fields.min);
  const max = reader.num(obj!, fields.max);
  return min !== undefined && max !== undefined ? { min, max } : undefined;
}

interface ControlPlaneKind {
  managed: ControlPlaneSummary['managed'];
  /** Observed version first, then the desired one. */
  versionFields: string[];
  tierField?: string;
}

const CONTROL_PLANE_KINDS: Record<string, ControlPlaneKind> = {
  KubeadmControlPlane: {
    managed: 'self',
    versionFields: ['status.version', 'spec.version'],
  },
  AWSManagedControlPlane: {
    managed: 'eks',
    versionFields: ['status.version', 'spec.version'],
  },
  AzureManagedControlPlane: {
    managed: 'aks',
    versionFields: ['status.version', 'spec.version'],
    tierField: 'spec.sku.tier',
  },
  GCPManagedControlPlane: {
    managed: 'gke',
    versionFields: [
      'status.currentVersion',
      'status.version',
      'spec.version',
      'spec.controlPlaneVersion',
    ],
  },
};

/**
 * Known kinds by table; any other control plane that manages machines (RKE2, Talos, k0s...:
 * it has `spec.replicas` or `spec.machineTemplate`) is self-managed, the rest `other`.
 */
export function controlPlaneKindOf(
  kind: string,
  obj?: KubeObject,
): ControlPlaneKind {
  const known = CONTROL_PLANE_KINDS[kind];
  if (known) return known;
  const managesMachines =
    typeof obj?.spec?.replicas === 'number' || !!obj?.spec?.machineTemplate;
  return {
    managed: managesMachines ? 'self' : 'other',
    versionFields: ['status.version', 'spec.version'],
  };
}

/** Kubernetes versions are compared and counted with the leading `v` (AKS and GKE omit it). */
export function normalizeVersion(
  version: string | undefined,
): string | undefined {
  if (!version) return undefined;
  const trimmed = version.trim();
  return /^\d/.test(trimmed) ? `v${trimmed}` : trimmed;
}
