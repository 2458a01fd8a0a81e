import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Kubernetes plugin module of the multicloud suite: workload clusters from the CAPI
 * `<cluster>-kubeconfig` secrets. Kubeconfig parsing is in place; the cluster supplier
 * registers here once the fleet service exists.
 */
export const kubernetesModuleMulticloud = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'multicloud',
  register(reg) {
    reg.registerInit({
      deps: {},
      async init() {},
    });
  },
});
