import { z } from 'zod';
import { CLOUDS } from '../model/cloud';
import { PLACEMENT_WEIGHT_BOUNDS, PRIORITIZERS, Prioritizer } from './config';

/** `invalid_type` messages that say whether the field was missing or of the wrong type. */
function typeError(field: string, expected: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined
        ? `${field} is required`
        : `${field} must be ${expected}`,
  };
}

const positive = (field: string, unit: string) =>
  z
    .number(typeError(field, `a number (${unit})`))
    .positive({ error: `${field} must be > 0 ${unit}` });

const integerAtLeast = (field: string, min: number) =>
  z
    .number(typeError(field, 'an integer'))
    .int({ error: `${field} must be an integer` })
    .min(min, { error: `${field} must be >= ${min}` });

const weight = (name: Prioritizer) =>
  z
    .number(typeError(`weights.${name}`, 'a number'))
    .min(PLACEMENT_WEIGHT_BOUNDS.min, {
      error: `weights.${name} must be >= ${PLACEMENT_WEIGHT_BOUNDS.min}`,
    })
    .max(PLACEMENT_WEIGHT_BOUNDS.max, {
      error: `weights.${name} must be <= ${PLACEMENT_WEIGHT_BOUNDS.max}`,
    })
    .optional();

const unknownKeys = (where: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue
          .keys!.map(k => (where ? `${where}.${k}` : k))
          .join(', ')}`
      : `${where || 'the request'} must be an object`,
});

const text = (field: string) =>
  z
    .string(typeError(field, 'a string'))
    .min(1, { error: `${field} must not be empty` });

/**
 * A placement request: the resources of one replica, how many replicas, and the
 * constraints. Strict: unknown fields are rejected, so a typo never goes unnoticed.
 */
export const placementRequestSchema = z.strictObject(
  {
    /** Cores per replica. */
    cpu: positive('cpu', 'cores'),
    /** GiB per replica. */
    memory: positive('memory', 'GiB'),
    /** GPUs per replica. */
    gpu: integerAtLeast('gpu', 0).default(0),
    replicas: integerAtLeast('replicas', 1).default(1),
    dataClass: text('dataClass').optional(),
    environment: text('environment'),
    /** Team that owns the workload; the spread prioritizer looks at its clusters. */
    owner: text('owner').optional(),
    preferredRegions: z
      .array(
        text('preferredRegions[]'),
        typeError('preferredRegions', 'a list of region names'),
      )
      .default([]),
    allowedClouds: z
      .array(
        z.enum(CLOUDS, {
          error: `allowedClouds entries must be one of ${CLOUDS.join(', ')}`,
        }),
        typeError('allowedClouds', 'a list of clouds'),
      )
      .min(1, { error: 'allowedClouds must name at least one cloud' })
      .default([...CLOUDS]),
    /** Budget for the marginal cost of hosting the request, USD per hour. */
    maxHourlyCost: positive('maxHourlyCost', 'USD/h').optional(),
    weights: z
      .strictObject(
        Object.fromEntries(PRIORITIZERS.map(p => [p, weight(p)])) as Record<
          Prioritizer,
          ReturnType<typeof weight>
        >,
        unknownKeys('weights'),
      )
      .optional(),
  },
  unknownKeys(''),
);

export type PlacementRequestInput = z.input<typeof placementRequestSchema>;
export type PlacementRequest = z.output<typeof placementRequestSchema>;

export interface PlacementFieldError {
  /** Dotted path, e.g. `weights.cost` or `allowedClouds[1]`; `` for the request itself. */
  field: string;
  /** `required`, `type`, `integer`, `minimum`, `maximum`, `min-items`, `enum`, `unknown-field`, ... */
  rule: string;
  message: string;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`,
    )
    .join('');
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'integer';
      // Only issues parsed with `reportInput` tell a missing field from a wrong type.
      return 'input' in issue && issue.input === undefined
        ? 'required'
        : 'type';
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? 'min-length'
        : 'minimum';
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? 'max-length'
        : 'maximum';
    case 'invalid_value':
      return 'enum';
    default:
      return issue.code;
  }
}

/** One entry per problem (one per unknown field), for API error bodies and forms. */
export function placementRequestErrors(
  error: z.ZodError,
): PlacementFieldError[] {
  return error.issues.flatMap((issue): PlacementFieldError[] => {
    const field = fieldOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => {
        const unknown = field ? `${field}.${key}` : key;
        return {
          field: unknown,
          rule: 'unknown-field',
          message: `unknown field ${unknown}`,
        };
      });
    }
    return [{ field, rule: ruleOf(issue), message: issue.message }];
  });
}

export type PlacementRequestParse =
  | { success: true; request: PlacementRequest }
  | { success: false; errors: PlacementFieldError[] };

/** Validates untrusted input (API body, template parameters) into a request with defaults. */
export function parsePlacementRequest(input: unknown): PlacementRequestParse {
  const result = placementRequestSchema.safeParse(input, { reportInput: true });
  return result.success
    ? { success: true, request: result.data }
    : { success: false, errors: placementRequestErrors(result.error) };
}
