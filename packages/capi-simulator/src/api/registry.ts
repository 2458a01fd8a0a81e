import type { ServedResource } from '@internal/plugin-multicloud-common';

/** A served resource (one version of one kind), as discovery and the handlers see it. */
export interface ResourceType extends ServedResource {
  /** Custom resources are validated against their CRD and refuse strategic merge patches. */
  custom: boolean;
  /** Objects live per group and kind, whichever served version wrote them. */
  storageKey: string;
  /** Builtins like Secrets return a `Status` on DELETE; custom resources return the object. */
  returnDeletedObject: boolean;
}

export function storageKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

/** The storage key of an object, from its apiVersion and kind. */
export function storageKeyOf(obj: {
  apiVersion?: string;
  kind?: string;
}): string {
  const apiVersion = obj.apiVersion ?? '';
  const slash = apiVersion.lastIndexOf('/');
  return storageKey(
    slash < 0 ? '' : apiVersion.slice(0, slash),
    obj.kind ?? '',
  );
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Kubernetes version priority: GA > beta > alpha, higher numbers first (`v1` > `v1beta2`). */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    const stability = { beta: 2, alpha: 1 }[m[2] as 'beta' | 'alpha'] ?? 3;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
  return a.localeCompare(b);
}

/** The set of resources one API endpoint (management or workload cluster) serves. */
export class Registry {
  private readonly byPath = new Map<string, ResourceType>();
  private readonly byKind = new Map<string, ResourceType>();

  constructor(readonly types: ResourceType[]) {
    for (const t of types) {
      this.byPath.set(`${t.group}/${t.version}/${t.plural}`, t);
      this.byKind.set(`${t.group}/${t.version}/${t.kind}`, t);
    }
  }

  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  /** The served type for an object's apiVersion and kind. */
  forObject(
    group: string,
    version: string,
    kind: string,
  ): ResourceType | undefined {
    return this.byKind.get(`${group}/${version}/${kind}`);
  }

  /** API groups (without the core group), each with its versions, preferred first. */
  groups(): Array<{ name: string; versions: string[] }> {
    const groups = new Map<string, Set<string>>();
    for (const t of this.types) {
      if (!t.group) continue;
      const versions = groups.get(t.group) ?? new Set<string>();
      versions.add(t.version);
      groups.set(t.group, versions);
    }
    return [...groups.entries()].map(([name, versions]) => ({
      name,
      versions: [...versions].sort(compareVersions),
    }));
  }

  resourcesOf(group: string, version: string): ResourceType[] {
    return this.types.filter(t => t.group === group && t.version === version);
  }
}

/** Builtin (non-CRD) kinds: no schema validation, strategic merge treated as merge patch. */
export function builtin(
  group: string,
  version: string,
  kind: string,
  plural: string,
  options: {
    namespaced?: boolean;
    status?: boolean;
    shortNames?: string[];
  } = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced: options.namespaced ?? true,
    shortNames: options.shortNames ?? [],
    categories: [],
    hasStatusSubresource: options.status ?? false,
    storage: true,
    custom: false,
    storageKey: storageKey(group, kind),
    returnDeletedObject: false,
  };
}

export function fromCrd(served: ServedResource): ResourceType {
  return {
    ...served,
    custom: true,
    storageKey: storageKey(served.group, served.kind),
    returnDeletedObject: true,
  };
}
