/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRejected", "expectHandled", "fc.assert"] }] */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CLUSTER_QUERY_PARAMS } from '@internal/plugin-multicloud-common';
import fc from 'fast-check';
import type { Knex } from 'knex';
import request from 'supertest';
import { createRouter, type RouterOptions } from '../service/router';
import { startSimulatedBackend } from '../__testUtils__/startSimulatedBackend';
import { waitForSync } from '../__testUtils__/waitForSync';

/**
 * Bad input on every route of `/api/multicloud`: generated (fast-check) and hand-written
 * requests must be answered with a 4xx whose message says what was wrong (never a 5xx), and
 * a rejected request must not write: neither a database row nor a management-cluster object.
 */
jest.setTimeout(60_000);

const API = '/api/multicloud';
const AWS = 'default/trustram-aws-cluster';
const CLUSTER_REFS = [
  AWS,
  'default/trustram-azure-cluster',
  'default/trustram-gcp-cluster',
];
const RUNS = 20;

type Method = 'get' | 'post';

/** Every route the router registers, as `METHOD /path` (read from the router itself). */
async function registeredRoutes(): Promise<string[]> {
  const router = await createRouter({
    permissionsRegistry: { getPermissionRuleset: () => ({}) },
    failover: {},
  } as unknown as RouterOptions);
  const routes: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${layer.route.path}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as any).stack);
  return routes.sort();
}

/** Strings that have broken parsers, queries, shells, paths and renderers before. */
const NASTY = [
  '',
  ' ',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '/etc/passwd',
  'default/../../secrets',
  "default/x' OR '1'='1",
  '"; DROP TABLE multicloud_failover_runs; --',
  '$(touch /tmp/pwned)',
  '`id`',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${{ secrets.token }}',
  '\u0000',
  'default/\u0000',
  '\u202eevil',
  'ﬀ',
  'Ω≈ç√∫',
  '🙂/🙂',
  'DEFAULT/TRUSTRAM-AWS-CLUSTER',
  '__proto__',
  'constructor',
  'prototype',
  'a'.repeat(10_000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '[]',
  '{}',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
);

/** A path segment: an empty one would route to another path (`/failover/runs/` is the list). */
const segment = nastyString.filter(v => v !== '');

/** Any JSON value, including the keys that pollute prototypes. */
const jsonish = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.string(),
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** A query string with arbitrary keys, brackets (arrays, objects) and values, percent-encoded. */
function queryArb(knownKeys: readonly string[]) {
  const key = fc.oneof(
    fc.constantFrom(...knownKeys),
    fc.constantFrom(...knownKeys).map(k => `${k}[]`),
    fc
      .tuple(fc.constantFrom(...knownKeys), fc.string({ maxLength: 8 }))
      .map(([k, sub]) => `${k}[${sub}]`),
    fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]'),
    fc.string({ maxLength: 16 }),
  );
  return fc
    .array(fc.tuple(key, nastyString), { maxLength: 6 })
    .map(pairs =>
      pairs
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&'),
    );
}

interface Snapshot {
  rows: Record<string, unknown[]>;
  simWrites: number;
  simResourceVersion: number;
}

describe('bad input on every multicloud route', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;
  let before: Snapshot;

  const snapshot = async (): Promise<Snapshot> => {
    const tables = (
      await knex('sqlite_master')
        .where({ type: 'table' })
        .andWhere('name', 'like', 'multicloud_%')
        .orderBy('name')
        .pluck('name')
    ).filter((t: string) => !t.endsWith('_lock'));
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table] = await knex(table).select();
    return {
      rows,
      simWrites: backend.sim.counters.snapshot().writes,
      // Any change to any object of the management cluster bumps this.
      simResourceVersion: backend.sim.store.resourceVersion,
    };
  };

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    backend = await startSimulatedBackend({
      features: [mockServices.database.factory({ knex })],
    });
    await waitForSync(backend.server);
    before = await snapshot();
  });
  afterAll(() => backend.stop());

  const send = (
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<request.Response> => {
    const req = request(backend.server)[method](`${API}${path}`);
    // Serialised here: superagent only serialises objects, and a body may be any JSON value.
    return body === undefined
      ? req
      : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };

  /** A rejection: a 4xx with a message (naming `field` when given), and nothing written. */
  const expectRejected = async (
    res: request.Response,
    field?: string | RegExp,
  ) => {
    const label = `${res.request.method} ${res.request.url} → ${
      res.status
    } ${res.text.slice(0, 300)}`;
    expect({
      label,
      clientError: res.status >= 400 && res.status < 500,
    }).toEqual({
      label,
      clientError: true,
    });
    const message: string = res.body?.error?.message ?? '';
    expect(message.length).toBeGreaterThan(0);
    if (field) expect(message).toMatch(field);
    expect(await snapshot()).toEqual(before);
  };

  /** Any answer but a server error, and nothing written (a generated GET may be valid). */
  const expectHandled = async (res: request.Response) => {
    const label = `${res.request.method} ${res.request.url} → ${
      res.status
    } ${res.text.slice(0, 300)}`;
    expect({ label, serverError: res.status >= 500 }).toEqual({
      label,
      serverError: false,
    });
    expect(await snapshot()).toEqual(before);
  };

  /** Valid requests of every route; the fuzzing starts from these. */
  const queryRoutes: Array<[string, readonly string[]]> = [
    ['/status', []],
    ['/fleet', []],
    ['/clusters', CLUSTER_QUERY_PARAMS],
    ['/cost', ['cluster']],
    ['/compliance', ['cluster']],
    ['/history', ['cluster', 'metric', 'from', 'to', 'step', 'groupBy']],
    ['/failover/policies', []],
    ['/failover/breakers', ['cluster']],
    ['/failover/runs', ['cluster']],
  ];

  it('covers every registered route', async () => {
    expect(await registeredRoutes()).toEqual(
      [
        'GET /health',
        'GET /metrics',
        'GET /clusters/:namespace/:name',
        'POST /placement/evaluate',
        'POST /failover/plan',
        'POST /failover/runs',
        'GET /failover/runs/:id',
        'POST /failover/runs/:id/cancel',
        ...queryRoutes.map(([path]) => `GET ${path}`),
      ].sort(),
    );
  });

  it.each(queryRoutes)(
    'GET %s never fails on generated query strings',
    async (path, keys) => {
      await fc.assert(
        fc.asyncProperty(queryArb(keys.length ? keys : ['x']), async query => {
          await expectHandled(await send('get', `${path}?${query}`));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('GET /clusters/:namespace/:name answers any path segment with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(segment, segment, async (namespace, name) => {
        const res = await send(
          'get',
          `/clusters/${encodeURIComponent(namespace)}/${encodeURIComponent(
            name,
          )}`,
        );
        await expectRejected(res, /namespace|name|not found/);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it.each(['', '/cancel'])(
    'failover run ids%s: any path segment is a 4xx and cancels nothing',
    async suffix => {
      await fc.assert(
        fc.asyncProperty(segment, async id => {
          const res = await send(
            suffix ? 'post' : 'get',
            `/failover/runs/${encodeURIComponent(id)}${suffix}`,
          );
          await expectRejected(res, /params\.id: must be a failover run id/);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(['/failover/plan', '/failover/runs'])(
    'POST %s rejects generated bodies and mutations of a valid one',
    async path => {
      const valid = { cluster: AWS, action: 'failover' };
      const mutated = fc
        .tuple(
          fc.constantFrom(
            'cluster',
            'target',
            'action',
            'istioLocalityFailover',
            '__proto__',
            'extra',
          ),
          jsonish,
        )
        // A computed `__proto__` key is an own property, sent as such in the JSON.
        .map(([key, value]) => ({ ...valid, [key]: value }));
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            jsonish,
            mutated,
            fc.record({ cluster: nastyString, action: jsonish }),
          ),
          async body => {
            fc.pre(!isValidPlanRequest(body));
            await expectRejected(await send('post', path, body), /body/);
          },
        ),
        { numRuns: RUNS * 2 },
      );
    },
  );

  it('POST /placement/evaluate never fails on generated bodies', async () => {
    const valid = {
      cpu: 2,
      memory: 4,
      replicas: 3,
      environment: 'production',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          jsonish,
          fc
            .tuple(fc.string({ maxLength: 20 }), jsonish)
            .map(([key, value]) => ({ ...valid, [key]: value })),
        ),
        async body => {
          await expectHandled(await send('post', '/placement/evaluate', body));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  describe('hand-written cases', () => {
    it.each([
      [
        '/failover/plan',
        { cluster: 42, action: 'failover' },
        /body\.cluster: /,
      ],
      ['/failover/plan', { action: 'failover' }, /body\.cluster: /],
      ['/failover/runs', { cluster: AWS }, /body\.action: /],
      [
        '/failover/runs',
        { cluster: AWS, action: 'failover', dryRun: true },
        /dryRun/,
      ],
      [
        '/failover/runs',
        { cluster: `${AWS}/../../x`, action: 'failover' },
        /body\.cluster: must be namespace\/name/,
      ],
      [
        '/failover/runs',
        { cluster: AWS, action: 'failover', istioLocalityFailover: 'yes' },
        /body\.istioLocalityFailover: /,
      ],
      ['/failover/runs', [{ cluster: AWS, action: 'failover' }], /body: /],
      ['/failover/runs', 'cluster=default/x', /body/],
      [
        '/placement/evaluate',
        { cpu: 'lots', memory: 4, environment: 'production' },
        /body\.cpu: cpu must be a number/,
      ],
    ])('POST %s %j is a 400 naming the field', async (path, body, field) => {
      const res = await send('post', path, body);
      expect(res.status).toBe(400);
      await expectRejected(res, field);
    });

    it.each([
      [
        '/history',
        'metric=cost_per_hour&cluster=..%2F..%2Fetc',
        /query\.cluster: must be namespace\/name/,
      ],
      [
        '/history',
        'metric=cost_per_hour&cluster[]=default%2Fa',
        /query\.cluster: /,
      ],
      [
        '/history',
        'metric=cost_per_hour&from=yesterday',
        /query\.from: must be an ISO date/,
      ],
      [
        '/history',
        'metric=%27%3B%20DROP%20TABLE%20multicloud_samples%3B--',
        /query\.metric: /,
      ],
      ['/history', 'metric=cost_per_hour&step[x]=raw', /query\.step: /],
      ['/cost', 'cluster[a]=b', /query\.cluster: /],
      ['/cost', '__proto__[polluted]=1&x=1', /query: .*x/],
      ['/compliance', 'cluster[]=a&cluster[]=b', /query\.cluster: /],
      [
        '/failover/runs',
        'cluster=..%2Fsecrets',
        /query\.cluster: must be namespace\/name/,
      ],
      [
        '/failover/breakers',
        'cluster=default%2F%00',
        /query\.cluster: must be namespace\/name/,
      ],
      ['/clusters', 'q[$gt]=', /query parameter 'q'/],
      ['/clusters', 'cloud[0][a]=aws', /query parameter 'cloud'/],
      ['/clusters', 'limit=1e9', /limit must be a whole number/],
      [
        '/clusters',
        'constructor[prototype][polluted]=1',
        /unknown query parameter 'constructor'/,
      ],
    ])('GET %s?%s is a 400 naming the field', async (path, query, field) => {
      const res = await send('get', `${path}?${query}`);
      expect(res.status).toBe(400);
      await expectRejected(res, field);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([
      '/clusters/default/..%2F..%2Fetc%2Fpasswd',
      '/clusters/..%2Fkube-system/secrets',
      '/clusters/default/trustram-aws-cluster%00',
      '/clusters/default/%E0%A4%A',
      `/clusters/default/${'a'.repeat(300)}`,
      '/failover/runs/..%2F..%2Fetc%2Fpasswd',
      '/failover/runs/%E0%A4%A/cancel',
      `/failover/runs/${'9'.repeat(5000)}/cancel`,
    ])(
      'GET/POST %s: path traversal and malformed escapes are a 4xx',
      async path => {
        const method: Method = path.endsWith('/cancel') ? 'post' : 'get';
        await expectRejected(
          await send(method, path),
          /name|namespace|run|URI|decode/i,
        );
      },
    );

    it('refuses a body over the size limit with 413, not 500', async () => {
      const res = await request(backend.server)
        .post(`${API}/failover/runs`)
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({
            cluster: AWS,
            action: 'failover',
            pad: 'x'.repeat(300 * 1024),
          }),
        );
      expect(res.status).toBe(413);
      await expectRejected(res);
    });

    it.each([
      ['arrays', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
      ['objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ])('refuses deeply nested %s with a 4xx', async (_kind, json) => {
      for (const path of [
        '/failover/plan',
        '/failover/runs',
        '/placement/evaluate',
      ]) {
        const res = await request(backend.server)
          .post(`${API}${path}`)
          .set('Content-Type', 'application/json')
          .send(json);
        await expectRejected(res, /body/);
      }
    });

    it('refuses malformed JSON and other content types with a 4xx', async () => {
      const malformed = await request(backend.server)
        .post(`${API}/failover/runs`)
        .set('Content-Type', 'application/json')
        .send('{"cluster": "default/trustram-aws-cluster", "action": ');
      expect(malformed.status).toBe(400);
      await expectRejected(malformed);
      const text = await request(backend.server)
        .post(`${API}/failover/runs`)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ cluster: AWS, action: 'failover' }));
      await expectRejected(text, /body/);
    });

    it('refuses __proto__, constructor and prototype keys without polluting anything', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const json = `{"cluster":"${AWS}","action":"failover","${key}":{"polluted":true,"isAdmin":true}}`;
        for (const path of ['/failover/plan', '/failover/runs']) {
          const res = await request(backend.server)
            .post(`${API}${path}`)
            .set('Content-Type', 'application/json')
            .send(json);
          expect(res.status).toBe(400);
          await expectRejected(res, new RegExp(`body.*${key}`));
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  });
});

function isValidPlanRequest(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  const keys = Object.keys(b);
  const allowed = ['cluster', 'target', 'action', 'istioLocalityFailover'];
  return (
    keys.every(k => allowed.includes(k)) &&
    CLUSTER_REFS.includes(b.cluster as string) &&
    (b.action === 'failover' || b.action === 'failback') &&
    (b.target === undefined || CLUSTER_REFS.includes(b.target as string)) &&
    (b.istioLocalityFailover === undefined ||
      typeof b.istioLocalityFailover === 'boolean')
  );
}
