/**
 * Annotations a failover run writes on the primary next to `multicloud.io/failover-state`,
 * so `kubectl get cluster -o yaml` says who failed it over, when and to where.
 */
export const FAILOVER_RECORD_ANNOTATIONS = {
  by: 'multicloud.io/failed-over-by',
  at: 'multicloud.io/failed-over-at',
  to: 'multicloud.io/failed-over-to',
} as const;

/** Value of `multicloud.io/failover-state` on a primary whose traffic moved to its standby. */
export const FAILED_OVER_STATE = 'failed-over';

/** Traffic weights a failover sets (`multicloud.io/traffic-weight`, 0–100). */
export const TRAFFIC_WEIGHT = { active: '100', drained: '0' } as const;
