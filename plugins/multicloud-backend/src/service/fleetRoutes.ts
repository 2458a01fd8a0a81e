import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  buildConditionTree,
  clusterQueryToParams,
  clusterRef,
  machineRows,
  parseClusterQuery,
  queryClusters,
  summarizeFleet,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import type { FleetService, FleetView } from '@internal/plugin-multicloud-node';
import Router from 'express-promise-router';
import type { FleetInsights } from '../insights/FleetInsights';
import type { ClusterAccess } from './clusterAccess';
import { SerializedResponseCache } from './SerializedResponseCache';

const CLUSTER_QUERY_PARAMS = new Set([
  'cloud',
  'region',
  'verdict',
  'owner',
  'environment',
  'q',
  'sort',
  'order',
  'offset',
  'limit',
]);
const MAX_PAGE = 5000;
// Kubernetes object names and namespaces: DNS-1123 subdomain / label.
const NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export interface FleetRoutesOptions {
  fleet: FleetService;
  insights: FleetInsights;
  httpAuth: HttpAuthService;
  resolveAccess: (credentials: BackstageCredentials) => Promise<ClusterAccess>;
}

/** `GET /fleet`, `/clusters`, `/clusters/:namespace/:name` and `/status`, read from the watch cache. */
export function createFleetRoutes({
  fleet,
  insights,
  httpAuth,
  resolveAccess,
}: FleetRoutesOptions) {
  const router = Router();
  const responses = new SerializedResponseCache();
  const queries = new SerializedResponseCache(16);

  const visibleClusters = (
    view: FleetView,
    access: ClusterAccess,
  ): readonly ClusterSummary[] =>
    access.scope === 'all'
      ? view.clusters
      : view.clusters.filter(access.allows);

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(fleet.getStatus());
  });

  router.get('/fleet', async (req, res) => {
    const access = await resolveAccess(await httpAuth.credentials(req));
    const view = fleet.getFleet();
    responses.send(
      req,
      res,
      {
        version: view.version,
        variant: access.scope === 'all' ? 'all' : access.variant,
      },
      () => ({
        version: view.version,
        builtAt: view.builtAt,
        stale: view.stale,
        summary:
          access.scope === 'all'
            ? view.summary
            : summarizeFleet(visibleClusters(view, access)),
      }),
    );
  });

  router.get('/clusters', async (req, res) => {
    const access = await resolveAccess(await httpAuth.credentials(req));
    const unknown = Object.keys(req.query).filter(
      key => !CLUSTER_QUERY_PARAMS.has(key),
    );
    if (unknown.length > 0) {
      throw new InputError(
        `unknown query parameter ${unknown
          .map(k => `'${k}'`)
          .join(', ')}; allowed: ${[...CLUSTER_QUERY_PARAMS].join(', ')}`,
      );
    }
    const parsed = parseClusterQuery(
      req.query as Record<string, string | string[]>,
    );
    if (!parsed.ok) {
      throw new InputError(parsed.error);
    }
    if ((parsed.query.limit ?? 0) > MAX_PAGE) {
      throw new InputError(
        `limit must be at most ${MAX_PAGE}; got ${parsed.query.limit}`,
      );
    }
    const view = fleet.getFleet();
    // Dashboards poll the same few queries: each is answered once per fleet version.
    const variant = `${
      access.scope === 'all' ? 'all' : access.variant
    }?${clusterQueryToParams(parsed.query)}`;
    queries.send(req, res, { version: view.version, variant }, () => ({
      version: view.version,
      stale: view.stale,
      ...queryClusters(visibleClusters(view, access), parsed.query),
    }));
  });

  router.get('/clusters/:namespace/:name', async (req, res) => {
    const access = await resolveAccess(await httpAuth.credentials(req));
    const { namespace, name } = req.params;
    for (const [field, value] of [
      ['namespace', namespace],
      ['name', name],
    ] as const) {
      if (!NAME_PATTERN.test(value)) {
        throw new InputError(
          `${field} must be a Kubernetes name (lower-case letters, digits, '-' and '.', at most 253 characters); got '${value.slice(
            0,
            64,
          )}'`,
        );
      }
    }
    const ref = clusterRef(namespace, name);
    const cluster = fleet.getCluster(ref);
    // A cluster the user may not read is reported like a missing one: no existence leak.
    if (!cluster || (access.scope === 'filtered' && !access.allows(cluster))) {
      throw new NotFoundError(`cluster ${ref} not found`);
    }
    const objects = fleet.getClusterObjects(ref);
    const view = fleet.getFleet();
    const { costs, compliance } = insights.current();
    res.json({
      version: view.version,
      stale: view.stale,
      cluster,
      conditionTree: buildConditionTree(objects),
      machines: machineRows(objects),
      cost: costs.get(ref) ?? null,
      compliance: compliance.get(ref) ?? null,
    });
  });

  return router;
}
