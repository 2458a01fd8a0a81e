import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  COST_DIMENSIONS,
  rollupByService,
  rollupCosts,
  totalCost,
  type ClusterCost,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { FleetInsights } from '../insights/FleetInsights';
import type { ClusterAccess } from './clusterAccess';
import type { ServiceDependencies } from './ServiceDependencies';
import { parseOrThrow } from './validation';

const costQuerySchema = z.object({ cluster: z.string().optional() }).strict();

/**
 * `GET /cost`: fleet cost with provenance, rolled up per cloud, region, owner team,
 * environment and service (with the split rule); `?cluster=ns/name` gives one cluster's lines.
 */
export function createCostRoutes(options: {
  fleet: FleetService;
  insights: FleetInsights;
  services: ServiceDependencies;
  httpAuth: HttpAuthService;
  resolveAccess: (credentials: BackstageCredentials) => Promise<ClusterAccess>;
}) {
  const router = Router();
  router.get('/cost', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    const access = await options.resolveAccess(credentials);
    const query = parseOrThrow(costQuerySchema, req.query, 'query');
    const view = options.fleet.getFleet();
    const { costs } = options.insights.current();
    const visible = view.clusters.filter(
      c => access.scope === 'all' || access.allows(c),
    );
    const visibleCosts = visible
      .map(c => costs.get(c.ref))
      .filter((c): c is ClusterCost => !!c);

    if (query.cluster) {
      const cost = visibleCosts.find(c => c.ref === query.cluster);
      res.json({
        version: view.version,
        stale: view.stale,
        cluster: cost ?? null,
      });
      return;
    }
    res.json({
      version: view.version,
      stale: view.stale,
      priceDate: options.insights.priceBook.snapshotDate,
      total: totalCost(visibleCosts),
      by: Object.fromEntries(
        COST_DIMENSIONS.map(d => [d, rollupCosts(visibleCosts, d)]),
      ),
      services: await options.services
        .get()
        .then(deps => rollupByService(visibleCosts, deps))
        // The catalog being unavailable must not take the fleet's cost down with it.
        .catch(error => ({
          error: `service costs unavailable: ${error.message}`,
        })),
      clusters: visibleCosts.map(({ lines: _lines, ...summary }) => summary),
    });
  });
  return router;
}
