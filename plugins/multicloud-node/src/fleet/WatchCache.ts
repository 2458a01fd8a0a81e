import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  FleetIndex,
  type ClusterRef,
  type ClusterSummary,
  type FleetStatus,
  type KubeObject,
  type ManagementClusterStatus,
} from '@internal/plugin-multicloud-common';
import { Backoff } from '../watch/Backoff';
import { discoverServedKinds } from '../watch/discoverKinds';
import { KindReflector } from '../watch/KindReflector';
import type { ListWatchClient } from '../watch/KubeListWatchClient';
import { WATCHED_KINDS } from '../watch/watchedKinds';
import type { FleetService, FleetView } from './FleetService';

export interface WatchCacheOptions {
  managementClusters: Array<{ name: string; client: ListWatchClient }>;
  logger: LoggerService;
  /** Longest wait between a change and the fleet version that shows it. */
  debounceMs?: number;
  idleTimeoutMs?: number;
  watchTimeoutSeconds?: number;
  pageSize?: number;
  backoff?: () => Backoff;
}

interface ManagementClusterWatch {
  name: string;
  client: ListWatchClient;
  discovered: boolean;
  lastError?: string;
  reflectors: KindReflector[];
}

/**
 * Lists and watches every CAPI kind on each management cluster, keeps the objects in a
 * `FleetIndex`, and publishes a new immutable fleet version at most `debounceMs` after a
 * change. Reads never touch the management cluster.
 */
export class WatchCache implements FleetService {
  private readonly index = new FleetIndex();
  private readonly watches: ManagementClusterWatch[];
  private readonly listeners = new Set<(fleet: FleetView) => void>();
  private readonly options: Required<
    Omit<WatchCacheOptions, 'managementClusters' | 'logger' | 'backoff'>
  > &
    Pick<WatchCacheOptions, 'backoff'>;
  private fleet: FleetView;
  private indexVersion: number;
  private clustersByRef = new Map<ClusterRef, ClusterSummary>();
  private buildTimer?: NodeJS.Timeout;
  private lastChangeAt?: string;
  private stopped = false;
  private discovery?: Promise<void>;

  constructor(private readonly config: WatchCacheOptions) {
    this.options = {
      debounceMs: config.debounceMs ?? 100,
      idleTimeoutMs: config.idleTimeoutMs ?? 90_000,
      watchTimeoutSeconds: config.watchTimeoutSeconds ?? 300,
      pageSize: config.pageSize ?? 500,
      backoff: config.backoff,
    };
    this.watches = config.managementClusters.map(mc => ({
      name: mc.name,
      client: mc.client,
      discovered: false,
      reflectors: [],
    }));
    const built = this.index.buildFleet();
    this.indexVersion = built.version;
    this.fleet = {
      version: 1,
      clusters: built.clusters,
      summary: built.summary,
      builtAt: new Date().toISOString(),
      stale: this.computeStale(),
    };
  }

  /** Starts discovery and the watches; resolves once discovery has been attempted everywhere. */
  start(): Promise<void> {
    this.discovery ??= Promise.all(
      this.watches.map(w => this.discoverAndWatch(w)),
    ).then(() => {});
    return this.discovery;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.buildTimer);
    await Promise.all(
      this.watches.flatMap(w => w.reflectors.map(r => r.stop())),
    );
  }

  getFleet(): FleetView {
    return this.fleet;
  }

  getCluster(ref: ClusterRef): ClusterSummary | undefined {
    return this.clustersByRef.get(ref);
  }

  getClusterObjects(ref: ClusterRef): KubeObject[] {
    return this.index.objectsOf(ref);
  }

  subscribe(listener: (fleet: FleetView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getStatus(): FleetStatus {
    const managementClusters: ManagementClusterStatus[] = this.watches.map(
      w => ({
        name: w.name,
        discovered: w.discovered,
        lastError: w.lastError,
        kinds: w.reflectors.map(r => r.state()),
      }),
    );
    return {
      synced: managementClusters.every(
        mc => mc.discovered && mc.kinds.every(k => k.synced),
      ),
      stale: this.fleet.stale,
      version: this.fleet.version,
      lastChangeAt: this.lastChangeAt,
      managementClusters,
    };
  }

  private async discoverAndWatch(watch: ManagementClusterWatch): Promise<void> {
    const backoff = this.options.backoff?.() ?? new Backoff();
    while (!this.stopped) {
      try {
        const served = await discoverServedKinds(watch.client, WATCHED_KINDS);
        if (this.stopped) return;
        watch.discovered = true;
        watch.lastError = undefined;
        this.config.logger.info(
          `Management cluster ${watch.name}: watching ${
            served.length
          } kinds (${served
            .map(s => `${s.kind.kind}/${s.version}`)
            .join(', ')})`,
        );
        watch.reflectors = served.map(
          ({ kind, version }) =>
            new KindReflector({
              kind,
              version,
              client: watch.client,
              idleTimeoutMs: this.options.idleTimeoutMs,
              watchTimeoutSeconds: this.options.watchTimeoutSeconds,
              pageSize: this.options.pageSize,
              backoff: this.options.backoff?.(),
              onChange: (change, object) => this.apply(change, object),
              onStateChange: () => this.onReflectorState(watch),
            }),
        );
        watch.reflectors.forEach(r => r.start());
        this.scheduleBuild();
        return;
      } catch (error) {
        watch.lastError = `discovery failed: ${
          String((error as Error)?.message ?? error).split('\n')[0]
        }`;
        this.config.logger.warn(
          `Management cluster ${watch.name}: ${watch.lastError}; retrying`,
        );
        this.scheduleBuild();
        await new Promise(resolve =>
          setTimeout(resolve, backoff.nextDelayMs()),
        );
      }
    }
  }

  private apply(change: 'upsert' | 'delete', object: KubeObject): void {
    const changed =
      change === 'upsert'
        ? this.index.upsert(object)
        : this.index.remove(object);
    if (changed) {
      this.lastChangeAt = new Date().toISOString();
      this.scheduleBuild();
    }
  }

  private readonly reflectorHealth = new Map<string, boolean>();

  private onReflectorState(watch: ManagementClusterWatch): void {
    for (const reflector of watch.reflectors) {
      const state = reflector.state();
      const key = `${watch.name}/${state.kind}`;
      const healthy = state.synced && state.connected;
      const previous = this.reflectorHealth.get(key);
      if (
        previous !== healthy &&
        (previous !== undefined || !healthy) &&
        state.lastError
      ) {
        const message = healthy
          ? `Management cluster ${watch.name}: ${state.kind} watch recovered`
          : `Management cluster ${watch.name}: ${state.kind} ${state.lastError}; serving the last known state`;
        (healthy ? this.config.logger.info : this.config.logger.warn).call(
          this.config.logger,
          message,
        );
      }
      this.reflectorHealth.set(key, healthy);
    }
    if (this.computeStale() !== this.fleet.stale) {
      this.scheduleBuild();
    }
  }

  private scheduleBuild(): void {
    if (this.buildTimer || this.stopped) {
      return;
    }
    this.buildTimer = setTimeout(() => {
      this.buildTimer = undefined;
      this.publish();
    }, this.options.debounceMs);
  }

  private publish(): void {
    const built = this.index.buildFleet();
    const stale = this.computeStale();
    if (built.version === this.indexVersion && stale === this.fleet.stale) {
      return;
    }
    if (built.version !== this.indexVersion) {
      this.indexVersion = built.version;
      this.clustersByRef = new Map(built.clusters.map(c => [c.ref, c]));
    }
    // The view version also moves when only staleness changes, so ETags stay truthful.
    this.fleet = {
      version: this.fleet.version + 1,
      clusters: built.clusters,
      summary: built.summary,
      builtAt: new Date().toISOString(),
      stale,
    };
    for (const listener of this.listeners) {
      try {
        listener(this.fleet);
      } catch (error) {
        this.config.logger.error(`Fleet listener failed: ${error}`);
      }
    }
  }

  private computeStale(): boolean {
    return this.watches.some(
      w =>
        !w.discovered ||
        w.reflectors.some(r => {
          const state = r.state();
          return !state.synced || !state.connected;
        }),
    );
  }
}
