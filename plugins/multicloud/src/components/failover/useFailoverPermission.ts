import { usePermission } from '@backstage/plugin-permission-react';
import { multicloudFailoverExecutePermission } from '@internal/plugin-multicloud-common';

/** Why an action is unavailable, in words for the person looking at the disabled button. */
export const FAILOVER_DENIED_EXPLANATION = `Starting or cancelling a failover needs the ${multicloudFailoverExecutePermission.name} permission on this cluster; ask the platform team.`;

/** Whether the signed-in user may start or cancel runs of `cluster` (the backend checks again). */
export function useFailoverPermission(cluster: string) {
  return usePermission({
    permission: multicloudFailoverExecutePermission,
    resourceRef: cluster,
  });
}
