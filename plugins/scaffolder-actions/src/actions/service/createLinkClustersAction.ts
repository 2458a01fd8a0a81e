import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import type { z as zod } from 'zod/v3';
import { addDependsOn, catalogInfoFrom } from '../../catalog/addDependsOn';
import { resolveWorkspacePath } from '../../resolveWorkspacePath';
import { writeWorkspaceFile } from '../../workspaceFiles';
import { parseInput } from '../parseInput';

const inputSchema = (z: typeof zod) =>
  z.object({
    path: z
      .string()
      .default('catalog-info.yaml')
      .describe('Workspace-relative catalog-info.yaml of the service'),
    entityRef: z
      .string()
      .describe('The service, e.g. component:default/payments-api'),
    clusters: z
      .array(z.string())
      .min(1)
      .describe('Cluster Resource entity refs the service runs on'),
    entity: z
      .record(z.any())
      .optional()
      .describe(
        'The service entity (catalog:fetch output), to start a catalog-info.yaml when the file does not exist',
      ),
  });

/**
 * `multicloud:service:link-clusters`: records that a service runs on clusters by adding them to
 * `spec.dependsOn` of its catalog-info.yaml (a minimal patch); the portal's service tabs and
 * cost roll-ups follow these relations.
 */
export function createLinkClustersAction() {
  return createTemplateAction({
    id: 'multicloud:service:link-clusters',
    description:
      'Adds cluster Resources to spec.dependsOn of a service in its catalog-info.yaml (minimal YAML patch).',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          changed: z.boolean(),
          added: z.array(z.string()),
          dependsOn: z.array(z.string()),
          created: z
            .boolean()
            .describe('The file did not exist and was started from the entity'),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      const target = resolveWorkspacePath(
        ctx.workspacePath,
        'path',
        input.path,
      );
      const existing = await fs.readFile(target, 'utf8').catch(() => undefined);
      if (existing === undefined && !input.entity) {
        throw new InputError(
          `path: ${input.path} does not exist; pass the entity (catalog:fetch output) to start one`,
        );
      }
      const content = existing ?? catalogInfoFrom(input.entity);
      const result = addDependsOn(
        content,
        input.path,
        input.entityRef,
        input.clusters,
      );
      if (existing === undefined || result.added.length) {
        await writeWorkspaceFile(
          ctx.workspacePath,
          'path',
          input.path,
          result.content,
        );
      }
      ctx.logger.info(
        result.added.length
          ? `Added ${result.added.join(', ')} to spec.dependsOn of ${
              input.entityRef
            }`
          : `${input.entityRef} already depends on every selected cluster`,
      );
      ctx.output('changed', result.added.length > 0 || existing === undefined);
      ctx.output('added', result.added);
      ctx.output('dependsOn', result.dependsOn);
      ctx.output('created', existing === undefined);
    },
  });
}
