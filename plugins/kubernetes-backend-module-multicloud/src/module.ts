import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  kubernetesAuthStrategyExtensionPoint,
  kubernetesClusterSupplierExtensionPoint,
} from '@backstage/plugin-kubernetes-node';
import { fleetServiceRef, readManagementClusters } from '@internal/plugin-multicloud-node';
import { CapiClusterSupplier } from './CapiClusterSupplier';
import { defaultAuthStrategies } from './defaultAuthStrategies';
import { ManagementClusterKubeconfigSecrets } from './KubeconfigSecretSource';

/**
 * Kubernetes plugin module of the multicloud suite: the workload clusters of the CAPI
 * fleet, from the `<cluster>-kubeconfig` secrets of every management cluster, next to the
 * configured clusters.
 */
export const kubernetesModuleMulticloud = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'multicloud',
  register(reg) {
    reg.registerInit({
      deps: {
        suppliers: kubernetesClusterSupplierExtensionPoint,
        authStrategies: kubernetesAuthStrategyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        fleet: fleetServiceRef,
      },
      async init({ suppliers, authStrategies, config, logger, fleet }) {
        const managementClusters = readManagementClusters(config);
        if (managementClusters.length === 0) {
          logger.info('No multicloud.managementClusters configured: no CAPI workload clusters');
          return;
        }
        const supplier = new CapiClusterSupplier({
          sources: managementClusters.map(m => ({
            managementCluster: m.name,
            secrets: new ManagementClusterKubeconfigSecrets(m.kubeConfig),
          })),
          fleet,
          logger,
          ttlMs: (config.getOptionalNumber('multicloud.kubernetes.cacheSeconds') ?? 300) * 1000,
        });
        // Registering any strategy replaces the plugin's default set, so the defaults are
        // registered again, with `serviceAccount` extended for the CAPI clusters.
        for (const [key, strategy] of defaultAuthStrategies({ config, logger })) {
          authStrategies.addAuthStrategy(
            key,
            key === 'serviceAccount' ? supplier.wrapServiceAccountStrategy(strategy) : strategy,
          );
        }
        suppliers.addClusterSupplier(async ({ getDefault }) => {
          const configured = await getDefault();
          return {
            async getClusters(options) {
              const [fromConfig, fromCapi] = await Promise.all([
                configured.getClusters(options),
                supplier.getClusters(options).catch(error => {
                  logger.warn(`CAPI workload clusters unavailable: ${error.message}`);
                  return [];
                }),
              ]);
              return [...fromConfig, ...fromCapi];
            },
          };
        });
      },
    });
  },
});
