import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  estimateManifestCost,
  InvalidClusterSpecError,
  renderCluster,
  type PriceBook,
  type RenderedCluster,
} from '@internal/plugin-multicloud-common';
import path from 'node:path';
import type { z as zod } from 'zod/v3';
import { resolveWorkspacePath } from '../../resolveWorkspacePath';
import { toPosix, writeWorkspaceFile } from '../../workspaceFiles';
import { monthlyCostOutput } from '../costOutput';
import { entityNameForLabel } from '../entityLabel';
import { parseInput } from '../parseInput';
import { renderSummary } from './renderSummary';

const inputSchema = (z: typeof zod) =>
  z.object({
    name: z.string().describe('Cluster name (DNS-1123 label)'),
    namespace: z
      .string()
      .default('default')
      .describe('Namespace of the CAPI objects on the management cluster'),
    cloud: z.enum(['aws', 'azure', 'gcp']),
    region: z.string().describe('Region (AWS, GCP) or location (Azure)'),
    flavor: z
      .enum(['kubeadm', 'managed'])
      .default('kubeadm')
      .describe('kubeadm on VMs, or EKS/AKS/GKE'),
    mode: z
      .enum(['full', 'topology'])
      .default('full')
      .describe('Full provider objects, or a ClusterClass topology'),
    environment: z
      .enum(['development', 'staging', 'production'])
      .default('development'),
    kubernetesVersion: z.string().describe('e.g. v1.33.1'),
    size: z
      .enum(['small', 'medium', 'large'])
      .default('medium')
      .describe(
        'Worker size class (default instance type from the price book)',
      ),
    instanceType: z
      .string()
      .optional()
      .describe('Worker instance type; overrides the size class'),
    controlPlaneInstanceType: z.string().optional(),
    owner: z
      .string()
      .describe(
        'Owning group: an entity ref of the default namespace or its name',
      ),
    system: z
      .string()
      .optional()
      .describe('System: an entity ref of the default namespace or its name'),
    dataClass: z
      .string()
      .optional()
      .describe('gdpr, ccpa, ...; `none` or empty for unrestricted data'),
    failoverTarget: z
      .string()
      .optional()
      .describe('namespace/name of the standby cluster(s), comma-separated'),
    failoverMode: z.enum(['manual', 'automatic']).optional(),
    mesh: z.boolean().default(false).describe('Enroll in the service mesh'),
    clusterClass: z
      .string()
      .optional()
      .describe('ClusterClass for mode topology (default <cloud>-kubeadm)'),
    aws: z
      .object({
        roleIdentityName: z.string().optional(),
        sshKeyName: z.string().optional(),
      })
      .optional(),
    azure: z
      .object({
        subscriptionId: z.string(),
        tenantId: z.string(),
        identityClientId: z.string(),
      })
      .optional(),
    gcp: z
      .object({
        project: z.string(),
        network: z.string().optional(),
        kmsKeyName: z.string().optional(),
        image: z.string().optional(),
      })
      .optional(),
    targetPath: z
      .string()
      .default('.')
      .describe('Workspace directory the GitOps layout is written under'),
  });

type Input = zod.output<ReturnType<typeof inputSchema>>;

/** Template inputs → the renderer's spec: catalog refs become label values, `none` no data class. */
function specOf(input: Input) {
  const {
    targetPath: _targetPath,
    failoverTarget,
    failoverMode,
    owner,
    system,
    dataClass,
    ...rest
  } = input;
  const targets =
    failoverTarget
      ?.split(',')
      .map(t => t.trim())
      .filter(Boolean) ?? [];
  return {
    ...rest,
    owner: entityNameForLabel(owner, 'group', 'owner'),
    ...(system
      ? { system: entityNameForLabel(system, 'system', 'system') }
      : {}),
    ...(dataClass && dataClass !== 'none' ? { dataClass } : {}),
    ...(targets.length
      ? { failover: { targets, mode: failoverMode ?? 'manual' } }
      : {}),
  };
}

function render(input: Input, prices: PriceBook): RenderedCluster {
  try {
    return renderCluster(specOf(input), prices);
  } catch (e) {
    if (e instanceof InvalidClusterSpecError) {
      throw new InputError(
        `Cannot render the cluster: ${e.problems.join('; ')}`,
      );
    }
    throw e;
  }
}

/**
 * `multicloud:cluster:render`: CAPI manifests of a new cluster into the workspace, in the
 * GitOps layout `clusters/<cloud>/<region>/<name>/`, with the monthly cost estimate.
 */
export function createRenderAction(options: { prices: PriceBook }) {
  return createTemplateAction({
    id: 'multicloud:cluster:render',
    description:
      'Renders the CAPI manifests of a new AWS, Azure or GCP cluster (kubeadm or managed, full objects or ClusterClass topology) into the workspace, with a cost estimate and a summary.',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          path: z
            .string()
            .describe('Workspace-relative directory of the cluster'),
          repositoryPath: z
            .string()
            .describe(
              'The same directory relative to the GitOps repository root',
            ),
          files: z.array(z.string()),
          cloud: z.string(),
          region: z.string(),
          instanceType: z.string(),
          monthlyCost: z.object({
            currency: z.string(),
            minimum: z.number(),
            maximum: z.number(),
            provenance: z.string(),
            priceDate: z.string(),
            notes: z.array(z.string()),
          }),
          summary: z.string().describe('Markdown'),
          warnings: z.array(z.string()),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      // Checked before rendering, so a bad path fails with its own field name.
      resolveWorkspacePath(ctx.workspacePath, 'targetPath', input.targetPath);
      const rendered = render(input, options.prices);
      const cost = estimateManifestCost(
        rendered.objects,
        rendered.context,
        options.prices,
      );
      const files: string[] = [];
      for (const file of rendered.files) {
        const relative = toPosix(
          path.normalize(path.join(input.targetPath, file.path)),
        );
        await writeWorkspaceFile(
          ctx.workspacePath,
          'targetPath',
          relative,
          file.content,
        );
        files.push(relative);
      }
      const summary = renderSummary(rendered, cost);
      ctx.logger.info(
        `Rendered ${rendered.objects.length} objects of ${rendered.spec.namespace}/${rendered.spec.name} into ${rendered.directory}`,
      );
      for (const warning of rendered.warnings) ctx.logger.warn(warning);
      ctx.output(
        'path',
        toPosix(
          path.normalize(path.join(input.targetPath, rendered.directory)),
        ),
      );
      ctx.output('repositoryPath', rendered.directory);
      ctx.output('files', files);
      ctx.output('cloud', rendered.spec.cloud);
      ctx.output('region', rendered.spec.region);
      ctx.output('instanceType', rendered.instanceType);
      ctx.output('monthlyCost', monthlyCostOutput(cost));
      ctx.output('summary', summary);
      ctx.output('warnings', rendered.warnings);
    },
  });
}
