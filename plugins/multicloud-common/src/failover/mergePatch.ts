import type { MergePatch, MergePatchValue } from './types';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The part of `patch` that `object` does not satisfy yet, or `undefined` when applying it
 * would change nothing: the step's "already done" test, and the only fields the executor
 * sends, so a resumed step never rewrites what an earlier attempt applied.
 */
export function unappliedPart(
  object: unknown,
  patch: MergePatch,
): MergePatch | undefined {
  const current = isObject(object) ? object : {};
  const out: MergePatch = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (current[key] !== undefined) out[key] = null;
    } else if (isObject(value)) {
      const nested = unappliedPart(current[key], value as MergePatch);
      if (nested) out[key] = nested;
    } else if (current[key] !== value) {
      out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The merge patch that restores, on `object`, every field `patch` touches: recorded before a
 * step's first write so failback puts back exactly what was there (absent fields become
 * `null`, i.e. removed again).
 */
export function revertPatch(object: unknown, patch: MergePatch): MergePatch {
  const current = isObject(object) ? object : {};
  const out: MergePatch = {};
  for (const [key, value] of Object.entries(patch)) {
    if (isObject(value)) {
      out[key] = revertPatch(current[key], value as MergePatch);
    } else {
      out[key] =
        current[key] === undefined ? null : (current[key] as MergePatchValue);
    }
  }
  return out;
}

/** RFC 7386 merge: objects merge recursively, `null` deletes, anything else replaces. */
export function applyMergePatch<T>(object: T, patch: MergePatch): T {
  const result: Record<string, unknown> = isObject(object) ? { ...object } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isObject(value))
      result[key] = applyMergePatch(result[key], value as MergePatch);
    else result[key] = value;
  }
  return result as T;
}
