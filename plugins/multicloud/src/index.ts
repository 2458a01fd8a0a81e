/**
 * Multicloud portal frontend plugin. The default export of `./alpha` is the plugin for the
 * new frontend system; this entry point is the legacy export for apps on the old system.
 *
 * @packageDocumentation
 */
export {
  multicloudPlugin,
  MulticloudPage,
  EntityMulticloudClustersContent,
  EntityMulticloudClusterContent,
  isMulticloudClusterResource,
} from './legacy';
export { multicloudApiRef } from './api/MulticloudApi';
export type { MulticloudApi, MulticloudHealth } from './api/MulticloudApi';
export { MulticloudClient } from './api/MulticloudClient';
export {
  rootRouteRef,
  clustersRouteRef,
  clusterDetailRouteRef,
} from './routes';
