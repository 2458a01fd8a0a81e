import type {
  KindSyncState,
  KubeObject,
} from '@internal/plugin-multicloud-common';
import { Backoff } from './Backoff';
import type { ListWatchClient } from './KubeListWatchClient';
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
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type WatchOutcome =
  | { kind: 'closed'; healthyMs: number }
  | { kind: 'expired' }
  | { kind: 'failed'; message: string; healthyMs: number };

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
  private readonly syncState: KindSyncState;

  constructor(private readonly options: ReflectorOptions) {
    this.backoff = options.backoff ?? new Backoff();
    this.now = options.now ?? Date.now;
    this.sleep =
      options.sleep ??
      (ms =>
        this.stopped
          ? Promise.resolve()
          : new Promise(resolve => {
              const timer = setTimeout(resolve, ms);
              this.wakeSleep = () => {
                clearTimeout(timer);
                resolve();
              };
            }));
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
        this.backoff.succeededFor(outcome.healthyMs);
        continue;
      }
      const message =
        outcome.kind === 'failed'
          ? outcome.message
          : 'watch closed immediately by the server';
      this.backoff.succeededFor(outcome.healthyMs);
      this.recordFailure(message);
      await this.sleep(this.backoff.nextDelayMs());
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
    this.syncState.synced = true;
    this.syncState.lastSyncTime = new Date(this.now()).toISOString();
    this.options.onStateChange?.();
  }

  private watchOnce(): Promise<WatchOutcome> {
    const { client, kind, version, idleTimeoutMs } = this.options;
    const startedAt = this.now();
    return new Promise<WatchOutcome>(resolve => {
      let settled = false;
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
            }),
          idleTimeoutMs,
        );
      };
      this.abortWatch = () =>
        finish({ kind: 'closed', healthyMs: healthyMs() });
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
              armIdleTimer();
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
                });
              } else {
                finish({ kind: 'closed', healthyMs: healthyMs() });
              }
            },
          },
        )
        .then(
          h => {
            handle = h;
            if (settled) {
              h.abort();
            } else if (!this.syncState.connected) {
              this.markConnected();
            }
          },
          error =>
            finish({
              kind: 'failed',
              message: `watch failed: ${errorMessage(error)}`,
              healthyMs: 0,
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

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What the cache keeps of an object: list items may omit apiVersion/kind (the list
 * carries them) and the fleet model needs both; `managedFields` and the last-applied
 * annotation are dropped, as client-go transforms do, because they can double an object's
 * size and nothing reads them.
 */
function forCache(
  object: KubeObject,
  kind: WatchedKind,
  version: string,
): KubeObject {
  const metadata = object.metadata as
    | (KubeObject['metadata'] & { managedFields?: unknown })
    | undefined;
  const heavy =
    metadata?.managedFields !== undefined ||
    metadata?.annotations?.[LAST_APPLIED] !== undefined;
  if (object.kind && object.apiVersion && !heavy) {
    return object;
  }
  const trimmed: KubeObject = {
    ...object,
    kind: object.kind ?? kind.kind,
    apiVersion: object.apiVersion ?? `${kind.group}/${version}`,
  };
  if (metadata && heavy) {
    const { managedFields: _managedFields, ...rest } = metadata;
    const annotations = rest.annotations ? { ...rest.annotations } : undefined;
    if (annotations) delete annotations[LAST_APPLIED];
    trimmed.metadata = { ...rest, ...(annotations ? { annotations } : {}) };
  }
  return trimmed;
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
