import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { PlacementConfig } from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type express from 'express';
import Router from 'express-promise-router';
import type { Registry } from 'prom-client';
import type { FailoverEngine } from '../failover/createFailoverEngine';
import { createFailoverRoutes } from '../failover/failoverRoutes';
import type { HistoryStore } from '../history/HistoryStore';
import type { FleetInsights } from '../insights/FleetInsights';
import { createClusterAccessResolver } from './clusterAccess';
import { createCostRoutes } from './costRoutes';
import { createEngineRoutes } from './engineRoutes';
import { createFleetRoutes } from './fleetRoutes';
import { createHistoryRoutes } from './historyRoutes';
import { createMetricsRoutes } from './metricsRoutes';
import type { ServiceDependencies } from './ServiceDependencies';
import { jsonBody } from './validation';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  fleet: FleetService;
  insights: FleetInsights;
  history: HistoryStore;
  services: ServiceDependencies;
  metrics: Registry;
  placementConfig: PlacementConfig;
  failover: FailoverEngine;
  auditor: AuditorService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { fleet, httpAuth } = options;
  const router = Router();
  router.use(...jsonBody('256kb'));

  // Liveness of the plugin itself; management-cluster sync state is reported by /status.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const resolveAccess = createClusterAccessResolver(options);
  router.use(
    createFleetRoutes({
      fleet,
      insights: options.insights,
      httpAuth,
      resolveAccess,
    }),
  );
  router.use(
    createHistoryRoutes({
      store: options.history,
      fleet,
      httpAuth,
      resolveAccess,
    }),
  );
  router.use(
    createCostRoutes({
      fleet,
      insights: options.insights,
      services: options.services,
      httpAuth,
      resolveAccess,
    }),
  );
  router.use(
    createEngineRoutes({
      fleet,
      insights: options.insights,
      placementConfig: options.placementConfig,
      httpAuth,
      permissions: options.permissions,
      resolveAccess,
    }),
  );
  router.use(
    createFailoverRoutes({
      service: options.failover.service,
      breakers: options.failover.breakers,
      fleet,
      httpAuth,
      permissions: options.permissions,
      auditor: options.auditor,
      resolveAccess,
    }),
  );
  router.use(createMetricsRoutes({ registry: options.metrics, httpAuth }));
  return router;
}
