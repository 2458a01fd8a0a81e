import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  DEFAULT_COMPLIANCE_RULES,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import path from 'node:path';
import { createEditAction } from './actions/edit/createEditAction';
import { createCheckoutAction } from './actions/gitops/createCheckoutAction';
import { createPublishAction } from './actions/gitops/createPublishAction';
import { createRenderAction } from './actions/render/createRenderAction';
import { createLinkClustersAction } from './actions/service/createLinkClustersAction';
import { createValidateAction } from './actions/validate/createValidateAction';
import { clusterInput } from './__testUtils__/clusterInputs';
import { fakeFleet } from './__testUtils__/fakeFleet';
import { tempDir } from './__testUtils__/workspace';

/**
 * Every path a template hands to an action is checked the same way: no absolute paths, no
 * `..`, no way out through a symlink; nothing is written or read outside the workspace.
 */
describe('workspace paths of every action', () => {
  let workspace: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  beforeEach(() => {
    workspace = tempDir('sec-ws-');
    outside = tempDir('sec-out-');
    fs.writeFileSync(path.join(outside.dir, 'secret.yaml'), 'kind: Secret\n');
    fs.symlinkSync(outside.dir, path.join(workspace.dir, 'escape'));
    fs.mkdirSync(path.join(workspace.dir, 'dir'));
    fs.symlinkSync(
      path.join(outside.dir, 'secret.yaml'),
      path.join(workspace.dir, 'dir', 'linked.yaml'),
    );
  });
  afterEach(() => {
    workspace.cleanup();
    outside.cleanup();
  });

  const prices = new PriceBook();
  const gitops = { repositoryPath: '', baseBranch: 'main' };
  const actions = {
    render: [createRenderAction({ prices }), 'targetPath', clusterInput()],
    validate: [
      createValidateAction({
        fleet: fakeFleet([]),
        rules: DEFAULT_COMPLIANCE_RULES,
        prices,
      }),
      'path',
      {},
    ],
    edit: [createEditAction(), 'path', { kubernetesVersion: 'v1.34.0' }],
    link: [
      createLinkClustersAction(),
      'path',
      { entityRef: 'x', clusters: ['resource:default/y'] },
    ],
    checkout: [
      createCheckoutAction({ gitops }),
      'targetPath',
      { repositoryPath: 'clusters/x' },
    ],
    publish: [
      createPublishAction({ gitops }),
      'sourcePath',
      { targetPath: 'clusters/x', branch: 'cluster/x', title: 't' },
    ],
  } as const;

  const run = async (name: keyof typeof actions, value: string) => {
    const [action, field, input] = actions[name];
    // Give the local repository a real path where the action needs one to get to the check.
    gitops.repositoryPath = path.join(outside.dir, 'repo.git');
    const ctx = createMockActionContext({
      input: { ...input, [field]: value } as any,
      workspacePath: workspace.dir,
      logger: mockServices.logger.mock(),
    });
    await (action as any).handler(ctx);
  };

  const cases = Object.keys(actions).flatMap(name => [
    [
      name,
      '../outside',
      "must stay inside the workspace ('..' is not allowed)",
    ],
    [name, '/etc', 'must be relative to the workspace, got an absolute path'],
    [
      name,
      'escape/inside',
      'must stay inside the workspace (a symlink leads outside)',
    ],
  ]) as Array<[keyof typeof actions, string, string]>;

  it.each(cases)('%s refuses %j', async (name, value, message) => {
    const field = actions[name][1];
    await expect(run(name, value)).rejects.toThrow(`${field}: ${message}`);
    expect(fs.readdirSync(outside.dir)).toEqual(['secret.yaml']);
  });

  it.each(['validate', 'edit', 'publish'] as const)(
    '%s refuses to read a symlinked file inside a directory',
    async name => {
      await expect(run(name, 'dir')).rejects.toThrow(
        /linked.yaml is a symlink; only regular files are read/,
      );
    },
  );

  it('link refuses to write through a dangling symlink', async () => {
    fs.symlinkSync(
      path.join(outside.dir, 'new.yaml'),
      path.join(workspace.dir, 'dangling.yaml'),
    );
    const ctx = createMockActionContext({
      input: {
        path: 'dangling.yaml',
        entityRef: 'component:default/a',
        clusters: ['resource:default/b'],
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'a' },
          spec: {},
        },
      } as any,
      workspacePath: workspace.dir,
    });
    await expect(
      createLinkClustersAction().handler(ctx as any),
    ).rejects.toThrow(
      'path: dangling.yaml is a symlink; refusing to write through it',
    );
    expect(fs.existsSync(path.join(outside.dir, 'new.yaml'))).toBe(false);
  });
});
