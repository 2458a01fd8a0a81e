import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ')
    ? header.slice('Bearer '.length).trim()
    : undefined;
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokenMatches(
  given: string | undefined,
  expected: string | undefined,
): boolean {
  if (!given || !expected) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
