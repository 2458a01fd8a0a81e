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

/** cloud-init's instance hostname, as in CAPZ's templates. */
const NODE_NAME = '{{ ds.meta_data["local_hostname"] }}';

function azure(spec: ClusterSpec) {
  // The spec schema requires the Azure block for Azure clusters.
  return spec.azure!;
}

/**
 * A per-cluster AzureClusterIdentity of type WorkloadIdentity: the CAPZ controller gets
 * federated tokens, no client secret exists (the `workload-identity` check reads its type).
 * Per cluster, so each cluster directory is self-contained in the GitOps repository.
 */
function identity(ctx: RenderContext): Manifest {
  const { spec } = ctx;
  return {
    apiVersion: API_VERSIONS.azure,
    kind: 'AzureClusterIdentity',
    metadata: ownedMetadata(spec, `${spec.name}-identity`, {
      labels: { 'clusterctl.cluster.x-k8s.io/move-hierarchy': 'true' },
    }),
    spec: {
      type: 'WorkloadIdentity',
      clientID: azure(spec).identityClientId,
      tenantID: azure(spec).tenantId,
      allowedNamespaces: { list: [spec.namespace] },
    },
  };
}

function identityRef(ctx: RenderContext) {
  const id = identity(ctx);
  return {
    apiVersion: id.apiVersion,
    kind: id.kind,
    name: id.metadata.name,
    namespace: ctx.spec.namespace,
  };
}

/** CAPZ writes each machine template's cloud-provider config to `<template>-azure-json`. */
function azureJson(templateName: string, key: string) {
  return {
    contentFrom: { secret: { key, name: `${templateName}-azure-json` } },
    owner: 'root:root',
    path: '/etc/kubernetes/azure.json',
    permissions: '0644',
  };
}

/**
 * Encryption at host encrypts the OS, data and temporary disks with platform keys on the
 * VM host (the provider-side default encrypts only at rest), which is what the
 * `disk-encryption` check asks of Azure. Needs the subscription's EncryptionAtHost feature.
 */
function machineTemplate(
  ctx: RenderContext,
  name: string,
  role: NodeRole,
): Manifest {
  const controlPlane = role === 'control-plane';
  return {
    apiVersion: API_VERSIONS.azure,
    kind: 'AzureMachineTemplate',
    metadata: ownedMetadata(ctx.spec, name),
    spec: {
      template: {
        spec: {
          vmSize: controlPlane
            ? ctx.controlPlaneInstanceType
            : ctx.instanceType,
          osDisk: { osType: 'Linux', diskSizeGB: 128 },
          // etcd on its own data disk, as in CAPZ's template.
          ...(controlPlane
            ? {
                dataDisks: [
                  { diskSizeGB: 256, lun: 0, nameSuffix: 'etcddisk' },
                ],
              }
            : {}),
          securityProfile: { encryptionAtHost: true },
        },
      },
    },
  };
}

export const azureKubeadm: KubeadmProvider = {
  clusterLabels: {},
  infrastructureCluster: ctx => ({
    apiVersion: API_VERSIONS.azure,
    kind: 'AzureCluster',
    metadata: ownedMetadata(ctx.spec, ctx.spec.name),
    spec: {
      location: ctx.spec.region,
      subscriptionID: azure(ctx.spec).subscriptionId,
      resourceGroup: ctx.spec.name,
      identityRef: identityRef(ctx),
      networkSpec: {
        vnet: { name: `${ctx.spec.name}-vnet` },
        subnets: [
          { name: 'control-plane-subnet', role: 'control-plane' },
          { name: 'node-subnet', role: 'node' },
        ],
      },
    },
  }),
  identities: ctx => [identity(ctx)],
  machineTemplate,
  controlPlaneKubeadmConfig: (ctx, templateName) => ({
    clusterConfiguration: {
      controllerManager: {
        extraArgs: [
          { name: 'allocate-node-cidrs', value: 'false' },
          ...EXTERNAL_CLOUD_PROVIDER,
          { name: 'cluster-name', value: ctx.spec.name },
        ],
      },
      etcd: {
        local: {
          dataDir: '/var/lib/etcddisk/etcd',
          extraArgs: [{ name: 'quota-backend-bytes', value: '8589934592' }],
        },
      },
    },
    diskSetup: {
      filesystems: [
        {
          device: '/dev/disk/azure/scsi1/lun0',
          extraOpts: ['-E', 'lazy_itable_init=1,lazy_journal_init=1'],
          filesystem: 'ext4',
          label: 'etcd_disk',
        },
      ],
      partitions: [
        {
          device: '/dev/disk/azure/scsi1/lun0',
          layout: true,
          overwrite: false,
          tableType: 'gpt',
        },
      ],
    },
    mounts: [['LABEL=etcd_disk', '/var/lib/etcddisk']],
    files: [azureJson(templateName, 'control-plane-azure.json')],
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
  workerKubeadmConfig: (_ctx, templateName) => ({
    files: [azureJson(templateName, 'worker-node-azure.json')],
    joinConfiguration: { nodeRegistration: nodeRegistration(NODE_NAME) },
  }),
  topologyVariables: ctx => [
    { name: 'location', value: ctx.spec.region },
    { name: 'controlPlaneMachineType', value: ctx.controlPlaneInstanceType },
    { name: 'workerMachineType', value: ctx.instanceType },
  ],
};

/** AKS: a managed control plane, one System node pool scaled by AKS's own autoscaler. */
export const azureManaged: ManagedProvider = {
  managed(ctx) {
    const { spec, profile } = ctx;
    const poolName = `${spec.name}-pool0`;
    const agentPool: Manifest = {
      apiVersion: API_VERSIONS.azure,
      kind: 'AzureManagedMachinePool',
      metadata: ownedMetadata(spec, poolName),
      spec: {
        mode: 'System',
        name: 'pool0',
        sku: ctx.instanceType,
        scaling: { minSize: profile.workers.min, maxSize: profile.workers.max },
        enableEncryptionAtHost: true,
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
            version: spec.kubernetesVersion,
            bootstrap: { dataSecretName: '' },
            infrastructureRef: refTo(agentPool),
          },
        },
      },
    };
    return {
      clusterNetwork: { services: { cidrBlocks: ['192.168.0.0/16'] } },
      infrastructure: {
        apiVersion: API_VERSIONS.azure,
        kind: 'AzureManagedCluster',
        metadata: ownedMetadata(spec, spec.name),
      },
      controlPlane: {
        apiVersion: API_VERSIONS.azure,
        kind: 'AzureManagedControlPlane',
        metadata: ownedMetadata(spec, spec.name),
        spec: {
          identityRef: identityRef(ctx),
          location: spec.region,
          resourceGroupName: spec.name,
          subscriptionID: azure(spec).subscriptionId,
          version: formatVersion(
            spec.kubernetesVersion,
            VERSION_FIELDS.AzureManagedControlPlane.format,
          ),
          // Free has no uptime SLA: production runs on Standard (the `control-plane-ha` check).
          sku: {
            tier: spec.environment === 'production' ? 'Standard' : 'Free',
          },
          oidcIssuerProfile: { enabled: true },
          securityProfile: { workloadIdentity: { enabled: true } },
        },
      },
      identities: [identity(ctx)],
      workers: [machinePool, agentPool],
      // Node pools are repaired by AKS (node auto-repair); MachineHealthChecks cover MachineDeployments.
      healthChecks: [],
    };
  },
};
