import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { PriceBook } from '@internal/plugin-multicloud-common';
import {
  fleetServiceRef,
  readComplianceRules,
  readPriceBookConfig,
} from '@internal/plugin-multicloud-node';
import { readGitopsConfig } from './config/gitopsConfig';
import { createEditAction } from './actions/edit/createEditAction';
import { createCheckoutAction } from './actions/gitops/createCheckoutAction';
import { createPublishAction } from './actions/gitops/createPublishAction';
import { createPlacementClient } from './actions/recommend/placementClient';
import { createRecommendAction } from './actions/recommend/createRecommendAction';
import { createRenderAction } from './actions/render/createRenderAction';
import { createLinkClustersAction } from './actions/service/createLinkClustersAction';
import { createValidateAction } from './actions/validate/createValidateAction';

/**
 * Scaffolder module with the `multicloud:*` actions: placement, rendering, validation, day-2
 * edits, service links and the embedded GitOps repository.
 */
export const scaffolderModuleMulticloud = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'multicloud',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        fleet: fleetServiceRef,
      },
      async init({ scaffolder, config, discovery, auth, fleet }) {
        const prices = new PriceBook(undefined, readPriceBookConfig(config));
        const rules = readComplianceRules(config);
        const gitops = readGitopsConfig(config);
        scaffolder.addActions(
          createRecommendAction({
            placement: createPlacementClient({ discovery, auth }),
          }),
          createRenderAction({ prices }),
          createValidateAction({ fleet, rules, prices }),
          createEditAction(),
          createCheckoutAction({ gitops }),
          createPublishAction({ gitops }),
          createLinkClustersAction(),
        );
      },
    });
  },
});
