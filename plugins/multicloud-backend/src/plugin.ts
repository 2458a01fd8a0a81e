import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  PriceBook,
  multicloudClusterReadPermission,
  multicloudFailoverExecutePermission,
  multicloudPermissions,
} from '@internal/plugin-multicloud-common';
import {
  fleetServiceRef,
  readComplianceRules,
  readManagementClusters,
  readPlacementConfig,
  readPriceBookConfig,
} from '@internal/plugin-multicloud-node';
import { createFailoverEngine } from './failover/createFailoverEngine';
import { readFailoverConfig } from './failover/failoverConfig';
import { KubeObjectClient } from './failover/ObjectClient';
import { scheduleFailoverTasks } from './failover/scheduleFailoverTasks';
import { HistoryStore } from './history/HistoryStore';
import { scheduleHistoryTasks } from './history/scheduleHistoryTasks';
import { FleetInsights } from './insights/FleetInsights';
import { createFleetMetrics } from './metrics/fleetMetrics';
import {
  multicloudClusterResourceRef,
  multicloudClusterRules,
} from './permissions/clusterResource';
import { createRouter } from './service/router';
import { ServiceDependencies } from './service/ServiceDependencies';

/**
 * The multicloud backend plugin: fleet API, placement, compliance, failover and metrics
 * over the management clusters configured under `multicloud.managementClusters`.
 *
 * @public
 */
export const multicloudPlugin = createBackendPlugin({
  pluginId: 'multicloud',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        fleet: fleetServiceRef,
      },
      async init(deps) {
        const { httpRouter, logger, config, permissionsRegistry, fleet } = deps;
        permissionsRegistry.addResourceType({
          resourceRef: multicloudClusterResourceRef,
          permissions: [
            multicloudClusterReadPermission,
            multicloudFailoverExecutePermission,
          ],
          rules: Object.values(multicloudClusterRules),
          getResources: async refs => refs.map(ref => fleet.getCluster(ref)),
        });
        permissionsRegistry.addPermissions(multicloudPermissions);

        const insights = new FleetInsights(
          fleet,
          new PriceBook(undefined, readPriceBookConfig(config)),
          readComplianceRules(config),
        );
        const history = await HistoryStore.create(deps.database);
        await scheduleHistoryTasks({
          scheduler: deps.scheduler,
          logger,
          fleet,
          insights,
          store: history,
          intervalSeconds:
            config.getOptionalNumber('multicloud.history.intervalSeconds') ??
            60,
        });

        const failoverConfig = readFailoverConfig(config);
        const failover = await createFailoverEngine({
          database: deps.database,
          fleet,
          client: new KubeObjectClient(readManagementClusters(config)),
          auditor: deps.auditor,
          logger: logger.child({ component: 'failover' }),
          config: failoverConfig,
          specs: insights.priceBook,
          rules: insights.complianceRules,
        });
        await scheduleFailoverTasks({
          scheduler: deps.scheduler,
          logger,
          config: failoverConfig,
          ...failover,
        });
        deps.lifecycle.addShutdownHook(() => failover.executor.stop());

        httpRouter.use(
          await createRouter({
            failover,
            ...deps,
            insights,
            history,
            services: new ServiceDependencies(deps.catalog, deps.auth),
            metrics: createFleetMetrics(fleet, insights),
            placementConfig: readPlacementConfig(config),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
