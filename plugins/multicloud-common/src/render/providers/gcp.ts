import { API_VERSIONS, refTo } from '../apiVersions';
import type { ClusterSpec } from '../ClusterSpec';
import { ownedMetadata } from '../clusterMetadata';
import { formatVersion, VERSION_FIELDS } from '../versions';
import type { Manifest } from '../types';
import {
  EXTERNAL_CLOUD_PROVIDER,
  nodeRegistration,
  type KubeadmProvider,
  type ManagedProvider,
  type NodeRole,
  type RenderContext,
} from './types';

/** cloud-init's short hostname, as in CAPG's templates. */
const NODE_NAME = '{{ ds.meta_data.local_hostname.split(".")[0] }}';

function gcp(spec: ClusterSpec) {
  // The spec schema requires the GCP block for GCP clusters.
  return spec.gcp!;
}

/** The Cloud KMS key for node disks: configured, or the platform convention per region. */
export function nodeDiskKey(spec: ClusterSpec): string {
  const { project, kmsKeyName } = gcp(spec);
  return (
    kmsKeyName ??
    `projects/${project}/locations/${spec.region}/keyRings/capi/cryptoKeys/node-disks`
  );
}

/**
 * GCE always encrypts disks with Google-held keys, which proves nothing; a customer-managed
 * Cloud KMS key is what the `disk-encryption` check asks of GCP.
 */
function machineTemplate(
  ctx: RenderContext,
  name: string,
  role: NodeRole,
): Manifest {
  const image = gcp(ctx.spec).image;
  return {
    apiVersion: API_VERSIONS.gcp,
    kind: 'GCPMachineTemplate',
    metadata: ownedMetadata(ctx.spec, name),
    spec: {
      template: {
        spec: {
          instanceType:
            role === 'control-plane'
              ? ctx.controlPlaneInstanceType
              : ctx.instanceType,
          ...(image ? { image } : {}),
          rootDiskEncryptionKey: {
            keyType: 'Managed',
            managedKey: { kmsKeyName: nodeDiskKey(ctx.spec) },
          },
        },
      },
    },
  };
}

/**
 * The GCE cloud provider left the kubelet in Kubernetes 1.31, so nodes run the external
 * cloud-controller-manager (CAPG's `external-cloud-provider` flavor) instead of the in-tree
 * `cloud-provider: gce` of its older default template.
 */
export const gcpKubeadm: KubeadmProvider = {
  clusterLabels: {},
  infrastructureCluster: ctx => ({
    apiVersion: API_VERSIONS.gcp,
    kind: 'GCPCluster',
    metadata: ownedMetadata(ctx.spec, ctx.spec.name),
    spec: {
      project: gcp(ctx.spec).project,
      region: ctx.spec.region,
      network: { name: gcp(ctx.spec).network },
    },
  }),
  identities: () => [],
  machineTemplate,
  controlPlaneKubeadmConfig: ctx => ({
    clusterConfiguration: {
      controllerManager: {
        extraArgs: [
          ...EXTERNAL_CLOUD_PROVIDER,
          { name: 'allocate-node-cidrs', value: 'false' },
        ],
      },
    },
    initConfiguration: {
      nodeRegistration: nodeRegistration(NODE_NAME, {
        untainted: ctx.profile.untaintControlPlane,
      }),
    },
    joinConfiguration: {
      nodeRegistration: nodeRegistration(NODE_NAME, {
        untainted: ctx.profile.untaintControlPlane,
      }),
    },
  }),
  workerKubeadmConfig: () => ({
    joinConfiguration: { nodeRegistration: nodeRegistration(NODE_NAME) },
  }),
  topologyVariables: ctx => [
    { name: 'region', value: ctx.spec.region },
    { name: 'controlPlaneMachineType', value: ctx.controlPlaneInstanceType },
    { name: 'workerMachineType', value: ctx.instanceType },
  ],
};

/**
 * Zones of a GKE node pool. CAPG splits a pool's replicas evenly over its zones and refuses
 * replicas that are not a multiple of the zone count, so pools smaller than the regional
 * default of three zones are pinned to as many zones as they have nodes (zones `b` and `c`
 * exist in every GCP region; `a` does not).
 */
export function gkeNodeLocations(
  region: string,
  minNodes: number,
): string[] | undefined {
  if (minNodes % 3 === 0) return undefined;
  return ['b', 'c']
    .slice(0, Math.min(minNodes, 2))
    .map(zone => `${region}-${zone}`);
}

/** GKE: a managed regional control plane and one node pool scaled by GKE's autoscaler. */
export const gcpManaged: ManagedProvider = {
  managed(ctx) {
    const { spec, profile } = ctx;
    const { project, network } = gcp(spec);
    const poolName = `${spec.name}-mp-0`;
    const nodeLocations = gkeNodeLocations(spec.region, profile.workers.min);
    const nodePool: Manifest = {
      apiVersion: API_VERSIONS.gcp,
      kind: 'GCPManagedMachinePool',
      metadata: ownedMetadata(spec, poolName),
      spec: {
        machineType: ctx.instanceType,
        // Totals across the pool's zones (CAPG sets GKE's total min/max node counts).
        scaling: {
          enableAutoscaling: true,
          minCount: profile.workers.min,
          maxCount: profile.workers.max,
        },
        ...(nodeLocations ? { nodeLocations } : {}),
      },
    };
    const machinePool: Manifest = {
      apiVersion: API_VERSIONS.cluster,
      kind: 'MachinePool',
      metadata: ownedMetadata(spec, poolName),
      spec: {
        clusterName: spec.name,
        replicas: profile.workers.min,
        template: {
          spec: {
            clusterName: spec.name,
            bootstrap: { dataSecretName: '' },
            infrastructureRef: refTo(nodePool),
          },
        },
      },
    };
    return {
      clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
      infrastructure: {
        apiVersion: API_VERSIONS.gcp,
        kind: 'GCPManagedCluster',
        metadata: ownedMetadata(spec, spec.name),
        spec: { project, region: spec.region, network: { name: network } },
      },
      controlPlane: {
        apiVersion: API_VERSIONS.gcp,
        kind: 'GCPManagedControlPlane',
        metadata: ownedMetadata(spec, `${spec.name}-control-plane`),
        spec: {
          project,
          location: spec.region,
          clusterName: spec.name,
          version: formatVersion(
            spec.kubernetesVersion,
            VERSION_FIELDS.GCPManagedControlPlane.format,
          ),
          releaseChannel:
            spec.environment === 'production' ? 'stable' : 'regular',
          // GKE Workload Identity: pods get Google service-account tokens, no key files.
          clusterSecurity: {
            workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` },
          },
        },
      },
      identities: [],
      workers: [machinePool, nodePool],
      // GKE repairs its nodes (node auto-repair); MachineHealthChecks cover MachineDeployments.
      healthChecks: [],
    };
  },
};
