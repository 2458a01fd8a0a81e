import type { ResponseError } from '@backstage/errors';

/** Messages of a rejected request, by form field; `''` holds the ones no field owns. */
export type FieldErrors = Record<string, string[]>;

// The backend joins one `body.<field>: <message>` per problem with '; '.
const PROBLEM = /^body\.?([^:]*): (.*)$/s;

/**
 * The field errors of a 400 from `POST /placement/evaluate`, or undefined for any other
 * failure. Array entries (`allowedClouds[1]`) belong to their list's field.
 */
export function placementFieldErrors(error: Error): FieldErrors | undefined {
  const response = error as Partial<ResponseError>;
  if (response.statusCode !== 400) return undefined;
  const message = response.body?.error?.message ?? error.message;
  const errors: FieldErrors = {};
  for (const problem of message.split('; ')) {
    const match = PROBLEM.exec(problem);
    const field = match ? match[1].replace(/\[\d+\]$/, '') : '';
    (errors[field] ??= []).push(match ? match[2] : problem);
  }
  return errors;
}
