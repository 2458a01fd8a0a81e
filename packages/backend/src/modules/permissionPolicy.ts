import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  multicloudClusterReadPermission,
  multicloudFailoverExecutePermission,
} from '@internal/plugin-multicloud-common';
import {
  createMulticloudClusterConditionalDecision,
  multicloudClusterConditions,
} from '@internal/plugin-multicloud-backend/alpha';

/** What non-admin users may do, from `multicloud.permissions.defaultAccess`. */
export type DefaultAccess = 'read' | 'deny';

/**
 * The portal's permission policy, driven by `multicloud.permissions`:
 * - members of an admin group (or admin users) may do everything;
 * - failover execution is for admins only, whatever the default;
 * - everyone else signed in gets `defaultAccess`: `read` allows the rest of the portal
 *   (reading, placement, templates), `deny` allows nothing;
 * - with `ownerScopedReads`, non-admins read only the clusters their groups own (a
 *   conditional decision the multicloud backend applies per request over its cache).
 */
export class ConfigPermissionPolicy implements PermissionPolicy {
  private readonly admins: Set<string>;
  private readonly defaultAccess: DefaultAccess;
  private readonly ownerScopedReads: boolean;

  static fromConfig(config: Config): ConfigPermissionPolicy {
    const admins = config.getOptionalStringArray('multicloud.permissions.admins') ?? [];
    const defaultAccess = config.getOptionalString('multicloud.permissions.defaultAccess') ?? 'read';
    if (defaultAccess !== 'read' && defaultAccess !== 'deny') {
      throw new Error(
        `multicloud.permissions.defaultAccess: must be 'read' or 'deny', got '${defaultAccess}'`,
      );
    }
    const ownerScopedReads =
      config.getOptionalBoolean('multicloud.permissions.ownerScopedReads') ?? false;
    return new ConfigPermissionPolicy(admins, defaultAccess, ownerScopedReads);
  }

  constructor(admins: string[], defaultAccess: DefaultAccess, ownerScopedReads = false) {
    this.admins = new Set(admins.map(ref => ref.toLocaleLowerCase('en-US')));
    this.defaultAccess = defaultAccess;
    this.ownerScopedReads = ownerScopedReads;
  }

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (user && this.isAdmin(user)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(request.permission, multicloudFailoverExecutePermission)) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      user &&
      this.defaultAccess === 'read' &&
      this.ownerScopedReads &&
      isPermission(request.permission, multicloudClusterReadPermission)
    ) {
      return createMulticloudClusterConditionalDecision(
        request.permission,
        multicloudClusterConditions.isClusterOwner({ claims: user.info.ownershipEntityRefs }),
      );
    }
    return {
      result: this.defaultAccess === 'read' && user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    };
  }

  private isAdmin(user: PolicyQueryUser): boolean {
    const refs = [user.info.userEntityRef, ...user.info.ownershipEntityRefs];
    return refs.some(ref => this.admins.has(ref.toLocaleLowerCase('en-US')));
  }
}

export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'multicloud-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(ConfigPermissionPolicy.fromConfig(config));
      },
    });
  },
});
