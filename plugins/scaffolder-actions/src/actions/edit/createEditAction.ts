import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ManifestEditError,
  scaleWorkerPool,
  upgradeKubernetesVersion,
  type ManifestChange,
  type ManifestEditResult,
  type ManifestFileInput,
} from '@internal/plugin-multicloud-common';
import path from 'node:path';
import type { z as zod } from 'zod/v3';
import {
  readWorkspaceDirectory,
  toPosix,
  writeWorkspaceFile,
} from '../../workspaceFiles';
import { table } from '../markdown';
import { parseInput } from '../parseInput';

const inputSchema = (z: typeof zod) =>
  z
    .object({
      path: z
        .string()
        .describe(
          'Workspace-relative cluster directory (checked out from the GitOps repository)',
        ),
      kubernetesVersion: z
        .string()
        .optional()
        .describe(
          'Upgrade to this version (control plane first; workers once it runs it)',
        ),
      scale: z
        .object({
          pool: z
            .string()
            .optional()
            .describe('Worker pool name; default: every pool'),
          minNodes: z.number().int(),
          maxNodes: z.number().int(),
        })
        .optional()
        .describe('New autoscaling bounds of the worker pool(s)'),
    })
    .refine(i => i.kubernetesVersion || i.scale, {
      message: 'set kubernetesVersion, scale, or both',
    });

function apply(
  files: ManifestFileInput[],
  input: zod.output<ReturnType<typeof inputSchema>>,
): ManifestEditResult {
  try {
    let result: ManifestEditResult = {
      files: files.map(f => ({ ...f, changed: false })),
      changes: [],
      notes: [],
    };
    if (input.kubernetesVersion)
      result = upgradeKubernetesVersion(files, input.kubernetesVersion);
    if (input.scale) {
      const scaled = scaleWorkerPool(result.files, input.scale);
      result = {
        files: scaled.files.map(f => ({
          ...f,
          changed: f.content !== files.find(o => o.path === f.path)!.content,
        })),
        changes: [...result.changes, ...scaled.changes],
        notes: [...result.notes, ...scaled.notes],
      };
    }
    return result;
  } catch (e) {
    if (e instanceof ManifestEditError)
      throw new InputError(`Cannot edit the manifests: ${e.message}`);
    throw e;
  }
}

function changeSummary(changes: ManifestChange[], notes: string[]): string {
  return [
    changes.length
      ? table(
          ['File', 'Object', 'Field', 'From', 'To'],
          changes.map(c => [
            c.file,
            c.object,
            c.field,
            String(c.from ?? '(unset)'),
            String(c.to),
          ]),
        )
      : 'No change.',
    ...notes.map(n => `\n> ${n}`),
  ].join('\n');
}

/**
 * `multicloud:manifests:edit`: a day-2 change as a minimal patch of a cluster's YAML files
 * (Kubernetes upgrade, worker pool bounds); untouched lines, comments and formatting stay.
 */
export function createEditAction() {
  return createTemplateAction({
    id: 'multicloud:manifests:edit',
    description:
      'Edits the manifests of an existing cluster in the workspace with a minimal YAML patch: Kubernetes version upgrade (skew-policy order) and worker pool autoscaling bounds.',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          changed: z.boolean(),
          changedFiles: z.array(z.string()),
          changes: z.array(
            z.object({
              file: z.string(),
              object: z.string(),
              field: z.string(),
              from: z.any(),
              to: z.any(),
            }),
          ),
          notes: z.array(z.string()),
          summary: z.string().describe('Markdown'),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      const directory = await readWorkspaceDirectory(
        ctx.workspacePath,
        'path',
        input.path,
      );
      const files = [...directory]
        .filter(([name]) => /\.ya?ml$/.test(name))
        .map(([name, content]) => ({
          path: name,
          content: content.toString('utf8'),
        }));
      const result = apply(files, input);
      const changedFiles: string[] = [];
      for (const file of result.files.filter(f => f.changed)) {
        const relative = toPosix(
          path.normalize(path.join(input.path, file.path)),
        );
        await writeWorkspaceFile(
          ctx.workspacePath,
          'path',
          relative,
          file.content,
        );
        changedFiles.push(relative);
      }
      const summary = changeSummary(result.changes, result.notes);
      ctx.logger.info(summary);
      ctx.output('changed', result.changes.length > 0);
      ctx.output('changedFiles', changedFiles);
      ctx.output('changes', result.changes);
      ctx.output('notes', result.notes);
      ctx.output('summary', summary);
    },
  });
}
