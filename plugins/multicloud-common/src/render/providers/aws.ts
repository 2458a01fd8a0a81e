import { API_VERSIONS } from '../apiVersions';
import { ownedMetadata } from '../clusterMetadata';
import { machineDeploymentPool, workerPoolName } from '../machineDeployment';
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

/** cloud-init's instance hostname, as in CAPA's templates. */
const NODE_NAME = '{{ ds.meta_data.local_hostname }}';

const INSTANCE_PROFILES: Record<NodeRole, string> = {
  'control-plane': 'control-plane.cluster-api-provider-aws.sigs.k8s.io',
  worker: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
};

/** The identity CAPA assumes for this cluster; none: the controller's own (IRSA). */
function identityRef(ctx: RenderContext) {
  const name = ctx.spec.aws?.roleIdentityName;
  return name ? { identityRef: { kind: 'AWSClusterRoleIdentity', name } } : {};
}

function sshKey(ctx: RenderContext) {
  const name = ctx.spec.aws?.sshKeyName;
  return name ? { sshKeyName: name } : {};
}

/**
 * EBS volumes are unencrypted unless asked, so every node template encrypts its root volume
 * (the compliance check `disk-encryption` reads `rootVolume.encrypted`).
 */
function machineTemplate(
  ctx: RenderContext,
  name: string,
  role: NodeRole,
): Manifest {
  return {
    apiVersion: API_VERSIONS.aws,
    kind: 'AWSMachineTemplate',
    metadata: ownedMetadata(ctx.spec, name),
    spec: {
      template: {
        spec: {
          instanceType:
            role === 'control-plane'
              ? ctx.controlPlaneInstanceType
              : ctx.instanceType,
          iamInstanceProfile: INSTANCE_PROFILES[role],
          ...sshKey(ctx),
          rootVolume: {
            size: role === 'control-plane' ? 80 : 120,
            type: 'gp3',
            encrypted: true,
          },
        },
      },
    },
  };
}

export const awsKubeadm: KubeadmProvider = {
  // CAPA's template labels clusters for its cloud-controller-manager and EBS CSI
  // ClusterResourceSets; keeping the labels lets the platform's addon sets select them.
  clusterLabels: { ccm: 'external', csi: 'external' },
  infrastructureCluster: ctx => ({
    apiVersion: API_VERSIONS.aws,
    kind: 'AWSCluster',
    metadata: ownedMetadata(ctx.spec, ctx.spec.name),
    spec: {
      region: ctx.spec.region,
      controlPlaneLoadBalancer: {
        loadBalancerType: 'nlb',
        healthCheckProtocol: 'HTTPS',
      },
      ...sshKey(ctx),
      ...identityRef(ctx),
    },
  }),
  identities: () => [],
  machineTemplate,
  controlPlaneKubeadmConfig: ctx => ({
    clusterConfiguration: {
      controllerManager: { extraArgs: EXTERNAL_CLOUD_PROVIDER },
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
};

/** EKS: a managed control plane, workers as a MachineDeployment bootstrapped by EKSConfig. */
export const awsManaged: ManagedProvider = {
  managed(ctx) {
    const { spec } = ctx;
    const pool = workerPoolName(ctx);
    const bootstrap: Manifest = {
      apiVersion: API_VERSIONS.eksBootstrap,
      kind: 'EKSConfigTemplate',
      metadata: ownedMetadata(spec, pool),
      spec: { template: {} },
    };
    const workers = machineDeploymentPool(
      ctx,
      machineTemplate(ctx, pool, 'worker'),
      bootstrap,
    );
    const controlPlane: Manifest = {
      apiVersion: API_VERSIONS.awsControlPlane,
      kind: 'AWSManagedControlPlane',
      metadata: ownedMetadata(spec, `${spec.name}-control-plane`),
      spec: {
        region: spec.region,
        version: formatVersion(
          spec.kubernetesVersion,
          VERSION_FIELDS.AWSManagedControlPlane.format,
        ),
        // An IAM OIDC provider lets workloads use IAM roles for service accounts (IRSA).
        associateOIDCProvider: true,
        ...sshKey(ctx),
        ...identityRef(ctx),
      },
    };
    return {
      clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
      infrastructure: {
        apiVersion: API_VERSIONS.aws,
        kind: 'AWSManagedCluster',
        metadata: ownedMetadata(spec, spec.name),
        spec: {},
      },
      controlPlane,
      identities: [],
      workers: workers.objects,
      healthChecks: [workers.healthCheck],
    };
  },
};
