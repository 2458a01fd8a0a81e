import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterRef, KubeObject } from '../model/kube';
import {
  isCoreKind,
  keyOf,
  kindOf,
  objectKey,
  type ObjectKey,
} from './objects';
import { directClustersOf, referencedKeysOf } from './references';
import { classifyClusterObjects } from './ClusterObjects';
import { qualifiedClusterRef } from './clusterIdentity';
import { summarizeCluster } from './summarizeCluster';
import { summarizeFleet, type FleetSummary } from './summarizeFleet';

/** An immutable view of the fleet at one version; build it once per change, serve it many times. */
export interface FleetSnapshot {
  /** Increases each time a build finds changes. */
  version: number;
  /** Sorted by ref. */
  clusters: ClusterSummary[];
  summary: FleetSummary;
  /** Clusters that objects point at but whose Cluster object is not known (yet, or any more). */
  orphans: Array<{ ref: ClusterRef; objects: number }>;
  /** Clusters re-summarised by the build that produced this snapshot. */
  rebuilt: ClusterRef[];
}

const NONE: readonly never[] = Object.freeze([]);

/** Reference chains are Cluster → ClusterClass → template at most; deeper means a cycle. */
const MAX_DEPTH = 8;

/** Everything the index knows about one key; `obj` is absent while the key is only referenced. */
interface Entry {
  key: ObjectKey;
  obj?: KubeObject;
  /** Clusters the object names itself. */
  direct: readonly ClusterRef[];
  refsOut: readonly Entry[];
  refsIn: Entry[];
  /** Immutable, shared with `direct` or a referrer's membership where possible. */
  membership: readonly ClusterRef[];
}

/**
 * Objects grouped by the cluster(s) they belong to (see `references.ts`), kept up to date
 * one watch event at a time. Each `upsert`/`remove` touches only the object, the objects it
 * references and their clusters, and marks those clusters dirty; `buildFleet` re-summarises
 * only dirty clusters and reuses every other summary.
 *
 * Membership is derived, not stored on objects: an object belongs to the clusters it names
 * directly plus the clusters of every object that references it. When an object changes,
 * the change is propagated down its old and new references until memberships stop moving.
 * Entries link to each other directly and memberships are small shared arrays: at fleet
 * scale the cost is map lookups and allocation, so both are kept to a few per event.
 */
export interface FleetIndexOptions {
  /** The management cluster these objects come from, stamped on every summary. */
  managementCluster?: string;
  /** Summaries get `managementCluster/namespace/name` refs: the fleet spans several management clusters. */
  qualifyRefs?: boolean;
}

export class FleetIndex {
  private readonly entries = new Map<ObjectKey, Entry>();
  private readonly members = new Map<ClusterRef, Set<Entry>>();
  private readonly dirty = new Set<ClusterRef>();
  private readonly summaries = new Map<ClusterRef, ClusterSummary>();
  private objectCount = 0;
  private snapshot?: FleetSnapshot;

  constructor(private readonly options: FleetIndexOptions = {}) {}

  get size(): number {
    return this.objectCount;
  }

  /**
   * Adds or replaces an object. Returns false when it was ignored: no kind or name (it
   * cannot be addressed), or the same `resourceVersion` is already indexed (a relist).
   */
  upsert(obj: KubeObject): boolean {
    const key = obj && typeof obj === 'object' ? objectKey(obj) : undefined;
    if (!key) return false;
    const entry = this.entry(key);
    const rv = obj.metadata?.resourceVersion;
    if (
      entry.obj &&
      rv !== undefined &&
      entry.obj.metadata?.resourceVersion === rv
    )
      return false;

    this.markDirty(entry.membership);
    if (!entry.obj) this.objectCount += 1;
    entry.obj = obj;
    entry.direct = directClustersOf(obj);
    this.changeReferences(entry, referencedKeysOf(obj));
    this.markDirty(entry.membership);
    return true;
  }

  /** Removes an object (the watch's DELETED event carries its last state; only kind, namespace and name are used). */
  remove(obj: KubeObject): boolean {
    const key = objectKey(obj);
    const entry = key ? this.entries.get(key) : undefined;
    if (!entry?.obj) return false;
    this.markDirty(entry.membership);
    entry.obj = undefined;
    entry.direct = NONE;
    this.objectCount -= 1;
    this.changeReferences(entry, NONE);
    this.forgetIfUnused(entry);
    return true;
  }

  /** After a relist of one kind: drops objects of that kind that are gone, upserts the rest. */
  replaceKind(kind: string, objects: readonly KubeObject[]): void {
    const keep = new Set(objects.map(o => objectKey(o)));
    for (const entry of [...this.entries.values()]) {
      if (entry.obj && kindOf(entry.obj) === kind && !keep.has(entry.key))
        this.remove(entry.obj);
    }
    objects.forEach(o => this.upsert(o));
  }

  /** Clusters whose summary is out of date. */
  dirtyClusters(): ClusterRef[] {
    return [...this.dirty];
  }

  /** The objects currently attributed to a cluster (the Cluster, its machines, templates, ClusterClass...). */
  objectsOf(ref: ClusterRef): KubeObject[] {
    const out: KubeObject[] = [];
    for (const entry of this.members.get(ref) ?? NONE)
      if (entry.obj) out.push(entry.obj);
    return out;
  }

  /** Re-summarises dirty clusters and returns the current snapshot (the same object when nothing changed). */
  buildFleet(): FleetSnapshot {
    if (this.snapshot && this.dirty.size === 0) return this.snapshot;
    const rebuilt = [...this.dirty].sort();
    for (const ref of rebuilt) {
      const summary = this.summarize(ref);
      if (summary) this.summaries.set(ref, summary);
      else this.summaries.delete(ref);
    }
    this.dirty.clear();

    const clusters = [...this.summaries.keys()]
      .sort()
      .map(ref => this.summaries.get(ref)!);
    const orphans: FleetSnapshot['orphans'] = [];
    for (const [ref, entries] of this.members) {
      if (!this.summaries.has(ref))
        orphans.push({ ref, objects: entries.size });
    }
    orphans.sort((a, b) => (a.ref < b.ref ? -1 : 1));
    this.snapshot = {
      version: (this.snapshot?.version ?? 0) + 1,
      clusters,
      summary: summarizeFleet(clusters),
      orphans,
      rebuilt,
    };
    return this.snapshot;
  }

  /** A cluster's summary, or undefined while its Cluster object is unknown. */
  private summarize(ref: ClusterRef): ClusterSummary | undefined {
    const [namespace, name] = ref.split('/');
    const cluster = this.entries.get(keyOf('Cluster', namespace, name))?.obj;
    if (!cluster || !isCoreKind(cluster, 'Cluster')) return undefined;
    const objects: KubeObject[] = [];
    const keys: ObjectKey[] = [];
    for (const entry of this.members.get(ref) ?? NONE) {
      if (entry.obj) {
        objects.push(entry.obj);
        keys.push(entry.key);
      }
    }
    return this.identify(
      summarizeCluster(classifyClusterObjects(objects, keys)),
    );
  }

  private identify(summary: ClusterSummary): ClusterSummary {
    const { managementCluster, qualifyRefs } = this.options;
    if (!managementCluster) return summary;
    summary.managementCluster = managementCluster;
    if (qualifyRefs) {
      summary.ref = qualifiedClusterRef(
        managementCluster,
        summary.namespace,
        summary.name,
      );
    }
    return summary;
  }

  private entry(key: ObjectKey): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        key,
        direct: NONE,
        refsOut: NONE,
        refsIn: [],
        membership: NONE,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Entries of absent objects are kept only while something references them. */
  private forgetIfUnused(entry: Entry): void {
    if (!entry.obj && entry.refsIn.length === 0) this.entries.delete(entry.key);
  }

  /** Replaces an entry's outgoing references and recomputes everything whose membership may move. */
  private changeReferences(entry: Entry, nextKeys: readonly ObjectKey[]): void {
    const previous = entry.refsOut;
    const same =
      previous.length === nextKeys.length &&
      previous.every((target, i) => target.key === nextKeys[i]);
    if (same) {
      this.update(entry, 0);
      return;
    }
    for (const target of previous) {
      const at = target.refsIn.indexOf(entry);
      if (at >= 0) target.refsIn.splice(at, 1);
    }
    const next = nextKeys.map(k => this.entry(k));
    for (const target of next)
      if (!target.refsIn.includes(entry)) target.refsIn.push(entry);
    entry.refsOut = next.length > 0 ? next : NONE;

    this.update(entry, 0);
    for (const target of previous) {
      this.update(target, 0);
      this.forgetIfUnused(target);
    }
    for (const target of next) this.update(target, 0);
  }

  /** Recomputes one entry's membership; when it moves, follows the entry's references. */
  private update(entry: Entry, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const previous = entry.membership;
    const next = membershipOf(entry);
    if (sameMembers(previous, next)) return;

    const inNext = lookup(next);
    const inPrevious = lookup(previous);
    for (const ref of previous) {
      if (inNext(ref)) continue;
      const set = this.members.get(ref);
      set?.delete(entry);
      if (set?.size === 0) this.members.delete(ref);
      this.dirty.add(ref);
    }
    for (const ref of next) {
      if (inPrevious(ref)) continue;
      let set = this.members.get(ref);
      if (!set) this.members.set(ref, (set = new Set()));
      set.add(entry);
      this.dirty.add(ref);
    }
    entry.membership = next;
    for (const child of entry.refsOut) this.update(child, depth + 1);
  }

  private markDirty(refs: readonly ClusterRef[]): void {
    for (const ref of refs) this.dirty.add(ref);
  }
}

/** The clusters an entry names plus those of every present object referencing it. */
function membershipOf(entry: Entry): readonly ClusterRef[] {
  if (!entry.obj) return NONE;
  const inherited: Array<readonly ClusterRef[]> = [];
  for (const referrer of entry.refsIn) {
    if (referrer.obj && referrer.membership.length > 0)
      inherited.push(referrer.membership);
  }
  if (inherited.length === 0) return entry.direct;
  if (inherited.length === 1 && entry.direct.length === 0) return inherited[0];
  const all = new Set(entry.direct);
  for (const m of inherited) for (const ref of m) all.add(ref);
  return all.size === entry.direct.length ? entry.direct : [...all];
}

/** Membership test: `includes` for the usual one or two clusters, a Set for shared objects. */
function lookup(refs: readonly ClusterRef[]): (ref: ClusterRef) => boolean {
  if (refs.length <= 8) return ref => refs.includes(ref);
  const set = new Set(refs);
  return ref => set.has(ref);
}

function sameMembers(
  a: readonly ClusterRef[],
  b: readonly ClusterRef[],
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const inA = lookup(a);
  return b.every(inA);
}

/** An index of every object, ready for watch events and `buildFleet`. */
export function indexObjects(objects: readonly KubeObject[]): FleetIndex {
  const index = new FleetIndex();
  for (const obj of objects) index.upsert(obj);
  return index;
}

/** The whole pipeline at once: index every object and summarise every cluster. */
export function buildFleet(objects: readonly KubeObject[]): FleetSnapshot {
  return indexObjects(objects).buildFleet();
}
