import { z } from 'zod';
import { CLOUDS } from '../model/cloud';

export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const CLUSTER_FLAVORS = ['kubeadm', 'managed'] as const;
export type ClusterFlavor = (typeof CLUSTER_FLAVORS)[number];
export const CLUSTER_MODES = ['full', 'topology'] as const;
export type ClusterMode = (typeof CLUSTER_MODES)[number];
export const NODE_SIZES = ['small', 'medium', 'large'] as const;
export type NodeSize = (typeof NODE_SIZES)[number];

/** DNS-1123 label: names that end up in label values, hostnames and paths. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 subdomain (object names). */
export const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kubernetes label value (without the 63-character limit, checked separately). */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** `namespace/name` of a cluster (the failover annotation's format). */
const CLUSTER_REF =
  /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\/[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const UUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const GCP_PROJECT = /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/;
const GCP_KMS_KEY =
  /^projects\/[-_A-Za-z0-9]+\/locations\/[-_A-Za-z0-9]+\/keyRings\/[-_A-Za-z0-9]+\/cryptoKeys\/[-_A-Za-z0-9]+$/;

const dnsLabel = (max: number) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .regex(DNS_LABEL, {
      error:
        'must be a DNS-1123 label: lowercase letters, digits and -, starting and ending with a letter or digit',
    });

const labelValue = z
  .string()
  .min(1)
  .max(63, { error: 'must be at most 63 characters (a label value)' })
  .regex(LABEL_VALUE, {
    error:
      'must be a label value: letters, digits, -, _ and ., starting and ending with a letter or digit',
  });

const pattern = (re: RegExp, what: string) =>
  z.string().regex(re, { error: `must be ${what}` });

/**
 * What a new cluster is made of. Every string that reaches a file name, a label or a YAML
 * value is constrained here, so rendering never has to escape or trust its input.
 */
export const clusterSpecSchema = z
  .strictObject({
    name: dnsLabel(63),
    namespace: dnsLabel(63).default('default'),
    cloud: z.enum(CLOUDS),
    region: pattern(
      /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/,
      'a region name like us-west-2, westeurope or europe-west1',
    ),
    flavor: z.enum(CLUSTER_FLAVORS).default('kubeadm'),
    mode: z.enum(CLUSTER_MODES).default('full'),
    environment: z.enum(ENVIRONMENTS).default('development'),
    kubernetesVersion: pattern(
      /^v\d+\.\d+\.\d+$/,
      'a Kubernetes version like v1.33.1',
    ),
    size: z.enum(NODE_SIZES).default('medium'),
    /** Worker instance type; default: the cheapest of the size class in the price book. */
    instanceType: pattern(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      'an instance type name',
    ).optional(),
    /** kubeadm control-plane instance type; default: the cheapest `small` type. */
    controlPlaneInstanceType: pattern(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      'an instance type name',
    ).optional(),
    /** Owning team (a Group entity name in the default namespace: it becomes a label value). */
    owner: labelValue,
    system: labelValue.optional(),
    dataClass: labelValue.optional(),
    failover: z
      .strictObject({
        targets: z
          .array(pattern(CLUSTER_REF, 'namespace/name of a cluster'))
          .min(1),
        mode: z.enum(['manual', 'automatic']).default('manual'),
      })
      .optional(),
    mesh: z.boolean().default(false),
    /** ClusterClass of `mode: topology` (platform-owned); default `<cloud>-kubeadm`. */
    clusterClass: pattern(DNS_SUBDOMAIN, 'a ClusterClass name').optional(),
    aws: z
      .strictObject({
        /** AWSClusterRoleIdentity to assume; default: the controller's own identity (IRSA). */
        roleIdentityName: pattern(
          DNS_SUBDOMAIN,
          'an AWSClusterRoleIdentity name',
        ).optional(),
        sshKeyName: pattern(
          /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/,
          'an EC2 key pair name',
        ).optional(),
      })
      .optional(),
    azure: z
      .strictObject({
        subscriptionId: pattern(UUID, 'a subscription id (UUID)'),
        tenantId: pattern(UUID, 'a tenant id (UUID)'),
        /** Client id of the managed identity federated with the CAPZ controller (workload identity). */
        identityClientId: pattern(UUID, 'a client id (UUID)'),
      })
      .optional(),
    gcp: z
      .strictObject({
        project: pattern(GCP_PROJECT, 'a GCP project id'),
        network: dnsLabel(63).default('default'),
        /** Cloud KMS key for node disks; default `projects/<project>/locations/<region>/keyRings/capi/cryptoKeys/node-disks`. */
        kmsKeyName: pattern(
          GCP_KMS_KEY,
          'a Cloud KMS key name (projects/…/cryptoKeys/…)',
        ).optional(),
        image: pattern(
          /^[A-Za-z0-9][A-Za-z0-9/._-]{0,254}$/,
          'a Compute Engine image',
        ).optional(),
      })
      .optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.cloud === 'azure' && !spec.azure) {
      ctx.addIssue({
        code: 'custom',
        path: ['azure'],
        message:
          'is required for Azure clusters (subscriptionId, tenantId, identityClientId)',
      });
    }
    if (spec.cloud === 'gcp' && !spec.gcp) {
      ctx.addIssue({
        code: 'custom',
        path: ['gcp'],
        message: 'is required for GCP clusters (project)',
      });
    }
  });

export type ClusterSpecInput = z.input<typeof clusterSpecSchema>;
export type ClusterSpec = z.output<typeof clusterSpecSchema>;

/** Thrown for a spec that cannot be rendered; `problems` name the field of each. */
export class InvalidClusterSpecError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid cluster spec: ${problems.join('; ')}`);
    this.name = 'InvalidClusterSpecError';
  }
}

export function parseClusterSpec(input: unknown): ClusterSpec {
  const result = clusterSpecSchema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidClusterSpecError(
    result.error.issues.map(
      issue => `${issue.path.join('.') || 'spec'}: ${issue.message}`,
    ),
  );
}
