import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  buildConditionTree,
  CLUSTER_QUERY_PARAMS,
  clusterQueryToParams,
  findCluster,
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

const ALLOWED_CLUSTER_PARAMS: ReadonlySet<string> = new Set(
  CLUSTER_QUERY_PARAMS,
);
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
      key => !ALLOWED_CLUSTER_PARAMS.has(key),
    );
    if (unknown.length > 0) {
      throw new InputError(
        `unknown query parameter ${unknown
          .map(k => `'${k}'`)
          .join(', ')}; allowed: ${CLUSTER_QUERY_PARAMS.join(', ')}`,
      );
    }
    // `?cloud[x]=` parses to an object: only plain and repeated parameters are accepted.
    for (const [key, value] of Object.entries(req.query)) {
      if (!isStringOrStrings(value)) {
        throw new InputError(
          `query parameter '${key}' must be a string or a repeated string, not an object`,
        );
      }
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
    const managementCluster = managementClusterParam(
      req.query.managementCluster,
      fleet,
    );
    const view = fleet.getFleet();
    // Only clusters the user may read are candidates: a cluster they may not read is
    // reported like a missing one, and never makes a name ambiguous (no existence leak).
    const lookup = findCluster(
      view.clusters,
      { namespace, name, managementCluster },
      access.scope === 'all' ? undefined : access.allows,
    );
    if (lookup.kind === 'not-found') {
      throw new NotFoundError(
        `cluster ${namespace}/${name} not found${
          managementCluster
            ? ` on management cluster '${managementCluster}'`
            : ''
        }`,
      );
    }
    if (lookup.kind === 'ambiguous') {
      throw new ConflictError(
        `cluster ${namespace}/${name} exists on management clusters ${lookup.managementClusters
          .map(m => `'${m}'`)
          .join(', ')}; add ?managementCluster=<name> to choose one`,
      );
    }
    const cluster = lookup.cluster;
    const ref = cluster.ref;
    const objects = fleet.getClusterObjects(ref);
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

/** `?managementCluster=`: optional, one of the configured management clusters' names. */
function managementClusterParam(
  value: unknown,
  fleet: FleetService,
): string | undefined {
  if (value === undefined) return undefined;
  const known = fleet.getStatus().managementClusters.map(m => m.name);
  if (typeof value !== 'string' || !known.includes(value)) {
    throw new InputError(
      `managementCluster must be one of the configured management clusters (${known
        .map(m => `'${m}'`)
        .join(', ')}); got ${
        typeof value === 'string' ? `'${value.slice(0, 64)}'` : 'a list'
      }`,
    );
  }
  return value;
}

function isStringOrStrings(value: unknown): value is string | string[] {
  return (
    typeof value === 'string' ||
    (Array.isArray(value) && value.every(v => typeof v === 'string'))
  );
}
