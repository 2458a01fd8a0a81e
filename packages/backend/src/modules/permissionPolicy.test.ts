import { ConfigReader } from '@backstage/config';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  multicloudClusterReadPermission,
  multicloudFailoverExecutePermission,
} from '@internal/plugin-multicloud-common';
import { ConfigPermissionPolicy } from './permissionPolicy';

function user(userEntityRef: string, groups: string[] = []): PolicyQueryUser {
  return {
    identity: { type: 'user', userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
    token: 'token',
    credentials: {} as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

const catalogCreate = createPermission({
  name: 'catalog.entity.create',
  attributes: { action: 'create' },
});

describe('ConfigPermissionPolicy', () => {
  const policy = ConfigPermissionPolicy.fromConfig(
    new ConfigReader({ multicloud: { permissions: { admins: ['group:default/platform-team'] } } }),
  );
  const admin = user('user:default/ada', ['group:default/Platform-Team']);
  const member = user('user:default/bob', ['group:default/team-payments']);

  it('lets admin group members execute failover', async () => {
    await expect(
      policy.handle({ permission: multicloudFailoverExecutePermission }, admin),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies failover to everyone else, even with read access by default', async () => {
    await expect(
      policy.handle({ permission: multicloudFailoverExecutePermission }, member),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: multicloudClusterReadPermission }, member),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies everything to non-admins when the default is deny', async () => {
    const strict = ConfigPermissionPolicy.fromConfig(
      new ConfigReader({
        multicloud: { permissions: { admins: ['group:default/platform-team'], defaultAccess: 'deny' } },
      }),
    );
    await expect(strict.handle({ permission: multicloudClusterReadPermission }, member)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(strict.handle({ permission: catalogCreate }, member)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(strict.handle({ permission: catalogCreate }, admin)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('scopes cluster reads to owned clusters when ownerScopedReads is on', async () => {
    const scoped = ConfigPermissionPolicy.fromConfig(
      new ConfigReader({
        multicloud: { permissions: { admins: ['group:default/platform-team'], ownerScopedReads: true } },
      }),
    );
    await expect(
      scoped.handle({ permission: multicloudClusterReadPermission }, member),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'multicloud',
      resourceType: 'multicloud-cluster',
      conditions: {
        rule: 'IS_CLUSTER_OWNER',
        resourceType: 'multicloud-cluster',
        params: { claims: ['user:default/bob', 'group:default/team-payments'] },
      },
    });
    await expect(scoped.handle({ permission: multicloudClusterReadPermission }, admin)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies requests without a user', async () => {
    await expect(policy.handle({ permission: multicloudClusterReadPermission })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('rejects an unknown default access value, naming the key', () => {
    expect(() =>
      ConfigPermissionPolicy.fromConfig(
        new ConfigReader({ multicloud: { permissions: { defaultAccess: 'all' } } }),
      ),
    ).toThrow("multicloud.permissions.defaultAccess: must be 'read' or 'deny', got 'all'");
  });
});
