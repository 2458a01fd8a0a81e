import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import type { Entity } from '@backstage/catalog-model';
import { multicloudApiRef } from './api/MulticloudApi';
import { MulticloudClient } from './api/MulticloudClient';
import {
  clusterDetailRouteRef,
  clustersRouteRef,
  complianceRouteRef,
  costRouteRef,
  failoverRouteRef,
  placementRouteRef,
  rootRouteRef,
  scaffolderTemplateRouteRef,
} from './routes';

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
  routes: {
    root: legacyRootRouteRef,
    clusters: convertLegacyRouteRef(clustersRouteRef),
    clusterDetail: convertLegacyRouteRef(clusterDetailRouteRef),
    cost: convertLegacyRouteRef(costRouteRef),
    compliance: convertLegacyRouteRef(complianceRouteRef),
    placement: convertLegacyRouteRef(placementRouteRef),
    failover: convertLegacyRouteRef(failoverRouteRef),
  },
  externalRoutes: {
    scaffolderTemplate: convertLegacyRouteRef(scaffolderTemplateRouteRef),
  },
});

/**
 * Overview, Clusters, cluster detail, Cost and Compliance under one route of the old app:
 * `<Route path="/multicloud" element={<MulticloudPage />} />`.
 */
export const MulticloudPage = multicloudPlugin.provide(
  createRoutableExtension({
    name: 'MulticloudPage',
    component: () =>
      import('./components/legacy/MulticloudRouter').then(
        m => m.MulticloudRouter,
      ),
    mountPoint: legacyRootRouteRef,
  }),
);

/** Entity tab for Components, Systems (clusters they depend on) and Groups (clusters they own). */
export const EntityMulticloudClustersContent = multicloudPlugin.provide(
  createComponentExtension({
    name: 'EntityMulticloudClustersContent',
    component: {
      lazy: () =>
        import('./components/legacy/LegacyEntityContent').then(
          m => m.LegacyEntityClustersContent,
        ),
    },
  }),
);

/** Entity tab for a `kubernetes-cluster` Resource: that cluster's detail. */
export const EntityMulticloudClusterContent = multicloudPlugin.provide(
  createComponentExtension({
    name: 'EntityMulticloudClusterContent',
    component: {
      lazy: () =>
        import('./components/legacy/LegacyEntityContent').then(
          m => m.LegacyEntityClusterContent,
        ),
    },
  }),
);

/** For `<EntitySwitch.Case if={isMulticloudClusterResource}>` around `EntityMulticloudClusterContent`. */
export function isMulticloudClusterResource(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type ===
      'kubernetes-cluster'
  );
}
