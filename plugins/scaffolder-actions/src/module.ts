import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Scaffolder module with the `multicloud:*` actions. Workspace path safety is in place;
 * the actions register here as they are built.
 */
export const scaffolderModuleMulticloud = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'multicloud',
  register(reg) {
    reg.registerInit({
      deps: {},
      async init() {},
    });
  },
});
