import type {
  ClusterRef,
  ClusterSummary,
  FleetStatus,
  FleetSummary,
  KubeObject,
} from '@internal/plugin-multicloud-common';

/** One version of the fleet: immutable, shared by every reader until the next change. */
export interface FleetView {
  version: number;
  builtAt: string;
  /** Sorted by ref. */
  clusters: readonly ClusterSummary[];
  summary: FleetSummary;
  /** Some kind is not synced or its watch is failing: this is the last known state. */
  stale: boolean;
}

/**
 * The shared watch cache of the management clusters: one per backend process, read by the
 * API, metrics, failover, the catalog provider and the Kubernetes module.
 */
export interface FleetService {
  getFleet(): FleetView;
  getStatus(): FleetStatus;
  getCluster(ref: ClusterRef): ClusterSummary | undefined;
  /** The CAPI objects attributed to a cluster, for its detail and condition tree. */
  getClusterObjects(ref: ClusterRef): KubeObject[];
  /** Called after each new fleet version; returns an unsubscribe function. */
  subscribe(listener: (fleet: FleetView) => void): () => void;
}
