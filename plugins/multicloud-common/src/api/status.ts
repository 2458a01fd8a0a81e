/** Sync state of one watched kind on one management cluster (`GET /status`). */
export interface KindSyncState {
  kind: string;
  group: string;
  version: string;
  /** The initial list has completed at least once. */
  synced: boolean;
  /** A watch is established and no error happened since. */
  connected: boolean;
  objects: number;
  lastSyncTime?: string;
  lastError?: string;
  lastErrorTime?: string;
  consecutiveFailures: number;
  lists: number;
  watches: number;
}

export interface ManagementClusterStatus {
  name: string;
  /** Discovery succeeded and the kinds to watch are known. */
  discovered: boolean;
  /** When discovery succeeded and the kinds' lists and watches started. */
  watchingSince?: string;
  lastError?: string;
  kinds: KindSyncState[];
}

/** `GET /status`: whether the fleet data is complete and current. */
export interface FleetStatus {
  /** Every served kind has completed its initial list at least once. */
  synced: boolean;
  /** The data is the last known state: some watch is failing or not synced yet. */
  stale: boolean;
  version: number;
  lastChangeAt?: string;
  managementClusters: ManagementClusterStatus[];
}
