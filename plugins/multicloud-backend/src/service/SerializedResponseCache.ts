import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

interface Entry {
  version: number;
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

/**
 * Serialises a response body once per (fleet version, variant) and serves it with an ETag,
 * compressed when the client accepts gzip: requests between two fleet changes cost a
 * lookup, not a `JSON.stringify`. Entries of an older fleet version are dropped once a newer
 * one is asked for (their ETags never match again), and the oldest entries go when there are
 * more than `maxEntries` or they weigh more than `maxBytes` together (a page of 5,000
 * clusters is megabytes).
 */
export class SerializedResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private newestVersion = 0;

  constructor(
    private readonly maxEntries = 64,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  send(
    req: Request,
    res: Response,
    key: { version: number; variant: string },
    body: () => unknown,
  ) {
    const entry = this.entryFor(key, body);
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding, Authorization');
    // A conditional POST (placement) is answered in full: 304 is a GET's answer.
    const conditional = req.method === 'GET' || req.method === 'HEAD';
    if (conditional && req.headers['if-none-match'] === entry.etag) {
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

  private entryFor(
    key: { version: number; variant: string },
    body: () => unknown,
  ): Entry {
    const cacheKey = `${key.version}:${key.variant}`;
    const cached = this.entries.get(cacheKey);
    if (cached) {
      return cached;
    }
    if (key.version > this.newestVersion) {
      this.newestVersion = key.version;
      for (const [k, e] of this.entries) {
        if (e.version < key.version) this.evict(k, e);
      }
    }
    const json = Buffer.from(JSON.stringify(body()));
    const entry: Entry = {
      version: key.version,
      // The variant can be a whole request body: the ETag carries its digest, so it stays
      // short enough to be sent back in an If-None-Match header.
      etag: `"${key.version}-${createHash('sha1')
        .update(key.variant)
        .digest('base64url')}"`,
      json,
      gzip: gzipSync(json),
    };
    this.entries.set(cacheKey, entry);
    this.bytes += entry.json.length + entry.gzip.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) {
        break;
      }
      // The entry just made is always kept: it is being sent.
      if (e !== entry) this.evict(k, e);
    }
    return entry;
  }

  private evict(cacheKey: string, entry: Entry) {
    this.entries.delete(cacheKey);
    this.bytes -= entry.json.length + entry.gzip.length;
  }
}
