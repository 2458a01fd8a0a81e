import type { IncomingMessage } from 'node:http';
import { ApiError, errors } from '../api/status';

/** The API server's request size limit (3 MiB). */
const MAX_BODY = 3 * 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new ApiError(413, 'BadRequest', 'the request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(
      `the body of the request could not be decoded: ${(e as Error).message}`,
    );
  }
}
