import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CLOUDS,
  parseClusterDirectory,
  type ComplianceRules,
  type KnownCloud,
  type PriceBook,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { z as zod } from 'zod/v3';
import { loadCrdValidator } from '../../validation/crdValidator';
import { readManifests } from '../../validation/manifestDirectory';
import { validateManifests } from '../../validation/validateManifests';
import { validationReport } from '../../validation/validationReport';
import { describeFailure } from '../../validation/ValidationFailure';
import { readWorkspaceDirectory } from '../../workspaceFiles';
import { monthlyCostOutput } from '../costOutput';
import { parseInput } from '../parseInput';

const inputSchema = (z: typeof zod) =>
  z.object({
    path: z
      .string()
      .describe(
        'Workspace-relative cluster directory (the render step output `path`)',
      ),
    maxMonthlyCost: z
      .number()
      .positive()
      .optional()
      .describe(
        'Budget in USD per month, compared with the cost at the autoscaler maximum',
      ),
    checkFleet: z
      .boolean()
      .default(true)
      .describe(
        'Fail when a cluster of that namespace/name exists in the live fleet (new clusters)',
      ),
    cloud: z
      .enum(CLOUDS)
      .optional()
      .describe(
        'Cloud of a topology cluster, when the path is not clusters/<cloud>/<region>/<name>',
      ),
  });

/**
 * `multicloud:manifests:validate`: CRD schemas, names, the live fleet, compliance (data
 * residency among the checks) and the budget. Fails the task with every problem listed.
 */
export function createValidateAction(options: {
  fleet: FleetService;
  rules: ComplianceRules;
  prices: PriceBook;
  crdDirectory?: string;
}) {
  return createTemplateAction({
    id: 'multicloud:manifests:validate',
    description:
      'Validates a cluster directory before it is proposed: CRD schemas (strict), names, no clash with the live fleet, compliance (data residency, HA, version, encryption, identity) and the budget.',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          report: z.string().describe('Markdown'),
          compliant: z.boolean(),
          monthlyCost: z.object({
            currency: z.string(),
            minimum: z.number(),
            maximum: z.number(),
            provenance: z.string(),
            priceDate: z.string(),
            notes: z.array(z.string()),
          }),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      const files = await readWorkspaceDirectory(
        ctx.workspacePath,
        'path',
        input.path,
      );
      const read = readManifests(files);
      const cloud: KnownCloud | undefined =
        input.cloud ?? parseClusterDirectory(input.path)?.cloud;
      const result = validateManifests(read.objects, {
        validator: await loadCrdValidator(options.crdDirectory),
        rules: options.rules,
        prices: options.prices,
        ...(input.checkFleet ? { fleet: options.fleet } : {}),
        ...(input.maxMonthlyCost !== undefined
          ? { maxMonthlyCost: input.maxMonthlyCost }
          : {}),
        ...(cloud ? { cloud } : {}),
      });
      result.failures.unshift(...read.failures);
      const report = validationReport(result, {
        ...(input.checkFleet ? {} : { fleet: 'skipped' }),
        ...(input.maxMonthlyCost === undefined
          ? { budget: 'no budget given' }
          : {}),
      });
      if (result.failures.length) {
        ctx.logger.error(report);
        throw new InputError(
          `Manifest validation failed with ${
            result.failures.length
          } problem(s):\n${result.failures
            .map(f => `- ${describeFailure(f)}`)
            .join('\n')}`,
        );
      }
      ctx.logger.info(report);
      ctx.output('report', report);
      ctx.output('compliant', result.compliance?.compliant ?? false);
      if (result.cost)
        ctx.output('monthlyCost', monthlyCostOutput(result.cost));
    },
  });
}
