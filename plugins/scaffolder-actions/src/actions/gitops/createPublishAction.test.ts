import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { logsOf, outputsOf, tempDir } from '../../__testUtils__/workspace';
import { createCheckoutAction } from './createCheckoutAction';
import { createPublishAction } from './createPublishAction';

/** The git CLI reads what isomorphic-git wrote: the repository is a real one. */
const git = (gitdir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', gitdir, ...args], {
    encoding: 'utf8',
  }).trim();

describe('multicloud:gitops:publish and multicloud:gitops:checkout', () => {
  let workspace: ReturnType<typeof tempDir>;
  let remote: ReturnType<typeof tempDir>;
  let repositoryPath: string;
  beforeEach(() => {
    workspace = tempDir('publish-ws-');
    remote = tempDir('publish-repo-');
    repositoryPath = path.join(remote.dir, 'gitops.git');
    fs.mkdirSync(path.join(workspace.dir, 'out/cluster'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace.dir, 'out/cluster/cluster.yaml'),
      'kind: Cluster\n',
    );
    fs.writeFileSync(
      path.join(workspace.dir, 'out/cluster/kustomization.yaml'),
      'resources:\n  - cluster.yaml\n',
    );
  });
  afterEach(() => {
    workspace.cleanup();
    remote.cleanup();
  });

  const gitops = () => ({ repositoryPath, baseBranch: 'main' });
  const publish = async (
    input: Record<string, unknown>,
    options: { dryRun?: boolean } = {},
  ) => {
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace.dir,
        logger,
        user: {
          ref: 'user:default/guest',
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'guest' },
            spec: {
              profile: { displayName: 'Guest', email: 'guest@example.com' },
            },
          } as any,
        },
      }),
      isDryRun: options.dryRun,
    };
    await createPublishAction({ gitops: gitops() }).handler(ctx as any);
    return { out: outputsOf(ctx), logs: logsOf(logger as any) };
  };
  const request = {
    sourcePath: 'out/cluster',
    targetPath: 'clusters/aws/us-west-2/payments',
    branch: 'cluster/payments',
    title: 'New cluster team-payments/payments on AWS us-west-2',
    description:
      'Placement: AWS us-west-2 is the cheapest compliant region.\n\nCost: $631/month.\n\nCompliance: passed.',
  };

  it('creates the repository with main, then commits the change on its branch', async () => {
    const { out } = await publish(request);
    expect(git(repositoryPath, 'log', '--format=%s', 'main')).toBe(
      'Initial commit',
    );
    expect(out).toMatchObject({
      branch: 'cluster/payments',
      repositoryPath,
      changed: true,
      targetPath: request.targetPath,
      proposalPath: 'proposals/cluster/payments.md',
    });
    expect(git(repositoryPath, 'rev-parse', 'cluster/payments')).toBe(
      out.commitSha,
    );
    expect(git(repositoryPath, 'rev-parse', 'cluster/payments~1')).toBe(
      git(repositoryPath, 'rev-parse', 'main'),
    );
    expect(
      git(
        repositoryPath,
        'show',
        'cluster/payments:clusters/aws/us-west-2/payments/cluster.yaml',
      ),
    ).toBe('kind: Cluster');
    const proposal = git(
      repositoryPath,
      'show',
      'cluster/payments:proposals/cluster/payments.md',
    );
    expect(proposal).toContain(
      '# New cluster team-payments/payments on AWS us-west-2',
    );
    expect(proposal).toContain('- Requested by: user:default/guest');
    expect(proposal).toContain('Cost: $631/month.');
    expect(
      git(
        repositoryPath,
        'log',
        '-1',
        '--format=%an <%ae>|%cn|%B',
        'cluster/payments',
      ),
    ).toBe(
      `Guest <guest@example.com>|Multicloud Portal|${request.title}\n\n${request.description}\n\nRequested-by: user:default/guest`,
    );
    expect(out.changes).toEqual([
      { path: 'clusters/aws/us-west-2/payments/cluster.yaml', change: 'added' },
      {
        path: 'clusters/aws/us-west-2/payments/kustomization.yaml',
        change: 'added',
      },
      { path: 'proposals/cluster/payments.md', change: 'added' },
    ]);
    execFileSync('git', ['--git-dir', repositoryPath, 'fsck', '--strict']);
  });

  it('is idempotent: the same content again makes no commit', async () => {
    const first = await publish(request);
    const second = await publish(request);
    expect(second.out).toMatchObject({
      changed: false,
      commitSha: first.out.commitSha,
      changes: [],
    });
    expect(second.logs).toContain('already holds this content: no new commit');
    expect(git(repositoryPath, 'rev-list', '--count', 'cluster/payments')).toBe(
      '2',
    );
  });

  it('replaces the directory: changed files are modified, removed files deleted, on top of the branch', async () => {
    const first = await publish(request);
    fs.writeFileSync(
      path.join(workspace.dir, 'out/cluster/cluster.yaml'),
      'kind: Cluster # v2\n',
    );
    fs.rmSync(path.join(workspace.dir, 'out/cluster/kustomization.yaml'));
    const second = await publish(request);
    expect(second.out.changes).toEqual([
      {
        path: 'clusters/aws/us-west-2/payments/cluster.yaml',
        change: 'modified',
      },
      {
        path: 'clusters/aws/us-west-2/payments/kustomization.yaml',
        change: 'deleted',
      },
    ]);
    expect(git(repositoryPath, 'rev-parse', 'cluster/payments~1')).toBe(
      first.out.commitSha,
    );
  });

  it('dry run: reports what it would commit and writes nothing, not even the repository', async () => {
    const { out, logs } = await publish(request, { dryRun: true });
    expect(out).toMatchObject({ changed: true, commitSha: '' });
    expect(out.changes).toHaveLength(3);
    expect(logs).toContain(
      'Dry run: would create the repository and commit to cluster/payments',
    );
    expect(fs.existsSync(repositoryPath)).toBe(false);

    await publish(request);
    const objects = git(repositoryPath, 'count-objects', '-v');
    const head = git(repositoryPath, 'rev-parse', 'cluster/payments');
    fs.writeFileSync(
      path.join(workspace.dir, 'out/cluster/cluster.yaml'),
      'kind: Cluster # changed\n',
    );
    const dry = await publish(request, { dryRun: true });
    expect(dry.out).toMatchObject({ changed: true, commitSha: head });
    expect(git(repositoryPath, 'rev-parse', 'cluster/payments')).toBe(head);
    expect(git(repositoryPath, 'count-objects', '-v')).toBe(objects);
  });

  it('checks a directory of main out into the workspace, and says when it is not merged yet', async () => {
    await publish(request);
    const checkout = async (input: Record<string, unknown>) => {
      const ctx = createMockActionContext({
        input: input as any,
        workspacePath: workspace.dir,
      });
      await createCheckoutAction({ gitops: gitops() }).handler(ctx as any);
      return outputsOf(ctx);
    };
    await expect(
      checkout({ repositoryPath: request.targetPath }),
    ).rejects.toThrow(
      'clusters/aws/us-west-2/payments does not exist on main of the GitOps repository (is the change that created it merged yet?)',
    );
    expect(
      await checkout({
        repositoryPath: request.targetPath,
        allowMissing: true,
      }),
    ).toMatchObject({ found: false, files: [] });
    const out = await checkout({
      repositoryPath: request.targetPath,
      ref: 'cluster/payments',
      targetPath: 'day2',
    });
    expect(out).toMatchObject({
      found: true,
      path: 'day2',
      files: ['day2/cluster.yaml', 'day2/kustomization.yaml'],
    });
    expect(
      fs.readFileSync(path.join(workspace.dir, 'day2/cluster.yaml'), 'utf8'),
    ).toBe('kind: Cluster\n');
  });

  it.each([
    [{ branch: 'main' }, 'never on main'],
    [{ branch: 'cluster/../main' }, 'is not a valid branch name'],
    [{ branch: 'cluster/x.lock' }, 'is not a valid branch name'],
    [{ branch: '-x' }, 'is not a valid branch name'],
    [
      { targetPath: '../escape' },
      "targetPath: '../escape' must be a relative path inside the repository",
    ],
    [
      { targetPath: '/etc' },
      "targetPath: '/etc' must be a relative path inside the repository",
    ],
    [
      { targetPath: 'clusters/.git/hooks' },
      'must be a relative path inside the repository',
    ],
    [
      { sourcePath: '../' },
      "sourcePath: must stay inside the workspace ('..' is not allowed)",
    ],
    [{ title: 'two\nlines' }, 'title: must be a single line'],
  ])('refuses %j', async (overrides, message) => {
    await expect(publish({ ...request, ...overrides })).rejects.toThrow(
      message,
    );
  });

  it('refuses a symlink in the published directory (it could leak files of the host)', async () => {
    fs.symlinkSync(
      '/etc/passwd',
      path.join(workspace.dir, 'out/cluster/passwd'),
    );
    await expect(publish(request)).rejects.toThrow(
      'sourcePath: passwd is a symlink; only regular files are read',
    );
    expect(fs.existsSync(repositoryPath)).toBe(false);
  });

  it('tells a GitHub/GitLab setup to use the standard publish actions', async () => {
    const ctx = createMockActionContext({
      input: request as any,
      workspacePath: workspace.dir,
    });
    await expect(
      createPublishAction({ gitops: { baseBranch: 'main' } }).handler(
        ctx as any,
      ),
    ).rejects.toThrow(
      /localRepositoryPath is not configured; with a GitHub or GitLab integration use publish:github:pull-request or publish:gitlab:merge-request/,
    );
  });
});
