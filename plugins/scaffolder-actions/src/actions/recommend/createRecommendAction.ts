import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  HOURS_PER_MONTH,
  parsePlacementRequest,
  type PlacementRequestInput,
} from '@internal/plugin-multicloud-common';
import { entityNameForLabel } from '../entityLabel';
import { hourlyToMonthly } from '../money';
import type { z as zod } from 'zod/v3';
import { parseInput } from '../parseInput';
import { explainExisting, explainNewCluster } from './explainPlacement';
import type { PlacementClient } from './placementClient';

const inputSchema = (z: typeof zod) =>
  z.object({
    cpu: z
      .number()
      .positive()
      .describe('Cores one replica of the workload needs'),
    memory: z.number().positive().describe('GiB of memory one replica needs'),
    gpu: z.number().int().min(0).optional().describe('GPUs one replica needs'),
    replicas: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe('Replicas of the workload'),
    environment: z
      .string()
      .min(1)
      .describe('Environment, e.g. development, staging, production'),
    dataClass: z
      .string()
      .optional()
      .describe(
        'Data class (gdpr, ccpa, ...); `none` or empty for unrestricted data',
      ),
    owner: z
      .string()
      .optional()
      .describe('Owning group (entity ref or name), for the spread score'),
    preferredRegions: z
      .array(z.string())
      .optional()
      .describe('Regions close to the users'),
    allowedClouds: z
      .array(z.enum(['aws', 'azure', 'gcp']))
      .optional()
      .describe('Clouds to consider; default all'),
    maxMonthlyCost: z
      .number()
      .positive()
      .optional()
      .describe('Budget in USD per month'),
    target: z
      .enum(['new-cluster', 'any'])
      .default('new-cluster')
      .describe(
        '`new-cluster`: the best new cluster to create; `any`: the backend recommendation (an existing cluster first)',
      ),
  });

/**
 * `multicloud:placement:recommend`: asks the multicloud backend where a workload should run
 * and returns the cloud, region and instance type with the reasons, for the render step.
 */
export function createRecommendAction(options: { placement: PlacementClient }) {
  return createTemplateAction({
    id: 'multicloud:placement:recommend',
    description:
      'Recommends a cloud, region and instance type for a workload through the multicloud placement engine (residency, cost, capacity), with the reasons.',
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (z: typeof zod) =>
        z.object({
          kind: z.enum(['new-cluster', 'existing']),
          cloud: z.string(),
          region: z.string(),
          instanceType: z.string(),
          clusterRef: z.string().optional(),
          monthlyCost: z.number().optional(),
          reasons: z.string(),
        }),
    },
    async handler(ctx) {
      const input = parseInput(inputSchema, ctx.input);
      const dataClass =
        input.dataClass && input.dataClass !== 'none'
          ? input.dataClass
          : undefined;
      const request: PlacementRequestInput = {
        cpu: input.cpu,
        memory: input.memory,
        ...(input.gpu ? { gpu: input.gpu } : {}),
        replicas: input.replicas,
        environment: input.environment,
        ...(dataClass ? { dataClass } : {}),
        ...(input.owner
          ? { owner: entityNameForLabel(input.owner, 'group', 'owner') }
          : {}),
        ...(input.preferredRegions?.length
          ? { preferredRegions: input.preferredRegions }
          : {}),
        ...(input.allowedClouds?.length
          ? { allowedClouds: input.allowedClouds }
          : {}),
        ...(input.maxMonthlyCost
          ? { maxHourlyCost: input.maxMonthlyCost / HOURS_PER_MONTH }
          : {}),
      };
      // The same validation the backend applies, so a bad value fails here with its field name.
      const parsed = parsePlacementRequest(request);
      if (!parsed.success) {
        throw new InputError(
          parsed.errors.map(e => `${e.field}: ${e.message}`).join('; '),
        );
      }
      const result = await options.placement.evaluate(request, ctx.signal);
      const best = result.candidates[0];

      if (input.target === 'any' && best) {
        const pool = best.hosting.pools.find(p => p.instanceType);
        const reasons = explainExisting(result, best);
        ctx.output('kind', 'existing');
        ctx.output('cloud', best.cloud);
        ctx.output('region', best.region ?? '');
        ctx.output('instanceType', pool?.instanceType ?? '');
        ctx.output('clusterRef', best.ref);
        if (best.hosting.costPerHour !== null) {
          ctx.output('monthlyCost', hourlyToMonthly(best.hosting.costPerHour));
        }
        ctx.output('reasons', reasons);
        ctx.logger.info(reasons);
        return;
      }
      const option = result.newClusters.find(o => o.withinBudget);
      if (!option) {
        const why = [
          ...result.newClusters.map(
            o => `${o.cloud} ${o.region} is over the budget`,
          ),
          ...result.newClusterGaps.map(g => g.reason),
        ];
        throw new InputError(
          `No cloud can host a new cluster for this workload${
            why.length ? `: ${why.join('; ')}` : ''
          }`,
        );
      }
      const reasons = explainNewCluster(result, option);
      ctx.output('kind', 'new-cluster');
      ctx.output('cloud', option.cloud);
      ctx.output('region', option.region);
      ctx.output('instanceType', option.workers.instanceType);
      if (option.costPerHour !== null)
        ctx.output('monthlyCost', hourlyToMonthly(option.costPerHour));
      ctx.output('reasons', reasons);
      ctx.logger.info(reasons);
    },
  });
}
