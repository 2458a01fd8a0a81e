import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import type { z as zod } from 'zod/v3';
import type { GitopsConfig } from '../../config/gitopsConfig';
import { LocalGitopsRepository } from '../../gitops/LocalGitopsRepository';
import { assertBranchName, assertRepositoryPath } from '../../gitops/refNames';
import { resolveWorkspacePath } from '../../resolveWorkspacePath';
import { toPosix, writeWorkspaceFile } from '../../workspaceFiles';
import { parseInput } from '../parseInput';

const inputSchema = (z: typeof zod) =>
  z.object({
    repositoryPath: z
      .string()
      .describe('Repository directory, e.g. clusters/aws/us-west-2/my-cluster'),
    ref: z
      .string()
      .optional()
      .describe('Branch to read; default the base branch (main)'),
    targetPath: z
      .string()
      .optional()
      .describe('Workspace directory to write to; default the repository path'),
    allowMissing: z
      .boolean()
      .default(false)
      .describe('Succeed with no files when the directory does not exist'),
  });

/**
 * `multicloud:gitops:checkout` (embedded default): copies a directory of the local GitOps
 * repository into the workspace, so day-2 templates edit what is actually in Git.
 */
export function createCheckoutAction(options: { gitops: GitopsConfig }) {
  return createTemplateAction({
    id: 'multicloud:gitops:checkout',
    description:
      'Copies a directory of the local GitOps repository (a branch, default main) into the workspace.',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          path: z.string().describe('Workspace-relative directory written'),
          files: z.array(z.string()),
          found: z.boolean(),
          commitSha: z.string(),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      const { repositoryPath, baseBranch } = options.gitops;
      if (!repositoryPath) {
        throw new InputError(
          'multicloud.gitops.localRepositoryPath is not configured: there is no local GitOps repository to read',
        );
      }
      const directory = assertRepositoryPath(
        input.repositoryPath,
        'repositoryPath',
      );
      const ref = input.ref ?? baseBranch;
      assertBranchName(ref, 'ref');
      const targetPath = input.targetPath ?? directory;
      resolveWorkspacePath(ctx.workspacePath, 'targetPath', targetPath);
      const repo = new LocalGitopsRepository(repositoryPath, baseBranch);
      const read = repo.exists()
        ? await repo.readDirectory(ref, directory)
        : undefined;
      if (!read) {
        if (!input.allowMissing) {
          throw new NotFoundError(
            `${directory} does not exist on ${ref} of the GitOps repository (is the change that created it merged yet?)`,
          );
        }
        ctx.output('path', toPosix(path.normalize(targetPath)));
        ctx.output('files', []);
        ctx.output('found', false);
        ctx.output('commitSha', (await repo.head(ref)) ?? '');
        return;
      }
      const files: string[] = [];
      for (const [name, content] of read.files) {
        const relative = toPosix(path.normalize(path.join(targetPath, name)));
        await writeWorkspaceFile(
          ctx.workspacePath,
          'targetPath',
          relative,
          content,
        );
        files.push(relative);
      }
      ctx.logger.info(
        `Checked out ${
          files.length
        } file(s) of ${directory} at ${ref} (${read.commit.slice(0, 12)})`,
      );
      ctx.output('path', toPosix(path.normalize(targetPath)));
      ctx.output('files', files);
      ctx.output('found', true);
      ctx.output('commitSha', read.commit);
    },
  });
}
