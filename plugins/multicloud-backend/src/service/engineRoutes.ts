import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  complianceRate,
  evaluatePlacement,
  multicloudPlacementEvaluatePermission,
  parsePlacementRequest,
  recommendPlacement,
  type PlacementConfig,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { FleetInsights } from '../insights/FleetInsights';
import type { ClusterAccess } from './clusterAccess';
import { SerializedResponseCache } from './SerializedResponseCache';
import { parseOrThrow } from './validation';

const complianceQuerySchema = z
  .object({ cluster: z.string().optional() })
  .strict();

/**
 * `GET /compliance` (fleet rates per cloud, team and environment, and every report the
 * user may read) and `POST /placement/evaluate` (ranked, explained candidates).
 */
export function createEngineRoutes(options: {
  fleet: FleetService;
  insights: FleetInsights;
  placementConfig: PlacementConfig;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  resolveAccess: (credentials: BackstageCredentials) => Promise<ClusterAccess>;
}) {
  const router = Router();
  const placements = new SerializedResponseCache(32);

  router.get('/compliance', async (req, res) => {
    const access = await options.resolveAccess(
      await options.httpAuth.credentials(req),
    );
    const query = parseOrThrow(complianceQuerySchema, req.query, 'query');
    const view = options.fleet.getFleet();
    const { compliance } = options.insights.current();
    const reports = view.clusters
      .filter(c => access.scope === 'all' || access.allows(c))
      .filter(c => !query.cluster || c.ref === query.cluster)
      .map(c => compliance.get(c.ref)!)
      .filter(Boolean);
    res.json({
      version: view.version,
      stale: view.stale,
      rules: options.insights.complianceRules,
      rates: {
        cloud: complianceRate(reports, 'cloud'),
        owner: complianceRate(reports, 'owner'),
        environment: complianceRate(reports, 'environment'),
      },
      reports,
    });
  });

  router.post('/placement/evaluate', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    const [decision] = await options.permissions.authorize(
      [{ permission: multicloudPlacementEvaluatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'multicloud.placement.evaluate is not allowed for this user',
      );
    }
    const parsed = parsePlacementRequest(req.body);
    if (!parsed.success) {
      throw new InputError(
        parsed.errors.map(e => `body.${e.field}: ${e.message}`).join('; '),
      );
    }
    const access = await options.resolveAccess(credentials);
    const insights = options.insights.current();
    // The placement form re-asks the same questions and the scaffolder's step repeats the
    // form's: each (fleet version, visibility, request) is scored and serialised once.
    const variant = `${
      access.scope === 'all' ? 'all' : access.variant
    }?${JSON.stringify(parsed.request)}`;
    placements.send(req, res, { version: insights.version, variant }, () => {
      const result = evaluatePlacement(
        insights.placement(),
        parsed.request,
        options.placementConfig,
      );
      // Clusters the user may not read are neither ranked nor named among the rejections.
      const visible = (ref: string) => {
        if (access.scope === 'all') return true;
        const cluster = options.fleet.getCluster(ref);
        return !!cluster && access.allows(cluster);
      };
      const candidates = result.candidates.filter(c => visible(c.ref));
      return {
        version: insights.version,
        stale: options.fleet.getFleet().stale,
        ...result,
        candidates,
        rejected: result.rejected.filter(r => visible(r.ref)),
        recommendation: recommendPlacement(candidates, result.newClusters),
      };
    });
  });

  return router;
}
