/**
 * Label and annotation keys of the multicloud contract. They live on CAPI objects in the
 * GitOps repository, so every package (simulator, renderer, backend, catalog) reads the
 * same names from here.
 */
export const MULTICLOUD_LABELS = {
  owner: 'multicloud.io/owner',
  system: 'multicloud.io/system',
  environment: 'multicloud.io/environment',
  dataClass: 'multicloud.io/data-class',
} as const;

export const MULTICLOUD_ANNOTATIONS = {
  /** Ordered, comma-separated list of `namespace/name` failover targets (first healthy wins). */
  failoverTarget: 'multicloud.io/failover-target',
  /** `manual` (default) or `automatic`. */
  failoverMode: 'multicloud.io/failover-mode',
  /** Set on the primary by a failover run: `failed-over`; removed by failback. */
  failoverState: 'multicloud.io/failover-state',
  /** Traffic share 0–100 for DNS or mesh controllers. */
  trafficWeight: 'multicloud.io/traffic-weight',
  /** Istio sidecar / mesh enrollment requested for the cluster. */
  meshEnrollment: 'multicloud.io/mesh',
} as const;

/** Annotations of the catalog entities the suite creates (not of CAPI objects). */
export const MULTICLOUD_CATALOG_ANNOTATIONS = {
  /** On each `kubernetes-cluster` Resource: `<namespace>/<name>` of its CAPI cluster. */
  clusterRef: 'multicloud.io/cluster-ref',
} as const;

/** Cluster API conventions the domain reads. */
export const CAPI_LABELS = {
  clusterName: 'cluster.x-k8s.io/cluster-name',
  controlPlane: 'cluster.x-k8s.io/control-plane',
  deploymentName: 'cluster.x-k8s.io/deployment-name',
  machinePoolName: 'cluster.x-k8s.io/pool-name',
} as const;

export const CAPI_AUTOSCALER_ANNOTATIONS = {
  minSize: 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size',
  maxSize: 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size',
} as const;

/** The catalog label the Kubernetes plugin uses to find a service's workloads. */
export const BACKSTAGE_KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
