import type {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  multicloudClusterReadPermission,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { multicloudClusterResourceRef } from '../permissions/clusterResource';

/** Which clusters a request may see: all of them, or those passing a predicate. */
export type ClusterAccess =
  | { scope: 'all' }
  | {
      scope: 'filtered';
      variant: string;
      allows: (cluster: ClusterSummary) => boolean;
    };

/**
 * Authorises `multicloud.cluster.read` once per request and turns a conditional decision
 * (for example "clusters owned by my groups") into a predicate over the shared cache, so
 * per-user authorisation and one watch cache go together.
 */
export function createClusterAccessResolver(options: {
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
}) {
  const authorize = createConditionAuthorizer(
    options.permissionsRegistry.getPermissionRuleset(
      multicloudClusterResourceRef,
    ),
  );
  return async (credentials: BackstageCredentials): Promise<ClusterAccess> => {
    const [decision] = await options.permissions.authorizeConditional(
      [{ permission: multicloudClusterReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return {
        scope: 'filtered',
        variant: JSON.stringify(decision.conditions),
        allows: cluster => authorize(decision, cluster),
      };
    }
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        'multicloud.cluster.read is not allowed for this user',
      );
    }
    return { scope: 'all' };
  };
}
