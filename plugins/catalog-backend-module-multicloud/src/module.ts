import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { fleetServiceRef } from '@internal/plugin-multicloud-node';
import { ClusterDependencyProcessor } from './ClusterDependencyProcessor';
import { ClusterEntityProvider } from './ClusterEntityProvider';

/**
 * Catalog module of the multicloud suite: each CAPI cluster of the shared fleet watch
 * cache becomes a `kubernetes-cluster` Resource, and Components that depend on clusters
 * that do not exist are reported.
 */
export const catalogModuleMulticloud = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'multicloud',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalogService: catalogServiceRef,
        fleet: fleetServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        auth,
        catalogService,
        fleet,
      }) {
        catalog.addProcessor(
          new ClusterDependencyProcessor({
            fleet,
            catalog: catalogService,
            auth,
            logger,
          }),
        );
        const managementCluster =
          config
            .getOptionalConfigArray('multicloud.managementClusters')?.[0]
            ?.getString('name') ?? 'default';
        catalog.addEntityProvider(
          new ClusterEntityProvider({
            fleet,
            logger,
            schedule: scheduler.createScheduledTaskRunner({
              frequency: {
                minutes:
                  config.getOptionalNumber(
                    'multicloud.catalog.fullRefreshMinutes',
                  ) ?? 10,
              },
              timeout: { minutes: 2 },
              initialDelay: { seconds: 15 },
            }),
            entity: {
              managementCluster,
              defaultOwner:
                config.getOptionalString('multicloud.catalog.defaultOwner') ??
                'group:default/platform-team',
              portalBaseUrl:
                config.getOptionalString('multicloud.portalBaseUrl') ??
                config.getOptionalString('app.baseUrl'),
              gitopsBaseUrl: config.getOptionalString(
                'multicloud.gitops.browseUrl',
              ),
            },
          }),
        );
      },
    });
  },
});
