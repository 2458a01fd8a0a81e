/**
 * The minimal shape of a Kubernetes object that the pure domain reads. Objects come from
 * the management cluster as JSON; every field is optional because a malformed object must
 * not break the fleet (it marks its own cluster with an error instead).
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion?: string;
      kind?: string;
      name?: string;
      uid?: string;
      controller?: boolean;
    }>;
  };
  spec?: any;
  status?: any;
}

/** A Kubernetes/CAPI condition, v1beta1 (`severity`) or v1beta2 (metav1.Condition) shape. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  severity?: 'Error' | 'Warning' | 'Info' | '';
  lastTransitionTime?: string;
}

/** `namespace/name` of a cluster: the identity used across the API, catalog and metrics. */
export type ClusterRef = string;

export function clusterRef(namespace: string, name: string): ClusterRef {
  return `${namespace}/${name}`;
}
