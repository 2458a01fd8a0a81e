/**
 * A kind the fleet cache lists and watches. `versions` are in order of preference: the
 * first one the management cluster serves is used (v1beta2 on current Cluster API,
 * v1beta1 on older management clusters).
 */
export interface WatchedKind {
  group: string;
  versions: string[];
  kind: string;
  plural: string;
}

const CORE = 'cluster.x-k8s.io';
const CONTROL_PLANE = 'controlplane.cluster.x-k8s.io';
const INFRA = 'infrastructure.cluster.x-k8s.io';
const CORE_VERSIONS = ['v1beta2', 'v1beta1'];
// CAPA serves v1beta2; CAPZ and CAPG serve v1beta1.
const INFRA_VERSIONS = ['v1beta2', 'v1beta1'];

const kind = (
  group: string,
  versions: string[],
  name: string,
  plural: string,
): WatchedKind => ({
  group,
  versions,
  kind: name,
  plural,
});

/** Everything the fleet model reads: CAPI core, control planes, and the three providers. */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  kind(CORE, CORE_VERSIONS, 'Cluster', 'clusters'),
  kind(CORE, CORE_VERSIONS, 'MachineDeployment', 'machinedeployments'),
  kind(CORE, CORE_VERSIONS, 'MachineSet', 'machinesets'),
  kind(CORE, CORE_VERSIONS, 'Machine', 'machines'),
  kind(CORE, CORE_VERSIONS, 'MachinePool', 'machinepools'),
  kind(CORE, CORE_VERSIONS, 'MachineHealthCheck', 'machinehealthchecks'),
  kind(CORE, CORE_VERSIONS, 'ClusterClass', 'clusterclasses'),
  kind(
    CONTROL_PLANE,
    CORE_VERSIONS,
    'KubeadmControlPlane',
    'kubeadmcontrolplanes',
  ),
  kind(
    CONTROL_PLANE,
    INFRA_VERSIONS,
    'AWSManagedControlPlane',
    'awsmanagedcontrolplanes',
  ),
  kind(INFRA, INFRA_VERSIONS, 'AWSCluster', 'awsclusters'),
  kind(INFRA, INFRA_VERSIONS, 'AWSManagedCluster', 'awsmanagedclusters'),
  kind(INFRA, INFRA_VERSIONS, 'AWSMachineTemplate', 'awsmachinetemplates'),
  kind(
    INFRA,
    INFRA_VERSIONS,
    'AWSClusterRoleIdentity',
    'awsclusterroleidentities',
  ),
  kind(INFRA, INFRA_VERSIONS, 'AzureCluster', 'azureclusters'),
  kind(INFRA, INFRA_VERSIONS, 'AzureManagedCluster', 'azuremanagedclusters'),
  kind(
    INFRA,
    INFRA_VERSIONS,
    'AzureManagedControlPlane',
    'azuremanagedcontrolplanes',
  ),
  kind(
    INFRA,
    INFRA_VERSIONS,
    'AzureManagedMachinePool',
    'azuremanagedmachinepools',
  ),
  kind(INFRA, INFRA_VERSIONS, 'AzureMachineTemplate', 'azuremachinetemplates'),
  kind(INFRA, INFRA_VERSIONS, 'AzureClusterIdentity', 'azureclusteridentities'),
  kind(INFRA, INFRA_VERSIONS, 'GCPCluster', 'gcpclusters'),
  kind(INFRA, INFRA_VERSIONS, 'GCPManagedCluster', 'gcpmanagedclusters'),
  kind(
    INFRA,
    INFRA_VERSIONS,
    'GCPManagedControlPlane',
    'gcpmanagedcontrolplanes',
  ),
  kind(
    INFRA,
    INFRA_VERSIONS,
    'GCPManagedMachinePool',
    'gcpmanagedmachinepools',
  ),
  kind(INFRA, INFRA_VERSIONS, 'GCPMachineTemplate', 'gcpmachinetemplates'),
];
