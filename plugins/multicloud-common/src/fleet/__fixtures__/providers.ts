import type { Cloud } from '../../model/cloud';

/** Per-cloud kinds and defaults of the fixtures, after the official CAPA/CAPZ/CAPG templates. */
export interface FixtureProvider {
  infraApiVersion: string;
  clusterKind: string;
  /** `spec.region` (AWS, GCP) or `spec.location` (Azure); none for Docker. */
  regionField?: 'region' | 'location';
  machineTemplateKind: string;
  machineKind: string;
  /** `instanceType` (AWS, GCP) or `vmSize` (Azure); none for Docker. */
  instanceTypeField?: 'instanceType' | 'vmSize';
  defaultRegion?: string;
  defaultInstanceType?: string;
  defaultControlPlaneInstanceType?: string;
  managed?: {
    clusterKind: string;
    controlPlaneKind: string;
    controlPlaneApiVersion: string;
    /** Worker pools: a MachineDeployment of machine templates (EKS) or a MachinePool of a managed pool (AKS, GKE). */
    pool?: {
      kind: string;
      instanceTypeField: string;
      scaling: { min: string; max: string };
    };
  };
}

export const FIXTURE_PROVIDERS: Record<Cloud, FixtureProvider> = {
  aws: {
    infraApiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
    clusterKind: 'AWSCluster',
    regionField: 'region',
    machineTemplateKind: 'AWSMachineTemplate',
    machineKind: 'AWSMachine',
    instanceTypeField: 'instanceType',
    defaultRegion: 'us-east-1',
    defaultInstanceType: 'm5.xlarge',
    defaultControlPlaneInstanceType: 'm5.large',
    managed: {
      clusterKind: 'AWSManagedCluster',
      controlPlaneKind: 'AWSManagedControlPlane',
      controlPlaneApiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
    },
  },
  azure: {
    infraApiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
    clusterKind: 'AzureCluster',
    regionField: 'location',
    machineTemplateKind: 'AzureMachineTemplate',
    machineKind: 'AzureMachine',
    instanceTypeField: 'vmSize',
    defaultRegion: 'eastus',
    defaultInstanceType: 'Standard_D4s_v3',
    defaultControlPlaneInstanceType: 'Standard_D2s_v3',
    managed: {
      clusterKind: 'AzureManagedCluster',
      controlPlaneKind: 'AzureManagedControlPlane',
      controlPlaneApiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
      pool: {
        kind: 'AzureManagedMachinePool',
        instanceTypeField: 'sku',
        scaling: { min: 'minSize', max: 'maxSize' },
      },
    },
  },
  gcp: {
    infraApiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
    clusterKind: 'GCPCluster',
    regionField: 'region',
    machineTemplateKind: 'GCPMachineTemplate',
    machineKind: 'GCPMachine',
    instanceTypeField: 'instanceType',
    defaultRegion: 'us-central1',
    defaultInstanceType: 'n2-standard-4',
    defaultControlPlaneInstanceType: 'n2-standard-2',
    managed: {
      clusterKind: 'GCPManagedCluster',
      controlPlaneKind: 'GCPManagedControlPlane',
      controlPlaneApiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
      pool: {
        kind: 'GCPManagedMachinePool',
        instanceTypeField: 'machineType',
        scaling: { min: 'minCount', max: 'maxCount' },
      },
    },
  },
  other: {
    infraApiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
    clusterKind: 'DockerCluster',
    machineTemplateKind: 'DockerMachineTemplate',
    machineKind: 'DockerMachine',
  },
};
