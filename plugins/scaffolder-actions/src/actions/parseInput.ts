import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

/** An action's input schema, written once for both the scaffolder's JSON schema and parsing. */
export type InputSchema<T extends z.ZodTypeAny> = (zImpl: typeof z) => T;

/**
 * A template renders an optional parameter the user left empty as `''` (for example
 * `${{ steps.x.output.y if cond }}`); to an action that is the same as not setting it.
 */
function withoutEmptyStrings(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, withoutEmptyStrings(v)]),
  );
}

/**
 * The scaffolder checks inputs against the JSON schema only; parsing with the zod schema
 * itself applies its defaults and refinements. Every problem is listed with its field.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: InputSchema<T>,
  input: unknown,
): z.output<T> {
  const result = schema(z).safeParse(withoutEmptyStrings(input));
  if (result.success) return result.data;
  throw new InputError(
    `Invalid input: ${result.error.issues
      .map(issue => `${issue.path.join('.') || 'input'}: ${issue.message}`)
      .join('; ')}`,
  );
}
