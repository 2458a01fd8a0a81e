import type { ClusterSpec, Environment } from './ClusterSpec';

/** Worker bounds of a pool: the cluster autoscaler keeps the node count within them. */
export interface WorkerBounds {
  min: number;
  max: number;
}

/**
 * The seed's environment promotion ("Development: single-node clusters for testing; Staging:
 * multi-node clusters with reduced replicas; Production: full HA clusters") as numbers. The
 * production figures are the seed's architecture: 3 control-plane nodes, 3–10 autoscaled
 * workers.
 */
export interface EnvironmentProfile {
  controlPlaneReplicas: number;
  workers: WorkerBounds;
  /**
   * Development runs workloads on its single (kubeadm) control-plane node, so it starts with
   * no worker and may add one; everything else keeps workloads off the control plane.
   */
  workloadsOnControlPlane: boolean;
}

export const ENVIRONMENT_PROFILES: Record<Environment, EnvironmentProfile> = {
  development: {
    controlPlaneReplicas: 1,
    workers: { min: 0, max: 1 },
    workloadsOnControlPlane: true,
  },
  staging: {
    controlPlaneReplicas: 1,
    workers: { min: 2, max: 5 },
    workloadsOnControlPlane: false,
  },
  production: {
    controlPlaneReplicas: 3,
    workers: { min: 3, max: 10 },
    workloadsOnControlPlane: false,
  },
};

/** The profile as it applies to one cluster shape. */
export interface ResolvedProfile {
  /** kubeadm control-plane nodes; 0 for a managed control plane. */
  controlPlaneReplicas: number;
  workers: WorkerBounds;
  /** Remove kubeadm's control-plane taint (only a single-node kubeadm cluster in full mode). */
  untaintControlPlane: boolean;
}

/**
 * Managed control planes have no nodes to run workloads on, and a topology cluster's
 * control-plane taint belongs to its ClusterClass: both need at least one worker, so
 * "single node" means one worker there.
 */
export function resolveProfile(spec: ClusterSpec): ResolvedProfile {
  const profile = ENVIRONMENT_PROFILES[spec.environment];
  const untaint =
    profile.workloadsOnControlPlane &&
    spec.flavor === 'kubeadm' &&
    spec.mode === 'full';
  const min = untaint ? profile.workers.min : Math.max(1, profile.workers.min);
  return {
    controlPlaneReplicas:
      spec.flavor === 'kubeadm' ? profile.controlPlaneReplicas : 0,
    workers: { min, max: Math.max(min, profile.workers.max) },
    untaintControlPlane: untaint,
  };
}
