import type { KubeObject } from './types';

/**
 * An object as stored: its serialised JSON (lists and watch events concatenate these strings,
 * never re-serialising) plus the few fields selectors, indices and the controller read.
 */
export interface StoredObject {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly labels: Record<string, string> | undefined;
  readonly ownerUids: readonly string[];
  readonly resourceVersion: number;
  readonly json: string;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: EventType;
  readonly storageKey: string;
  readonly object: StoredObject;
  /** The state before a MODIFIED or DELETED event (selectors compare old and new labels). */
  readonly previous?: StoredObject;
}

type Listener = (event: StoreEvent) => void;

/** Objects of one group/kind; a sorted key array serves ordered lists and continue tokens. */
class KindTable {
  readonly byKey = new Map<string, StoredObject>();
  private sorted: string[] | undefined;

  set(obj: StoredObject): boolean {
    const added = !this.byKey.has(obj.key);
    this.byKey.set(obj.key, obj);
    if (added) this.sorted = undefined;
    return added;
  }

  delete(key: string): void {
    if (this.byKey.delete(key)) this.sorted = undefined;
  }

  /** Keys in order, optionally only those of one namespace (a contiguous range). */
  keys(namespace?: string): string[] {
    this.sorted ??= [...this.byKey.keys()].sort();
    if (namespace === undefined) return this.sorted;
    const from = lowerBound(this.sorted, `${namespace}/`);
    const to = lowerBound(this.sorted, `${namespace}0`); // '0' sorts right after '/'
    return this.sorted.slice(from, to);
  }
}

export function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * An etcd-like store: one global resourceVersion counter, objects per group/kind, and a
 * bounded window of past events that watches resume from (older ones are "compacted").
 */
export class ObjectStore {
  private rv = 0;
  private readonly tables = new Map<string, KindTable>();
  private readonly listeners = new Set<Listener>();
  private events: StoreEvent[] = [];
  private compactedRv = 0;
  /** storageKey → `namespace/labelValue` → object keys, for the one indexed label. */
  private readonly labelIndex = new Map<string, Map<string, Set<string>>>();

  /**
   * @param eventWindow events retained for watch resumption
   * @param indexedLabel a label whose values are indexed per kind and namespace (CAPI's
   *   cluster-name: the controller reads "everything of cluster X" on every reconcile)
   */
  constructor(
    private readonly eventWindow: number,
    private readonly indexedLabel?: string,
  ) {}

  get resourceVersion(): number {
    return this.rv;
  }

  /** Watches from a resourceVersion older than this get 410 Gone. */
  get oldestResumableVersion(): number {
    return this.compactedRv;
  }

  private table(storageKey: string): KindTable {
    let table = this.tables.get(storageKey);
    if (!table) {
      table = new KindTable();
      this.tables.set(storageKey, table);
    }
    return table;
  }

  get(
    storageKey: string,
    namespace: string,
    name: string,
  ): StoredObject | undefined {
    return this.tables.get(storageKey)?.byKey.get(objectKey(namespace, name));
  }

  /** A parsed copy: callers may change it freely. */
  read<T extends KubeObject = KubeObject>(
    storageKey: string,
    namespace: string,
    name: string,
  ): T | undefined {
    const stored = this.get(storageKey, namespace, name);
    return stored ? (JSON.parse(stored.json) as T) : undefined;
  }

  keys(storageKey: string, namespace?: string): string[] {
    return this.tables.get(storageKey)?.keys(namespace) ?? [];
  }

  /** Objects of a kind in a namespace whose indexed label has this value. */
  withLabel(
    storageKey: string,
    namespace: string,
    value: string,
  ): StoredObject[] {
    const keys = this.labelIndex.get(storageKey)?.get(`${namespace}/${value}`);
    return keys ? [...keys].sort().map(k => this.getByKey(storageKey, k)!) : [];
  }

  getByKey(storageKey: string, key: string): StoredObject | undefined {
    return this.tables.get(storageKey)?.byKey.get(key);
  }

  count(storageKey: string): number {
    return this.tables.get(storageKey)?.byKey.size ?? 0;
  }

  /** Every stored object of a kind (unordered), for in-process scans. */
  all(storageKey: string): IterableIterator<StoredObject> {
    return (this.tables.get(storageKey)?.byKey ?? new Map()).values();
  }

  storageKeys(): string[] {
    return [...this.tables.keys()];
  }

  /** Creates or replaces an object, assigning the next resourceVersion (mutates `obj`). */
  put(storageKey: string, obj: KubeObject): StoredObject {
    const table = this.table(storageKey);
    const stored = this.serialise(obj);
    const previous = table.byKey.get(stored.key);
    table.set(stored);
    this.index(storageKey, previous, stored);
    this.emit({
      type: previous ? 'MODIFIED' : 'ADDED',
      storageKey,
      object: stored,
      previous,
    });
    return stored;
  }

  /** Removes an object; the DELETED event carries the deletion's resourceVersion. */
  remove(
    storageKey: string,
    namespace: string,
    name: string,
  ): StoredObject | undefined {
    const table = this.tables.get(storageKey);
    const previous = table?.byKey.get(objectKey(namespace, name));
    if (!table || !previous) return undefined;
    table.delete(previous.key);
    this.index(storageKey, previous, undefined);
    const stored = this.serialise(JSON.parse(previous.json));
    this.emit({ type: 'DELETED', storageKey, object: stored, previous });
    return stored;
  }

  /** Loads an object without an event (the initial fleet); the event window starts after it. */
  load(storageKey: string, obj: KubeObject): void {
    const stored = this.serialise(obj);
    this.table(storageKey).set(stored);
    this.index(storageKey, undefined, stored);
    this.compactedRv = this.rv;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events of one kind after `resourceVersion`, or `undefined` if they were compacted. */
  eventsSince(
    storageKey: string,
    resourceVersion: number,
  ): StoreEvent[] | undefined {
    if (resourceVersion < this.compactedRv) return undefined;
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].object.resourceVersion <= resourceVersion)
        lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo).filter(e => e.storageKey === storageKey);
  }

  /** Drops the whole event window, as an etcd compaction at the current revision would. */
  compact(): void {
    this.events = [];
    this.compactedRv = this.rv;
  }

  private index(
    storageKey: string,
    before: StoredObject | undefined,
    after: StoredObject | undefined,
  ): void {
    if (!this.indexedLabel) return;
    const label = this.indexedLabel;
    const oldValue = before?.labels?.[label];
    const newValue = after?.labels?.[label];
    if (before && oldValue === newValue && after) return;
    let byValue = this.labelIndex.get(storageKey);
    if (!byValue) {
      byValue = new Map();
      this.labelIndex.set(storageKey, byValue);
    }
    if (before && oldValue !== undefined)
      byValue.get(`${before.namespace}/${oldValue}`)?.delete(before.key);
    if (after && newValue !== undefined) {
      const slot = `${after.namespace}/${newValue}`;
      let keys = byValue.get(slot);
      if (!keys) {
        keys = new Set();
        byValue.set(slot, keys);
      }
      keys.add(after.key);
    }
  }

  private serialise(obj: KubeObject): StoredObject {
    const metadata = (obj.metadata ??= {});
    const rv = ++this.rv;
    metadata.resourceVersion = String(rv);
    return {
      key: objectKey(metadata.namespace ?? '', metadata.name ?? ''),
      namespace: metadata.namespace ?? '',
      name: metadata.name ?? '',
      uid: metadata.uid ?? '',
      labels: metadata.labels,
      ownerUids: (metadata.ownerReferences ?? []).map(o => o.uid ?? ''),
      resourceVersion: rv,
      json: JSON.stringify(obj),
    };
  }

  private emit(event: StoreEvent): void {
    this.events.push(event);
    // Trim in batches: shifting a large array on every write would cost O(window) each time.
    if (this.events.length > this.eventWindow * 1.25) {
      const dropped = this.events.splice(
        0,
        this.events.length - this.eventWindow,
      );
      this.compactedRv = dropped[dropped.length - 1].object.resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
  }
}
