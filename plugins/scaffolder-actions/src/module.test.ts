import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { fleetServiceRef } from '@internal/plugin-multicloud-node';
import { fakeFleet } from './__testUtils__/fakeFleet';
import { scaffolderModuleMulticloud } from './module';

describe('scaffolderModuleMulticloud', () => {
  it('registers the multicloud actions with the scaffolder', async () => {
    const added: Array<{ id: string; supportsDryRun?: boolean }> = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...actions: any[]) => added.push(...actions) },
        ],
      ],
      features: [
        scaffolderModuleMulticloud,
        mockServices.rootConfig.factory({
          data: {
            multicloud: { gitops: { localRepositoryPath: '/tmp/unused.git' } },
          },
        }),
        createServiceFactory({
          service: fleetServiceRef,
          deps: {},
          factory: () => fakeFleet([]),
        }),
      ],
    });
    expect(added.map(a => [a.id, a.supportsDryRun])).toEqual([
      ['multicloud:placement:recommend', true],
      ['multicloud:cluster:render', true],
      ['multicloud:manifests:validate', true],
      ['multicloud:manifests:edit', true],
      ['multicloud:gitops:checkout', true],
      ['multicloud:gitops:publish', true],
      ['multicloud:service:link-clusters', true],
    ]);
  });
});
