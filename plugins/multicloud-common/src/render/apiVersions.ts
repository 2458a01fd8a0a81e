/**
 * API versions of the CRDs shipped in `crds/` (CAPI core v1.14 serves v1beta2 as storage;
 * CAPA serves v1beta2 only; CAPZ and CAPG serve v1beta1 only). Rendered objects use the
 * storage version of each kind, so nothing depends on a deprecated conversion.
 */
export const GROUPS = {
  cluster: 'cluster.x-k8s.io',
  controlPlane: 'controlplane.cluster.x-k8s.io',
  bootstrap: 'bootstrap.cluster.x-k8s.io',
  infrastructure: 'infrastructure.cluster.x-k8s.io',
} as const;

export const API_VERSIONS = {
  cluster: `${GROUPS.cluster}/v1beta2`,
  kubeadmControlPlane: `${GROUPS.controlPlane}/v1beta2`,
  kubeadmBootstrap: `${GROUPS.bootstrap}/v1beta2`,
  /** EKSConfigTemplate (CAPA). */
  eksBootstrap: `${GROUPS.bootstrap}/v1beta2`,
  /** AWSManagedControlPlane (CAPA). */
  awsControlPlane: `${GROUPS.controlPlane}/v1beta2`,
  aws: `${GROUPS.infrastructure}/v1beta2`,
  azure: `${GROUPS.infrastructure}/v1beta1`,
  gcp: `${GROUPS.infrastructure}/v1beta1`,
} as const;

/** A v1beta2 `ContractVersionedObjectReference`: group and kind, no version. */
export interface ObjectRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** The v1beta2 reference to an object of the same namespace. */
export function refTo(obj: {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
}): ObjectRef {
  return {
    apiGroup: obj.apiVersion.slice(0, obj.apiVersion.lastIndexOf('/')),
    kind: obj.kind,
    name: obj.metadata.name,
  };
}
