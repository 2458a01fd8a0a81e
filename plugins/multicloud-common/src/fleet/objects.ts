import type { KubeObject } from '../model/kube';

/**
 * Identity of an object inside the fleet index: `Kind/namespace/name`.
 *
 * The API group is left out on purpose: references written by users and by the
 * templates carry it inconsistently (v1beta1 `apiVersion`, v1beta2 `apiGroup`, sometimes
 * an older version of the group), and CAPI provider kinds are unique by prefix anyway.
 */
export type ObjectKey = string;

/** Objects read from manifests may lack a namespace; the API server would default it. */
const DEFAULT_NAMESPACE = 'default';

export function namespaceOf(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : DEFAULT_NAMESPACE;
}

export function nameOf(obj: KubeObject): string | undefined {
  const name = obj.metadata?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

export function kindOf(obj: KubeObject): string | undefined {
  return typeof obj.kind === 'string' && obj.kind !== '' ? obj.kind : undefined;
}

export function keyOf(
  kind: string,
  namespace: string,
  name: string,
): ObjectKey {
  return `${kind}/${namespace}/${name}`;
}

/** The index key of an object, or undefined when it has no kind or name. */
export function objectKey(obj: KubeObject): ObjectKey | undefined {
  const kind = kindOf(obj);
  const name = nameOf(obj);
  return kind && name ? keyOf(kind, namespaceOf(obj), name) : undefined;
}

/** `cluster.x-k8s.io/v1beta2` → `cluster.x-k8s.io`; `v1` → `` (core group). */
export function apiGroupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `cluster.x-k8s.io/v1beta2` → `v1beta2`. */
export function apiVersionPart(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

/** `AWSCluster default/prod-eu`: how objects are named in reasons and errors. */
export function describeObject(obj: KubeObject): string {
  return `${kindOf(obj) ?? 'object'} ${namespaceOf(obj)}/${nameOf(obj) ?? '?'}`;
}

const CAPI_CORE_GROUP = 'cluster.x-k8s.io';

/** True for `cluster.x-k8s.io` objects of the given kind (a `Cluster` of another API is not ours). */
export function isCoreKind(obj: KubeObject, kind: string): boolean {
  return obj.kind === kind && apiGroupOf(obj.apiVersion) === CAPI_CORE_GROUP;
}

export function hasLabel(obj: KubeObject, label: string): boolean {
  const labels = obj.metadata?.labels;
  return !!labels && typeof labels === 'object' && label in labels;
}

export function labelOf(obj: KubeObject, label: string): string | undefined {
  const value = obj.metadata?.labels?.[label];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const splitPaths = new Map<string, string[]>();

/** Reads a dotted path without judging types; use `FieldReader` when a type is expected. */
export function getPath(obj: unknown, path: string): unknown {
  // Paths are a small fixed vocabulary read for every object: split each once.
  let parts = splitPaths.get(path);
  if (!parts) splitPaths.set(path, (parts = path.split('.')));
  let current: any = obj;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[part];
  }
  return current;
}

/**
 * A reference as Cluster API writes it: v1beta1 `{apiVersion, kind, name, namespace}` or
 * v1beta2 `{apiGroup, kind, name}` (v1beta2 references are always in the referrer's namespace).
 */
export function refTarget(
  ref: unknown,
  defaultNamespace: string,
): { kind: string; name: string; key: ObjectKey } | undefined {
  if (!ref || typeof ref !== 'object') return undefined;
  const { kind, name, namespace } = ref as Record<string, unknown>;
  if (typeof kind !== 'string' || typeof name !== 'string' || !kind || !name) {
    return undefined;
  }
  const ns =
    typeof namespace === 'string' && namespace !== ''
      ? namespace
      : defaultNamespace;
  return { kind, name, key: keyOf(kind, ns, name) };
}
