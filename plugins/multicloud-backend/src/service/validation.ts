import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/**
 * Validates input with a zod schema; on failure throws a 400 whose message names every
 * failing field and its rule, e.g. `query.metric: must be one of ...`.
 */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(issue => {
    const path = [where, ...issue.path.map(String)].join('.');
    return `${path}: ${issue.message}`;
  });
  throw new InputError(problems.join('; '));
}
