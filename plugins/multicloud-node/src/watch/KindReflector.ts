import {
  projectForCache,
  type KindSyncState,
  type KubeObject,
} from '@internal/plugin-multicloud-common';
import { Backoff } from './Backoff';
import type { ListWatchClient } from './KubeListWatchClient';
import type { RecoveryGroup } from './RecoveryGroup';
import type { WatchedKind } from './watchedKinds';

export type ReflectorChange = 'upsert' | 'delete';

export interface ReflectorOptions {
  kind: WatchedKind;
  version: string;
  client: ListWatchClient;
  onChange(change: ReflectorChange, object: KubeObject): void;
  /** Called after every state change worth reporting (sync, error, reconnect). */
  onStateChange?(): void;
  /** Restart a watch that delivered no event or bookmark for this long. */
  idleTimeoutMs: number;
  /** Server-side watch timeout; randomised per watch so watches do not rotate together. */
  watchTimeoutSeconds: number;
  pageSize: number;
  backoff?: Backoff;
  /** Shared with the other kinds of the same management cluster: ends backoff at an outage's end. */
  recovery?: RecoveryGroup;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type WatchOutcome =
  | {
      kind: 'closed';
      healthyMs: number;
      /** The server had accepted the watch: it was reachable, then ended the stream. */
      established: boolean;
    }
  | { kind: 'expired' }
  | {
      kind: 'failed';
      message: string;
      healthyMs: number;
      /** Not the server's reachability but this kind's own request (a 4xx). */
      refused?: boolean;
      stalled?: boolean;
    };

/**
 * List-and-watch of one kind with the resilience of client-go's reflector, which
 * `@kubernetes/client-node`'s informer lacks: resourceVersion bookkeeping and bookmarks,
 * a relist on 410 Gone that reports objects deleted meanwhile, exponential backoff with
 * jitter after any error, and a restart of a watch that went silent.
 */
export class KindReflector {
  private readonly objects = new Map<string, KubeObject>();
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private resourceVersion = '';
  private stopped = false;
  private running?: Promise<void>;
  private abortWatch?: () => void;
  private wakeSleep?: () => void;
  /** After a stalled watch, a new watch being accepted says nothing about the server. */
  private lastFailureStalled = false;
  private readonly recoveryName: string;
  /** Accepted watches the server ended within a second, one after another. */
  private shortClosesInARow = 0;
  private readonly syncState: KindSyncState;

  constructor(private readonly options: ReflectorOptions) {
    this.backoff = options.backoff ?? new Backoff();
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? (ms => this.backoffSleep(ms));
    this.recoveryName = `${options.kind.kind}.${options.kind.group}`;
    this.syncState = {
      kind: options.kind.kind,
      group: options.kind.group,
      version: options.version,
      synced: false,
      connected: false,
      objects: 0,
      consecutiveFailures: 0,
      lists: 0,
      watches: 0,
    };
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abortWatch?.();
    this.wakeSleep?.();
    await this.running;
  }

  private backoffSleep(ms: number): Promise<void> {
    if (this.stopped) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      const cancel = { recovery: () => {} };
      const done = () => {
        cancel.recovery();
        resolve();
      };
      let timer = setTimeout(done, ms);
      cancel.recovery =
        this.options.recovery?.onRecovery(() => {
          clearTimeout(timer);
          // The woken kinds spread over a second instead of relisting all at once.
          timer = setTimeout(done, Math.random() * 1000);
        }) ?? cancel.recovery;
      this.wakeSleep = () => {
        clearTimeout(timer);
        done();
      };
    });
  }

  /** The first list has completed or failed: until then the kind's objects are not all known. */
  firstListSettled(): boolean {
    return this.syncState.synced || this.syncState.consecutiveFailures > 0;
  }

  state(): KindSyncState {
    return { ...this.syncState, objects: this.objects.size };
  }

  private async run(): Promise<void> {
    let needList = true;
    while (!this.stopped) {
      if (needList) {
        try {
          await this.relist();
          needList = false;
        } catch (error) {
          this.lastFailureStalled = false;
          if (!isRefusal(error)) {
            this.options.recovery?.failed(this.recoveryName);
          }
          this.recordFailure(`list failed: ${errorMessage(error)}`);
          await this.sleep(this.backoff.nextDelayMs());
          continue;
        }
      }
      // stop() may have come while listing: there is no watch yet for it to abort.
      if (this.stopped) {
        break;
      }
      const outcome = await this.watchOnce();
      if (this.stopped) {
        break;
      }
      if (outcome.kind === 'expired') {
        // The resourceVersion fell out of the server's window: only a new list can resync.
        needList = true;
        continue;
      }
      if (outcome.kind === 'closed' && outcome.healthyMs >= 1000) {
        this.shortClosesInARow = 0;
        this.backoff.succeededFor(outcome.healthyMs);
        continue;
      }
      this.shortClosesInARow =
        outcome.kind === 'closed' && outcome.established
          ? this.shortClosesInARow + 1
          : 0;
      // A server that accepted a watch and then dropped it (a restart, a load balancer) was
      // reachable: the first such close retries soon instead of continuing a backoff grown
      // during an earlier outage. Closes in a row still back off, as client-go's reflector
      // does for very short watches.
      if (this.shortClosesInARow === 1) {
        this.backoff.reset();
      }
      const message =
        outcome.kind === 'failed'
          ? outcome.message
          : 'watch closed immediately by the server';
      this.backoff.succeededFor(outcome.healthyMs);
      this.lastFailureStalled = outcome.kind === 'failed' && !!outcome.stalled;
      if (outcome.kind !== 'failed' || !outcome.refused) {
        this.options.recovery?.failed(this.recoveryName);
      }
      this.recordFailure(message);
      // A stalled watch has already waited out the idle bound on an open connection: its
      // retries come at most that often anyway, and capping the delay there keeps a
      // long stall from growing the backoff to 30 s, which would delay recovery by as much.
      const delay = this.backoff.nextDelayMs();
      await this.sleep(
        this.lastFailureStalled
          ? Math.min(delay, this.options.idleTimeoutMs)
          : delay,
      );
    }
  }

  private async relist(): Promise<void> {
    const { client, kind, version, pageSize } = this.options;
    const seen = new Map<string, KubeObject>();
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await client.list(kind.group, version, kind.plural, {
        limit: pageSize,
        continueToken,
      });
      for (const item of page.items) {
        seen.set(objectKey(item), forCache(item, kind, version));
      }
      continueToken = page.continueToken || undefined;
      resourceVersion = page.resourceVersion;
    } while (continueToken && !this.stopped);
    this.syncState.lists++;

    for (const [key, previous] of this.objects) {
      if (!seen.has(key)) {
        this.objects.delete(key);
        this.options.onChange('delete', previous);
      }
    }
    for (const [key, object] of seen) {
      const previous = this.objects.get(key);
      if (
        previous?.metadata?.resourceVersion !== object.metadata?.resourceVersion
      ) {
        this.objects.set(key, object);
        this.options.onChange('upsert', object);
      }
    }
    this.resourceVersion = resourceVersion;
    this.options.recovery?.succeeded();
    this.syncState.synced = true;
    this.syncState.lastSyncTime = new Date(this.now()).toISOString();
    this.options.onStateChange?.();
  }

  private watchOnce(): Promise<WatchOutcome> {
    const { client, kind, version, idleTimeoutMs } = this.options;
    const startedAt = this.now();
    return new Promise<WatchOutcome>(resolve => {
      let settled = false;
      let established = false;
      let idleTimer: NodeJS.Timeout | undefined;
      let expired = false;
      let handle: { abort(): void } | undefined;
      const finish = (outcome: WatchOutcome) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(idleTimer);
        this.abortWatch = undefined;
        handle?.abort();
        resolve(outcome);
      };
      const healthyMs = () => this.now() - startedAt;
      const armIdleTimer = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(
          () =>
            finish({
              kind: 'failed',
              message: `watch stalled: no event or bookmark for ${
                idleTimeoutMs / 1000
              } s`,
              healthyMs: healthyMs(),
              stalled: true,
            }),
          idleTimeoutMs,
        );
      };
      this.abortWatch = () =>
        finish({ kind: 'closed', healthyMs: healthyMs(), established });
      armIdleTimer();
      this.syncState.watches++;

      client
        .watch(
          kind.group,
          version,
          kind.plural,
          {
            resourceVersion: this.resourceVersion,
            timeoutSeconds: this.watchTimeout(),
          },
          {
            onEvent: (type, object) => {
              if (settled) {
                return;
              }
              established = true;
              armIdleTimer();
              this.options.recovery?.succeeded();
              if (!this.syncState.connected) {
                this.markConnected();
              }
              if (type === 'ERROR') {
                expired = object?.code === 410;
                finish(
                  expired
                    ? { kind: 'expired' }
                    : {
                        kind: 'failed',
                        message: `watch error: ${object?.message ?? 'unknown'}`,
                        healthyMs: healthyMs(),
                      },
                );
                return;
              }
              this.apply(type, object);
            },
            onDone: err => {
              if (err?.statusCode === 410) {
                finish({ kind: 'expired' });
              } else if (err) {
                finish({
                  kind: 'failed',
                  message: `watch failed: ${errorMessage(err)}`,
                  healthyMs: healthyMs(),
                  refused: isRefusal(err),
                });
              } else {
                finish({ kind: 'closed', healthyMs: healthyMs(), established });
              }
            },
          },
        )
        .then(
          h => {
            handle = h;
            if (settled) {
              h.abort();
              return;
            }
            established = true;
            if (!this.lastFailureStalled) {
              this.options.recovery?.succeeded();
            }
            if (!this.syncState.connected) {
              this.markConnected();
            }
          },
          error =>
            finish({
              kind: 'failed',
              message: `watch failed: ${errorMessage(error)}`,
              healthyMs: 0,
              refused: isRefusal(error),
            }),
        );
    });
  }

  private apply(type: string, raw: any): void {
    const resourceVersion = raw?.metadata?.resourceVersion;
    if (type === 'BOOKMARK') {
      if (resourceVersion) {
        this.resourceVersion = resourceVersion;
      }
      return;
    }
    if (!raw?.metadata?.name) {
      return;
    }
    const object = forCache(raw, this.options.kind, this.options.version);
    const key = objectKey(object);
    if (type === 'DELETED') {
      this.objects.delete(key);
      this.options.onChange('delete', object);
    } else if (type === 'ADDED' || type === 'MODIFIED') {
      this.objects.set(key, object);
      this.options.onChange('upsert', object);
    }
    if (resourceVersion) {
      this.resourceVersion = resourceVersion;
    }
  }

  private markConnected(): void {
    this.syncState.connected = true;
    this.syncState.consecutiveFailures = 0;
    this.options.onStateChange?.();
  }

  private recordFailure(message: string): void {
    this.syncState.connected = false;
    this.syncState.lastError = message;
    this.syncState.lastErrorTime = new Date(this.now()).toISOString();
    this.syncState.consecutiveFailures++;
    this.options.onStateChange?.();
  }

  private watchTimeout(): number {
    const base = this.options.watchTimeoutSeconds;
    return Math.round(base + Math.random() * base);
  }
}

function objectKey(object: KubeObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/**
 * What the cache keeps of an object: `projectForCache` (fields nothing reads are dropped),
 * plus apiVersion and kind, which list items may omit (the list carries them) and the
 * fleet model needs.
 */
function forCache(
  object: KubeObject,
  kind: WatchedKind,
  version: string,
): KubeObject {
  const kept = projectForCache(object);
  kept.kind ??= kind.kind;
  kept.apiVersion ??= `${kind.group}/${version}`;
  return kept;
}

/** A 4xx other than timeouts and throttling: the request's fault, not the server's reachability. */
function isRefusal(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  const status = e.statusCode ?? e.code;
  return (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    status !== 408 &&
    status !== 429
  );
}

function errorMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: number; statusCode?: number; message?: string };
    const status = e.statusCode ?? e.code;
    const message = (e.message ?? String(error)).split('\n')[0].slice(0, 200);
    return typeof status === 'number' ? `HTTP ${status}: ${message}` : message;
  }
  return String(error);
}
