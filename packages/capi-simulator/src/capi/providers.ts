import type { KnownCloud } from '@internal/plugin-multicloud-common';
import type { KubeObject } from '../api/types';
import { CONTROLPLANE_GROUP, INFRA_GROUP } from './refs';

export interface ProviderIdInput {
  zone: string;
  name: string;
  instanceId: string;
  /** AWS account, Azure subscription or GCP project. */
  account: string;
  clusterName: string;
}

/** What the simulator knows about each infrastructure provider (CAPA, CAPZ, CAPG). */
export interface Provider {
  cloud: KnownCloud;
  infraApiVersion: string;
  clusterKind: string;
  machineKind: string;
  machineTemplateKind: string;
  managedClusterKind: string;
  managedControlPlane: { apiVersion: string; kind: string };
  /** Managed node pools backing MachinePools (AKS, GKE); EKS uses MachineDeployments. */
  managedPoolKind?: string;
  zones(region: string): string[];
  providerID(input: ProviderIdInput): string;
}

export const PROVIDERS: Record<KnownCloud, Provider> = {
  aws: {
    cloud: 'aws',
    infraApiVersion: `${INFRA_GROUP}/v1beta2`,
    clusterKind: 'AWSCluster',
    machineKind: 'AWSMachine',
    machineTemplateKind: 'AWSMachineTemplate',
    managedClusterKind: 'AWSManagedCluster',
    managedControlPlane: {
      apiVersion: `${CONTROLPLANE_GROUP}/v1beta2`,
      kind: 'AWSManagedControlPlane',
    },
    zones: region => ['a', 'b', 'c'].map(z => `${region}${z}`),
    providerID: ({ zone, instanceId }) => `aws:///${zone}/i-${instanceId}`,
  },
  azure: {
    cloud: 'azure',
    infraApiVersion: `${INFRA_GROUP}/v1beta1`,
    clusterKind: 'AzureCluster',
    machineKind: 'AzureMachine',
    machineTemplateKind: 'AzureMachineTemplate',
    managedClusterKind: 'AzureManagedCluster',
    managedControlPlane: {
      apiVersion: `${INFRA_GROUP}/v1beta1`,
      kind: 'AzureManagedControlPlane',
    },
    managedPoolKind: 'AzureManagedMachinePool',
    zones: () => ['1', '2', '3'],
    providerID: ({ name, account, clusterName }) =>
      `azure:///subscriptions/${account}/resourceGroups/${clusterName}/providers/Microsoft.Compute/virtualMachines/${name}`,
  },
  gcp: {
    cloud: 'gcp',
    infraApiVersion: `${INFRA_GROUP}/v1beta1`,
    clusterKind: 'GCPCluster',
    machineKind: 'GCPMachine',
    machineTemplateKind: 'GCPMachineTemplate',
    managedClusterKind: 'GCPManagedCluster',
    managedControlPlane: {
      apiVersion: `${INFRA_GROUP}/v1beta1`,
      kind: 'GCPManagedControlPlane',
    },
    managedPoolKind: 'GCPManagedMachinePool',
    zones: region => ['a', 'b', 'c'].map(z => `${region}-${z}`),
    providerID: ({ zone, name, account }) => `gce://${account}/${zone}/${name}`,
  },
};

/** The cloud an infrastructure or control-plane kind belongs to. */
export function cloudOfKind(kind: string | undefined): KnownCloud | undefined {
  if (kind?.startsWith('AWS')) return 'aws';
  if (kind?.startsWith('Azure')) return 'azure';
  if (kind?.startsWith('GCP')) return 'gcp';
  return undefined;
}

/** Region (AWS, GCP) or location (Azure) declared by an infrastructure or managed object. */
export function regionOf(obj: KubeObject | undefined): string | undefined {
  return obj?.spec?.region ?? obj?.spec?.location;
}

export function isManagedControlPlaneKind(kind: string): boolean {
  return Object.values(PROVIDERS).some(
    p => p.managedControlPlane.kind === kind,
  );
}

/** The `status` an infrastructure cluster or managed control plane reports. */
export function infraStatus(
  kind: string,
  ready: boolean,
  version?: string,
): Record<string, unknown> {
  if (!isManagedControlPlaneKind(kind)) return { ready };
  const status: Record<string, unknown> = { ready, initialized: ready };
  if (ready && version) {
    if (kind === 'GCPManagedControlPlane') status.currentVersion = version;
    else status.version = version;
  }
  if (kind === 'AWSManagedControlPlane')
    status.externalManagedControlPlane = true;
  return status;
}
