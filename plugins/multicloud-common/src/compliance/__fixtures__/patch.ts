import type { KubeObject } from '../../model/kube';

/**
 * Copies of `objects` where every object of `kind` has `path` set to `value` (`undefined`
 * deletes it). `path` is dotted, or an array when a key contains dots (labels, annotations).
 */
export function patch(
  objects: readonly KubeObject[],
  kind: string,
  path: string | string[],
  value: unknown,
): KubeObject[] {
  const keys = Array.isArray(path) ? path : path.split('.');
  return objects.map(obj => {
    if (obj.kind !== kind) return obj;
    const copy: any = structuredClone(obj);
    let cur = copy;
    for (const key of keys.slice(0, -1)) cur = cur[key] ??= {};
    if (value === undefined) delete cur[keys[keys.length - 1]];
    else cur[keys[keys.length - 1]] = value;
    return copy;
  });
}

/** The object of `kind` in `objects` (the first, when there are several). */
export function objectOf(
  objects: readonly KubeObject[],
  kind: string,
): KubeObject {
  const found = objects.find(o => o.kind === kind);
  if (!found) throw new Error(`no ${kind} among the objects`);
  return found;
}
