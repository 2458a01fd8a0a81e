import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z as zod } from 'zod/v3';
import type { GitopsConfig } from '../../config/gitopsConfig';
import {
  LocalGitopsRepository,
  type GitAuthor,
} from '../../gitops/LocalGitopsRepository';
import { assertBranchName, assertRepositoryPath } from '../../gitops/refNames';
import { readWorkspaceDirectory } from '../../workspaceFiles';
import { parseInput } from '../parseInput';

const inputSchema = (z: typeof zod) =>
  z.object({
    sourcePath: z
      .string()
      .describe(
        'Workspace directory to publish (e.g. the render step output `path`)',
      ),
    targetPath: z
      .string()
      .describe(
        'Repository directory it replaces, e.g. clusters/aws/us-west-2/my-cluster',
      ),
    branch: z
      .string()
      .describe('Branch of the change, e.g. cluster/my-cluster'),
    title: z
      .string()
      .min(1)
      .max(200)
      .describe('One line: the commit subject and proposal title'),
    description: z
      .string()
      .default('')
      .describe(
        'Markdown: placement reasoning, cost estimate, compliance result',
      ),
  });

/** The committer of every change; the requesting user, when known, is its author. */
export const PORTAL_COMMITTER: GitAuthor = {
  name: 'Multicloud Portal',
  email: 'multicloud-portal@backstage.local',
};

function authorOf(user: { entity?: any; ref?: string } | undefined): GitAuthor {
  const profile = user?.entity?.spec?.profile;
  const name = profile?.displayName ?? user?.entity?.metadata?.name;
  return name && profile?.email
    ? { name, email: profile.email }
    : PORTAL_COMMITTER;
}

/**
 * `multicloud:gitops:publish` (embedded default): commits a workspace directory on a branch of
 * the local bare GitOps repository, with a proposal file describing the change. Idempotent:
 * the same content on the same branch makes no new commit. With a GitHub or GitLab
 * integration, templates use `publish:github:pull-request` / `publish:gitlab:merge-request`.
 */
export function createPublishAction(options: { gitops: GitopsConfig }) {
  return createTemplateAction({
    id: 'multicloud:gitops:publish',
    description:
      'Proposes a change on a branch of the local GitOps repository (multicloud.gitops.localRepositoryPath), created on first use; reruns with the same content add no commit.',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          branch: z.string(),
          commitSha: z.string(),
          repositoryPath: z
            .string()
            .describe('Filesystem path of the bare repository (git clone it)'),
          targetPath: z.string(),
          proposalPath: z.string(),
          changed: z.boolean(),
          changes: z.array(z.object({ path: z.string(), change: z.string() })),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      const { repositoryPath, baseBranch } = options.gitops;
      if (!repositoryPath) {
        throw new InputError(
          'multicloud.gitops.localRepositoryPath is not configured; with a GitHub or GitLab integration use publish:github:pull-request or publish:gitlab:merge-request instead',
        );
      }
      assertBranchName(input.branch);
      if (/[\r\n]/.test(input.title))
        throw new InputError('title: must be a single line');
      const targetPath = assertRepositoryPath(input.targetPath, 'targetPath');
      const proposalPath = `proposals/${input.branch}.md`;
      if (proposalPath.startsWith(`${targetPath}/`)) {
        throw new InputError(
          `targetPath: ${targetPath} would contain the proposal file ${proposalPath}`,
        );
      }
      const files = await readWorkspaceDirectory(
        ctx.workspacePath,
        'sourcePath',
        input.sourcePath,
      );
      const requestedBy = ctx.user?.ref ?? 'unknown';
      const proposal = [
        `# ${input.title}`,
        '',
        `- Branch: \`${input.branch}\` → \`${baseBranch}\``,
        `- Directory: \`${targetPath}\``,
        `- Requested by: ${requestedBy}`,
        '',
        input.description.trim(),
        '',
      ].join('\n');
      const repo = new LocalGitopsRepository(repositoryPath, baseBranch);
      const result = await repo.publish({
        branch: input.branch,
        directory: targetPath,
        files,
        extraFiles: new Map([[proposalPath, Buffer.from(proposal)]]),
        message: `${
          input.title
        }\n\n${input.description.trim()}\n\nRequested-by: ${requestedBy}`,
        author: authorOf(ctx.user),
        committer: PORTAL_COMMITTER,
        dryRun: ctx.isDryRun === true,
      });
      const what =
        result.changes.map(c => `${c.change} ${c.path}`).join(', ') ||
        'nothing';
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would ${
            result.repositoryCreated ? 'create the repository and ' : ''
          }${
            result.changed
              ? `commit to ${input.branch}: ${what}`
              : `leave ${input.branch} as it is`
          }; nothing was written`,
        );
      } else if (result.changed) {
        ctx.logger.info(
          `Committed ${result.commitSha.slice(0, 12)} to ${
            input.branch
          } in ${repositoryPath}: ${what}`,
        );
      } else {
        ctx.logger.info(
          `${
            input.branch
          } already holds this content: no new commit (${result.commitSha.slice(
            0,
            12,
          )})`,
        );
      }
      ctx.output('branch', input.branch);
      ctx.output('commitSha', result.commitSha);
      ctx.output('repositoryPath', repositoryPath);
      ctx.output('targetPath', targetPath);
      ctx.output('proposalPath', proposalPath);
      ctx.output('changed', result.changed);
      ctx.output('changes', result.changes);
    },
  });
}
