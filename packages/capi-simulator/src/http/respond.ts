import type { ServerResponse } from 'node:http';
import { ApiError, errors } from '../api/status';

export function sendJson(
  res: ServerResponse,
  code: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendError(res: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof ApiError
      ? error
      : errors.internal((error as Error)?.message ?? String(error));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, apiError.code, JSON.stringify(apiError.toStatus()));
}

/** Waits for back-pressure to clear; a client that goes away mid-list never drains. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Streams a list made of pre-serialised items, honouring back-pressure so a 50 MB list never
 * sits in memory as one string.
 */
export async function sendList(
  res: ServerResponse,
  head: string,
  items: string[],
  tail: string,
): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  let chunk = head;
  for (let i = 0; i < items.length; i++) {
    chunk += i === 0 ? items[i] : `,${items[i]}`;
    if (chunk.length >= 256 * 1024) {
      if (!res.write(chunk)) {
        await drainedOrClosed(res);
        if (res.destroyed) return;
      }
      chunk = '';
    }
  }
  res.end(chunk + tail);
}
