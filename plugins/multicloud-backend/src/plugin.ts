import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { multicloudPermissions } from '@internal/plugin-multicloud-common';
import { createRouter } from './service/router';

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
        logger: coreServices.logger,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ httpRouter, logger, permissionsRegistry }) {
        permissionsRegistry.addPermissions(multicloudPermissions);
        httpRouter.use(await createRouter({ logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
