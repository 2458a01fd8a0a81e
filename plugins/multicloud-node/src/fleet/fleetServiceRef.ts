import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readManagementClusters } from '../cluster/ManagementClusterConfig';
import { KubeListWatchClient } from '../watch/KubeListWatchClient';
import type { FleetService } from './FleetService';
import { WatchCache } from './WatchCache';

/**
 * The fleet watch cache as a root-scoped service: one instance (and one watch per kind
 * and management cluster) per backend process, whichever plugins and modules read it.
 */
export const fleetServiceRef = createServiceRef<FleetService>({
  id: 'multicloud.fleet',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      async factory({ config, logger, lifecycle }) {
        const fleetLogger = logger.child({ service: 'multicloud-fleet' });
        const managementClusters = readManagementClusters(config).map(mc => ({
          name: mc.name,
          client: new KubeListWatchClient(mc.kubeConfig),
        }));
        if (managementClusters.length === 0) {
          fleetLogger.warn(
            'No multicloud.managementClusters configured: the fleet is empty',
          );
        }
        const cache = new WatchCache({
          managementClusters,
          logger: fleetLogger,
          debounceMs: config.getOptionalNumber('multicloud.fleet.debounceMs'),
          idleTimeoutMs: secondsToMs(
            config.getOptionalNumber('multicloud.fleet.idleTimeoutSeconds'),
          ),
          watchTimeoutSeconds: config.getOptionalNumber(
            'multicloud.fleet.watchTimeoutSeconds',
          ),
          pageSize: config.getOptionalNumber('multicloud.fleet.pageSize'),
        });
        // Discovery retries in the background: a management cluster that is down at start
        // must not hold up the backend.
        cache.start();
        lifecycle.addShutdownHook(() => cache.stop());
        return cache;
      },
    }),
});

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}
