import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Catalog module of the multicloud suite: CAPI clusters become `kubernetes-cluster`
 * Resources. Entity naming is in place; the provider that feeds the catalog from the
 * fleet watch cache registers here once the fleet service exists.
 */
export const catalogModuleMulticloud = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'multicloud',
  register(reg) {
    reg.registerInit({
      deps: {},
      async init() {},
    });
  },
});
