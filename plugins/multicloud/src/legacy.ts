import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { multicloudApiRef } from './api/MulticloudApi';
import { MulticloudClient } from './api/MulticloudClient';
import { rootRouteRef } from './routes';

const legacyRootRouteRef = convertLegacyRouteRef(rootRouteRef);

/** The plugin for apps on the old frontend system. */
export const multicloudPlugin = createPlugin({
  id: 'multicloud',
  apis: [
    createApiFactory({
      api: multicloudApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MulticloudClient(deps),
    }),
  ],
  routes: { root: legacyRootRouteRef },
});

/** Mount at a route of the old app, e.g. `<Route path="/multicloud" element={<MulticloudPage />} />`. */
export const MulticloudPage = multicloudPlugin.provide(
  createRoutableExtension({
    name: 'MulticloudPage',
    component: () => import('./components/MulticloudPage').then(m => m.MulticloudPage),
    mountPoint: legacyRootRouteRef,
  }),
);
