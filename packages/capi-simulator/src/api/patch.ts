import { applyPatch, type Operation } from 'fast-json-patch';
import { ApiError, errors } from './status';

export const MERGE_PATCH = 'application/merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

export type PatchType =
  | typeof MERGE_PATCH
  | typeof JSON_PATCH
  | typeof STRATEGIC_MERGE_PATCH;

/**
 * Rejects media types the API server does not accept for PATCH with 415. Custom resources
 * refuse strategic merge patch, as the real API server does; server-side apply is not simulated.
 */
export function assertPatchType(
  contentType: string,
  custom: boolean,
): asserts contentType is PatchType {
  const accepted = custom
    ? [JSON_PATCH, MERGE_PATCH]
    : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH];
  if (!accepted.includes(contentType))
    throw errors.unsupportedMediaType(accepted);
}

/** Applies a PATCH body; builtin kinds get strategic merge as a merge patch (no list merge keys). */
export function applyPatchBody(
  target: Record<string, unknown>,
  contentType: PatchType,
  body: unknown,
): Record<string, unknown> {
  if (contentType === JSON_PATCH) {
    if (!Array.isArray(body))
      throw errors.badRequest('json patch body must be an array of operations');
    try {
      return applyPatch(
        structuredClone(target),
        body as Operation[],
        true,
        false,
      ).newDocument;
    } catch (e) {
      throw new ApiError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: ${
          (e as Error).message.split('\n')[0]
        }`,
      );
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.badRequest('merge patch body must be a JSON object');
  }
  return mergePatch(target, body) as Record<string, unknown>;
}
