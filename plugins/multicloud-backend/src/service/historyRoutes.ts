import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DAY_MS, RETENTION, type HistoryStore } from '../history/HistoryStore';
import type {
  HistoryResponse,
  HistoryStep,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { ClusterAccess } from './clusterAccess';
import { parseOrThrow } from './validation';

const timestamp = z
  .string()
  .refine(
    v => !Number.isNaN(Date.parse(v)) || /^\d+$/.test(v),
    'must be an ISO date or epoch milliseconds',
  )
  .transform(v => (/^\d+$/.test(v) ? Number(v) : Date.parse(v)));

const historyQuerySchema = z
  .object({
    cluster: z
      .string()
      .regex(
        /^[a-z0-9][-a-z0-9.]*\/[a-z0-9][-a-z0-9.]*$/,
        'must be namespace/name',
      )
      .optional(),
    metric: z.enum([
      'cost_per_hour',
      'machines_running',
      'machines_total',
      'compliance_failures',
      'verdicts',
    ]),
    from: timestamp.optional(),
    to: timestamp.optional(),
    step: z.enum(['auto', 'raw', 'hour', 'day']).default('auto'),
    groupBy: z.enum(['cloud', 'owner', 'environment']).optional(),
  })
  .strict();

/**
 * `GET /history?cluster=&metric=&from=&to=&step=&groupBy=`: a metric over time for one
 * cluster or the visible fleet. `step=auto` picks the finest resolution still retained for
 * the range: raw samples up to 48 hours, hourly up to 90 days, daily beyond.
 */
export function createHistoryRoutes(options: {
  store: HistoryStore;
  fleet: FleetService;
  httpAuth: HttpAuthService;
  resolveAccess: (credentials: BackstageCredentials) => Promise<ClusterAccess>;
}) {
  const router = Router();
  router.get('/history', async (req, res) => {
    const access = await options.resolveAccess(
      await options.httpAuth.credentials(req),
    );
    const query = parseOrThrow(historyQuerySchema, req.query, 'query');
    const to = query.to ?? Date.now();
    const from = query.from ?? to - DAY_MS;
    if (from >= to) {
      throw new InputError('from: must be before to');
    }
    if (query.cluster && query.groupBy) {
      throw new InputError(
        'groupBy: only applies to fleet-wide series (without cluster)',
      );
    }
    if (query.cluster) {
      const cluster = options.fleet.getCluster(query.cluster);
      if (
        access.scope === 'filtered' &&
        (!cluster || !access.allows(cluster))
      ) {
        throw new InputError(
          `cluster: ${query.cluster} is not a cluster you can read`,
        );
      }
    } else if (access.scope === 'filtered') {
      throw new InputError(
        'cluster: required when your access is limited to the clusters your groups own',
      );
    }
    const step =
      query.step === 'auto' ? autoStep(Date.now() - from) : query.step;
    const series = await options.store.query({
      cluster: query.cluster,
      metric: query.metric,
      from,
      to,
      step,
      groupBy: query.groupBy,
    });
    res.json({
      metric: query.metric,
      step,
      from,
      to,
      series,
    } satisfies HistoryResponse);
  });
  return router;
}

function autoStep(age: number): HistoryStep {
  if (age <= RETENTION.raw) return 'raw';
  return age <= RETENTION.hourly ? 'hour' : 'day';
}
