import { InputError } from '@backstage/errors';
import express, { type ErrorRequestHandler } from 'express';
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

/**
 * JSON request bodies up to `limit`. A body that does not parse (or is a bare string or
 * number) is a 400 naming `body`, instead of the parser's bare "Unexpected token"; one over
 * the limit stays the parser's 413.
 */
export function jsonBody(limit: string) {
  const explain: ErrorRequestHandler = (error, _req, _res, next) => {
    next(
      error?.type === 'entity.parse.failed'
        ? new InputError(
            `body: must be a JSON object or array (${error.message})`,
          )
        : error,
    );
  };
  return [express.json({ limit }), explain];
}
