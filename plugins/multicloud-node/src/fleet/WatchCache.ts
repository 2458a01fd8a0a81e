import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  FleetIndex,
  clusterRef,
  summarizeFleet,
  type ClusterRef,
  type ClusterSummary,
  type FleetSnapshot,
  type FleetStatus,
  type KubeObject,
  type ManagementClusterStatus,
} from '@internal/plugin-multicloud-common';
import { Backoff } from '../watch/Backoff';
import { discoverServedKinds } from '../watch/discoverKinds';
import { KindReflector } from '../watch/KindReflector';
import { RecoveryGroup } from '../watch/RecoveryGroup';
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
  /** One index per management cluster: object keys (`Kind/namespace/name`) repeat across them. */
  index: FleetIndex;
  discovered: boolean;
  watchingSince?: string;
  lastError?: string;
  reflectors: KindReflector[];
}

/**
 * Lists and watches every CAPI kind on each management cluster, keeps the objects in a
 * `FleetIndex` per management cluster, and publishes a new immutable fleet version (all
 * management clusters merged) at most `debounceMs` after a change. Reads never touch the
 * management cluster.
 */
export class WatchCache implements FleetService {
  private readonly watches: ManagementClusterWatch[];
  private readonly listeners = new Set<(fleet: FleetView) => void>();
  private readonly options: Required<
    Omit<WatchCacheOptions, 'managementClusters' | 'logger' | 'backoff'>
  > &
    Pick<WatchCacheOptions, 'backoff'>;
  private fleet: FleetView;
  /** The index versions the published fleet was merged from. */
  private indexVersions: string;
  private clustersByRef = new Map<ClusterRef, ClusterSummary>();
  private buildTimer?: NodeJS.Timeout;
  /** A number, formatted only when asked: it is set on every watch event. */
  private lastChangeMs?: number;
  private stopped = false;
  private discovery?: Promise<void>;

  constructor(private readonly config: WatchCacheOptions) {
    this.options = {
      debounceMs: config.debounceMs ?? 100,
      idleTimeoutMs: config.idleTimeoutMs ?? 90_000,
      watchTimeoutSeconds: config.watchTimeoutSeconds ?? 300,
      pageSize: config.pageSize ?? 2000,
      backoff: config.backoff,
    };
    const qualifyRefs = config.managementClusters.length > 1;
    this.watches = config.managementClusters.map(mc => ({
      name: mc.name,
      client: mc.client,
      index: new FleetIndex({ managementCluster: mc.name, qualifyRefs }),
      discovered: false,
      reflectors: [],
    }));
    const { snapshots, versions } = this.indexSnapshots();
    const built = mergeSnapshots(snapshots);
    this.indexVersions = versions;
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
    const cluster = this.clustersByRef.get(ref);
    const watch = this.watches.find(w => w.name === cluster?.managementCluster);
    return cluster && watch
      ? watch.index.objectsOf(clusterRef(cluster.namespace, cluster.name))
      : [];
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
        watchingSince: w.watchingSince,
        lastError: w.lastError,
        kinds: w.reflectors.map(r => r.state()),
      }),
    );
    return {
      // Only once the view built from the synced lists is published: a reader that waits
      // for `synced` then finds every cluster in getFleet().
      synced: this.publishedSynced && this.allKindsSynced(),
      stale: this.fleet.stale,
      version: this.fleet.version,
      lastChangeAt:
        this.lastChangeMs === undefined
          ? undefined
          : new Date(this.lastChangeMs).toISOString(),
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
        const recovery = new RecoveryGroup();
        watch.reflectors = served.map(
          ({ kind, version }) =>
            new KindReflector({
              recovery,
              kind,
              version,
              client: watch.client,
              idleTimeoutMs: this.options.idleTimeoutMs,
              watchTimeoutSeconds: this.options.watchTimeoutSeconds,
              pageSize: this.options.pageSize,
              backoff: this.options.backoff?.(),
              onChange: (change, object) =>
                this.apply(watch.index, change, object),
              onStateChange: () => this.onReflectorState(watch),
            }),
        );
        watch.watchingSince = new Date().toISOString();
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

  private apply(
    index: FleetIndex,
    change: 'upsert' | 'delete',
    object: KubeObject,
  ): void {
    const changed =
      change === 'upsert' ? index.upsert(object) : index.remove(object);
    if (changed) {
      this.lastChangeMs = Date.now();
      this.scheduleBuild();
    }
  }

  private readonly reflectorHealth = new Map<string, boolean>();
  /** Whether a view was built while every kind had synced. */
  private publishedSynced = false;

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
    // Staleness may have moved, or the last initial list just settled: publish() only
    // builds when something changed.
    this.scheduleBuild();
  }

  private scheduleBuild(): void {
    if (this.buildTimer || this.stopped || this.initialListsPending()) {
      return;
    }
    this.buildTimer = setTimeout(() => {
      this.buildTimer = undefined;
      this.publish();
    }, this.options.debounceMs);
  }

  /**
   * While some kind is still in its first list, building would summarise clusters whose
   * objects are half there, again after every page of every kind: the first version waits
   * until each first list has completed or failed (a failure publishes what there is).
   */
  private initialListsPending(): boolean {
    return this.watches.some(w =>
      w.reflectors.some(r => !r.firstListSettled()),
    );
  }

  private publish(): void {
    const stale = this.computeStale();
    const synced = this.allKindsSynced();
    const { snapshots, versions } = this.indexSnapshots();
    this.publishedSynced ||= synced;
    if (versions === this.indexVersions && stale === this.fleet.stale) {
      return;
    }
    const changed = versions !== this.indexVersions;
    const built = changed ? mergeSnapshots(snapshots) : undefined;
    if (built) {
      this.indexVersions = versions;
      this.clustersByRef = new Map(built.clusters.map(c => [c.ref, c]));
    }
    // The view version also moves when only staleness changes, so ETags stay truthful.
    this.fleet = {
      version: this.fleet.version + 1,
      clusters: built ? built.clusters : this.fleet.clusters,
      summary: built ? built.summary : this.fleet.summary,
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

  /**
   * Each management cluster's snapshot (cached by its index until its objects change) and
   * their versions together: merging them waits until those change.
   */
  private indexSnapshots(): { snapshots: FleetSnapshot[]; versions: string } {
    const snapshots = this.watches.map(w => w.index.buildFleet());
    return { snapshots, versions: snapshots.map(s => s.version).join('.') };
  }

  /** Every management cluster discovered and every kind through its first list. */
  private allKindsSynced(): boolean {
    return this.watches.every(
      w => w.discovered && w.reflectors.every(r => r.state().synced),
    );
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

/** Every management cluster's snapshot as one fleet; a single one is used as it is. */
function mergeSnapshots(
  snapshots: readonly FleetSnapshot[],
): Pick<FleetSnapshot, 'clusters' | 'summary'> {
  if (snapshots.length === 1) return snapshots[0];
  // Qualified refs start with the management cluster's name: sorting keeps them grouped.
  const clusters = snapshots
    .flatMap(s => s.clusters)
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  return { clusters, summary: summarizeFleet(clusters) };
}
