import type { Request, Response } from 'express';
import { SerializedResponseCache } from './SerializedResponseCache';

function exchange(
  cache: SerializedResponseCache,
  request: { method?: string; headers?: Record<string, string> } = {},
) {
  const bodies: string[] = [];
  const headers = new Map<string, string>();
  let status = 200;
  const send = (
    version: number,
    variant: string,
    payload: unknown = { version, variant },
  ) => {
    let sent: Buffer | undefined;
    const res = {
      setHeader: (name: string, value: string) => {
        headers.set(name, value);
        return res;
      },
      status: (code: number) => {
        status = code;
        return res;
      },
      end: (chunk?: Buffer) => {
        sent = chunk;
      },
    } as unknown as Response;
    status = 200;
    cache.send(
      { method: 'GET', headers: {}, ...request } as Request,
      res,
      { version, variant },
      () => {
        bodies.push(`${version}:${variant}`);
        return payload;
      },
    );
    return sent?.toString();
  };
  return { send, bodies, headers, status: () => status };
}

describe('SerializedResponseCache', () => {
  it('serialises each (version, variant) once', () => {
    const { send, bodies } = exchange(new SerializedResponseCache());
    expect(send(1, 'all')).toBe('{"version":1,"variant":"all"}');
    send(1, 'all');
    send(1, 'team');
    send(1, 'team');
    expect(bodies).toEqual(['1:all', '1:team']);
  });

  it('drops the entries of older versions once a newer one is asked for', () => {
    const { send, bodies } = exchange(new SerializedResponseCache());
    send(1, 'all');
    send(1, 'team');
    send(2, 'all');
    send(1, 'team');
    expect(bodies).toEqual(['1:all', '1:team', '2:all', '1:team']);
  });

  it('keeps the entries within maxBytes, dropping the oldest first', () => {
    const big = 'x'.repeat(10_000);
    // Room for about two 10 kB bodies (JSON plus its gzip).
    const { send, bodies } = exchange(new SerializedResponseCache(64, 21_000));
    send(1, 'a', big);
    send(1, 'b', big);
    send(1, 'c', big);
    send(1, 'c', big);
    send(1, 'b', big);
    send(1, 'a', big);
    expect(bodies).toEqual(['1:a', '1:b', '1:c', '1:a']);
  });

  it('keeps ETags short when the variant is long, and tells variants apart', () => {
    const cache = new SerializedResponseCache();
    const { send, headers } = exchange(cache);
    send(7, 'x'.repeat(100_000));
    const long = headers.get('ETag')!;
    send(7, `${'x'.repeat(99_999)}y`);
    expect(long).toMatch(/^"7-[A-Za-z0-9_-]{27}"$/);
    expect(headers.get('ETag')).not.toBe(long);
  });

  it('answers a GET whose If-None-Match matches with 304, a POST in full', () => {
    const cache = new SerializedResponseCache();
    const first = exchange(cache);
    first.send(1, 'request');
    const etag = first.headers.get('ETag')!;
    const get = exchange(cache, { headers: { 'if-none-match': etag } });
    expect(get.send(1, 'request')).toBeUndefined();
    expect(get.status()).toBe(304);
    const post = exchange(cache, {
      method: 'POST',
      headers: { 'if-none-match': etag },
    });
    expect(post.send(1, 'request')).toBe('{"version":1,"variant":"request"}');
    expect(post.status()).toBe(200);
  });

  it('always sends a body larger than maxBytes, without keeping others', () => {
    const { send, bodies } = exchange(new SerializedResponseCache(64, 100));
    send(1, 'small');
    expect(send(1, 'big', 'y'.repeat(1_000))).toHaveLength(1_002);
    send(1, 'small');
    expect(bodies).toEqual(['1:small', '1:big', '1:small']);
  });
});
