import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of a CAPI cluster for conditional (owner-scoped) permission decisions. */
export const MULTICLOUD_CLUSTER_RESOURCE_TYPE = 'multicloud-cluster';

/** Read a cluster and everything derived from it (health, cost, compliance, history). */
export const multicloudClusterReadPermission = createPermission({
  name: 'multicloud.cluster.read',
  attributes: { action: 'read' },
  resourceType: MULTICLOUD_CLUSTER_RESOURCE_TYPE,
});

/** Ask the placement engine for a recommendation; reads only. */
export const multicloudPlacementEvaluatePermission = createPermission({
  name: 'multicloud.placement.evaluate',
  attributes: { action: 'read' },
});

/** Start, resume or cancel a failover or failback run against the management cluster. */
export const multicloudFailoverExecutePermission = createPermission({
  name: 'multicloud.failover.execute',
  attributes: { action: 'update' },
  resourceType: MULTICLOUD_CLUSTER_RESOURCE_TYPE,
});

export const multicloudPermissions = [
  multicloudClusterReadPermission,
  multicloudPlacementEvaluatePermission,
  multicloudFailoverExecutePermission,
];
