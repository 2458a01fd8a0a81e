import type { Request, Response } from 'express';
import { gzipSync } from 'node:zlib';

interface Entry {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

/**
 * Serialises a response body once per (fleet version, variant) and serves it with an ETag,
 * compressed when the client accepts gzip: requests between two fleet changes cost a
 * lookup, not a `JSON.stringify`. Variants are few (for example one per permission
 * scope); the oldest are evicted past `maxEntries`.
 */
export class SerializedResponseCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 64) {}

  send(
    req: Request,
    res: Response,
    key: { version: number; variant: string },
    body: () => unknown,
  ) {
    const entry = this.entryFor(`${key.version}:${key.variant}`, body);
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding, Authorization');
    if (req.headers['if-none-match'] === entry.etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(entry.gzip);
    } else {
      res.end(entry.json);
    }
  }

  private entryFor(cacheKey: string, body: () => unknown): Entry {
    let entry = this.entries.get(cacheKey);
    if (entry) {
      return entry;
    }
    const json = Buffer.from(JSON.stringify(body()));
    entry = {
      etag: `"${cacheKey.replace(/[^A-Za-z0-9:.-]/g, '_')}"`,
      json,
      gzip: gzipSync(json),
    };
    this.entries.set(cacheKey, entry);
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }
}
