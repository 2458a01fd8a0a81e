import type { Request, Response } from 'express';
import { SerializedResponseCache } from './SerializedResponseCache';

function exchange(cache: SerializedResponseCache) {
  const bodies: string[] = [];
  const send = (
    version: number,
    variant: string,
    payload: unknown = { version, variant },
  ) => {
    let sent: Buffer | undefined;
    const res = {
      setHeader: () => res,
      status: () => res,
      end: (chunk?: Buffer) => {
        sent = chunk;
      },
    } as unknown as Response;
    cache.send({ headers: {} } as Request, res, { version, variant }, () => {
      bodies.push(`${version}:${variant}`);
      return payload;
    });
    return sent?.toString();
  };
  return { send, bodies };
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

  it('always sends a body larger than maxBytes, without keeping others', () => {
    const { send, bodies } = exchange(new SerializedResponseCache(64, 100));
    send(1, 'small');
    expect(send(1, 'big', 'y'.repeat(1_000))).toHaveLength(1_002);
    send(1, 'small');
    expect(bodies).toEqual(['1:small', '1:big', '1:small']);
  });
});
