import type { ServerResponse } from 'node:http';
import { apiVersionOf, type ResourceType } from './registry';
import { isEverything, matchesSelector, type Selector } from './selectors';
import { errors } from './status';
import type { EventType, ObjectStore, StoreEvent, StoredObject } from './store';

export interface WatchRequest {
  type: ResourceType;
  /** Undefined: all namespaces (or a cluster-scoped kind). */
  namespace?: string;
  selector: Selector;
  /** Undefined or "0": start with ADDED events for the current state. */
  resourceVersion?: string;
  allowBookmarks: boolean;
  timeoutSeconds: number;
}

interface Watcher {
  readonly request: WatchRequest;
  readonly res: ServerResponse;
  readonly everything: boolean;
  /** Lines held back while watches are stalled. */
  readonly pending: string[];
  timer?: NodeJS.Timeout;
}

function line(
  type: EventType | 'BOOKMARK' | 'ERROR',
  objectJson: string,
): string {
  return `{"type":"${type}","object":${objectJson}}\n`;
}

/**
 * Fans store events out to open watch streams, per kind. Each event is serialised once per
 * event type and shared by every watcher that receives it.
 */
export class WatchHub {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private stalled = false;
  private readonly bookmarkTimer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: ObjectStore, bookmarkIntervalMs: number) {
    this.unsubscribe = store.on(event => this.dispatch(event));
    this.bookmarkTimer = setInterval(
      () => this.sendBookmarks(),
      bookmarkIntervalMs,
    );
    this.bookmarkTimer.unref();
  }

  get openWatches(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }

  /** Starts a watch stream on `res` (headers are sent at once, as client-node waits for them). */
  open(request: WatchRequest, res: ServerResponse): void {
    const rv = request.resourceVersion;
    const replay =
      rv && rv !== '0'
        ? this.store.eventsSince(request.type.storageKey, Number(rv))
        : [];
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();
    if (replay === undefined) {
      // A compacted resourceVersion: the real server answers 200 with an ERROR event.
      const status = errors.expired(
        `too old resource version: ${rv} (${this.store.oldestResumableVersion})`,
      );
      res.end(line('ERROR', JSON.stringify(status.toStatus())));
      return;
    }
    const watcher: Watcher = {
      request,
      res,
      everything: isEverything(request.selector),
      pending: [],
    };
    const initial = rv && rv !== '0' ? [] : this.currentState(request);
    for (const stored of initial)
      this.send(watcher, line('ADDED', stored.json));
    for (const event of replay) {
      const type = this.eventTypeFor(watcher, event);
      if (type) this.send(watcher, line(type, event.object.json));
    }
    const set =
      this.watchers.get(request.type.storageKey) ?? new Set<Watcher>();
    set.add(watcher);
    this.watchers.set(request.type.storageKey, set);
    watcher.timer = setTimeout(() => res.end(), request.timeoutSeconds * 1000);
    res.on('close', () => {
      clearTimeout(watcher.timer);
      set.delete(watcher);
    });
  }

  /** Ends every open stream now (clients see a clean server-side close). */
  dropAll(): void {
    for (const set of this.watchers.values()) {
      for (const w of set) w.res.end();
    }
  }

  /** While stalled, streams stay open but receive nothing, not even bookmarks. */
  setStalled(stalled: boolean): void {
    this.stalled = stalled;
    if (stalled) return;
    for (const set of this.watchers.values()) {
      for (const w of set) {
        // A stream ended by dropAll() may still be registered until its close event.
        if (w.res.writableEnded || w.res.destroyed) continue;
        for (const l of w.pending.splice(0)) w.res.write(l);
      }
    }
  }

  close(): void {
    clearInterval(this.bookmarkTimer);
    this.unsubscribe();
    this.dropAll();
  }

  private currentState(request: WatchRequest): StoredObject[] {
    const out: StoredObject[] = [];
    for (const key of this.store.keys(
      request.type.storageKey,
      request.namespace,
    )) {
      const stored = this.store.getByKey(request.type.storageKey, key)!;
      if (matchesSelector(request.selector, stored)) out.push(stored);
    }
    return out;
  }

  private send(watcher: Watcher, text: string): void {
    // A stream ended (dropAll, a reset, the client gone) stays registered until its close
    // event: writing to it would throw ERR_STREAM_WRITE_AFTER_END and end the process.
    if (watcher.res.writableEnded || watcher.res.destroyed) return;
    if (this.stalled) watcher.pending.push(text);
    else watcher.res.write(text);
  }

  private dispatch(event: StoreEvent): void {
    const set = this.watchers.get(event.storageKey);
    if (!set || set.size === 0) return;
    const cache = new Map<EventType, string>();
    for (const watcher of set) {
      const type = this.eventTypeFor(watcher, event);
      if (!type) continue;
      let text = cache.get(type);
      if (!text) {
        text = line(type, event.object.json);
        cache.set(type, text);
      }
      this.send(watcher, text);
    }
  }

  /**
   * The event a watcher sees: a MODIFIED object entering its selector is ADDED for it, one
   * leaving is DELETED, as with the real API server's filtered watches.
   */
  private eventTypeFor(
    watcher: Watcher,
    event: StoreEvent,
  ): EventType | undefined {
    const { namespace, selector } = watcher.request;
    if (namespace !== undefined && event.object.namespace !== namespace)
      return undefined;
    if (watcher.everything) return event.type;
    const now = matchesSelector(selector, event.object);
    if (event.type === 'ADDED') return now ? 'ADDED' : undefined;
    if (event.type === 'DELETED') return now ? 'DELETED' : undefined;
    const before = event.previous
      ? matchesSelector(selector, event.previous)
      : false;
    if (now && before) return 'MODIFIED';
    if (now) return 'ADDED';
    return before ? 'DELETED' : undefined;
  }

  private sendBookmarks(): void {
    if (this.stalled) return;
    const rv = String(this.store.resourceVersion);
    for (const set of this.watchers.values()) {
      for (const w of set) {
        if (!w.request.allowBookmarks) continue;
        const { type } = w.request;
        const bookmark = {
          kind: type.kind,
          apiVersion: apiVersionOf(type.group, type.version),
          metadata: { resourceVersion: rv },
        };
        this.send(w, line('BOOKMARK', JSON.stringify(bookmark)));
      }
    }
  }
}
