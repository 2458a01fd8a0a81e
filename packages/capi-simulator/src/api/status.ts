import type { ValidationCause } from '@internal/plugin-multicloud-common';

/** Reasons of `metav1.Status` the simulator returns (`metav1.StatusReason`). */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'ServiceUnavailable';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: ValidationCause[];
}

/** A failed API call, rendered as the `Status` object Kubernetes clients parse. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** `clusters.cluster.x-k8s.io`: how apimachinery names a resource in messages. */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export const errors = {
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  unauthorized: () => new ApiError(401, 'Unauthorized', 'Unauthorized'),
  pathNotFound: () =>
    new ApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    ),
  notFound: (plural: string, group: string, name: string) =>
    new ApiError(
      404,
      'NotFound',
      `${qualifiedResource(plural, group)} "${name}" not found`,
      { name, group, kind: plural },
    ),
  alreadyExists: (plural: string, group: string, name: string) =>
    new ApiError(
      409,
      'AlreadyExists',
      `${qualifiedResource(plural, group)} "${name}" already exists`,
      { name, group, kind: plural },
    ),
  conflict: (plural: string, group: string, name: string, why: string) =>
    new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(
        plural,
        group,
      )} "${name}": ${why}`,
      { name, group, kind: plural },
    ),
  invalid: (
    kind: string,
    group: string,
    name: string,
    causes: ValidationCause[],
  ) => {
    const list = causes.map(c =>
      c.field ? `${c.field}: ${c.message}` : c.message,
    );
    const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
    return new ApiError(
      422,
      'Invalid',
      `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${summary}`,
      { name, group, kind, causes },
    );
  },
  expired: (message: string) => new ApiError(410, 'Expired', message),
  methodNotAllowed: (method: string) =>
    new ApiError(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource (${method})`,
    ),
  unsupportedMediaType: (accepted: string[]) =>
    new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
        ', ',
      )}`,
    ),
  internal: (message: string) =>
    new ApiError(500, 'InternalError', `Internal error occurred: ${message}`),
};

export const STALE_OBJECT =
  'the object has been modified; please apply your changes to the latest version and try again';
