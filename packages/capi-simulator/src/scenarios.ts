import { CLOUDS, type KnownCloud } from '@internal/plugin-multicloud-common';
import type { Controller } from './controller/controller';
import type { Faults } from './faults';
import type { ApiEndpoint } from './http/endpoint';
import type { SimServer } from './http/server';

/** Failure scenarios and faults, for tests (in process), the admin endpoint and the CLI. */
export interface Scenarios {
  /** Conditions False, machines Failed, phase Failed (`namespace/name`). */
  failCluster(ref: string): void;
  /** Lifts every failure of the cluster; its Failed machines run again. */
  recoverCluster(ref: string): void;
  /** Fails every cluster in the region; returns their refs. */
  regionOutage(cloud: KnownCloud, region: string): string[];
  recoverRegion(cloud: KnownCloud, region: string): string[];
  /** Delay before every request is handled. */
  setLatency(ms: number): void;
  /** Share of requests (0–1) answered with a 500 InternalError; open watches are unaffected. */
  setErrorRate(fraction: number): void;
  /** Ends every open watch stream now. */
  dropWatches(): void;
  /** Keeps watch streams open but sends nothing (not even bookmarks) until lifted. */
  stallWatches(stalled: boolean): void;
  /** Compacts the event window: watches from older resourceVersions get 410 Expired. */
  forceExpired(): void;
  /** Destroys the socket of every new request (the admin endpoint excepted). */
  resetConnections(enabled: boolean): void;
  /** Refuses connections (listener closed, open connections destroyed) until lifted. */
  down(isDown: boolean): Promise<void>;
}

export function assertCloud(cloud: string): KnownCloud {
  if (!(CLOUDS as readonly string[]).includes(cloud))
    throw new RangeError(`unknown cloud "${cloud}"`);
  return cloud as KnownCloud;
}

export function createScenarios(deps: {
  controller: Controller;
  faults: Faults;
  server: SimServer;
  endpoints: () => ApiEndpoint[];
}): Scenarios {
  const { controller, faults, server, endpoints } = deps;
  return {
    failCluster: ref => controller.failCluster(ref),
    recoverCluster: ref => controller.recoverCluster(ref),
    regionOutage: (cloud, region) =>
      controller.regionOutage(assertCloud(cloud), region),
    recoverRegion: (cloud, region) =>
      controller.recoverRegion(assertCloud(cloud), region),
    setLatency: ms => faults.setLatency(ms),
    setErrorRate: fraction => faults.setErrorRate(fraction),
    dropWatches: () => endpoints().forEach(e => e.watches.dropAll()),
    stallWatches: stalled =>
      endpoints().forEach(e => e.watches.setStalled(stalled)),
    forceExpired: () => endpoints().forEach(e => e.store.compact()),
    resetConnections: enabled => {
      faults.resetConnections = enabled;
    },
    down: isDown => server.setDown(isDown),
  };
}
