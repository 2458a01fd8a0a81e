/**
 * Node library of the multicloud plugins: reaching management clusters and the shared
 * fleet watch cache.
 *
 * @packageDocumentation
 */
export * from './cluster/ManagementClusterConfig';
export * from './fleet/FleetService';
export { fleetServiceRef } from './fleet/fleetServiceRef';
export { WatchCache, type WatchCacheOptions } from './fleet/WatchCache';
export {
  KubeListWatchClient,
  type ListWatchClient,
} from './watch/KubeListWatchClient';
export { WATCHED_KINDS, type WatchedKind } from './watch/watchedKinds';
export * from './config/readEngineConfig';
