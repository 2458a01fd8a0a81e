import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import multicloudPlugin from '@internal/plugin-multicloud-backend';
import { startSimulator, type Simulator } from '@internal/capi-simulator';
import type { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import type { JsonObject } from '@backstage/config';
import { permissionPolicyModule } from '../modules/permissionPolicy';

/**
 * Every route of `/api/multicloud` × every kind of caller, under the permission configurations
 * the repository ships (app-config.yaml, app-config.production.yaml) and owner-scoped reads:
 * the real policy module behind the real permission backend. Every call, allowed or denied,
 * must leave the database and the management cluster as they were.
 */
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../../..');
const AWS = 'default/trustram-aws-cluster'; // owned by team-payments
const AZURE = 'default/trustram-azure-cluster'; // owned by team-payments, no failover policy
const GCP = 'default/trustram-gcp-cluster'; // owned by team-search

const IDENTITIES = [
  'anonymous',
  'guest',
  'member',
  'admin',
  'service',
] as const;
type Identity = (typeof IDENTITIES)[number];

/** What a caller gets: a 2xx, 401, 403, a 404 that hides the cluster, 400, or 409. */
type Outcome = 'ok' | '401' | '403' | '404' | '400' | '409' | 'n/a';

interface Shipped {
  permissions: JsonObject;
  guestOwnership?: string[];
}

function shippedConfig(file: string): Shipped {
  const doc = YAML.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  return {
    permissions: doc.multicloud.permissions,
    guestOwnership: doc.auth?.providers?.guest?.ownershipEntityRefs,
  };
}

/** Users and the groups the catalog would give them (org.yaml): who owns what. */
function ownershipOf(guestOwnership?: string[]): Record<string, string[]> {
  return {
    'user:default/guest': guestOwnership ?? ['user:default/guest'],
    'user:default/alice': ['user:default/alice', 'group:default/team-payments'],
    'user:default/pat': ['user:default/pat', 'group:default/platform-team'],
  };
}

const HEADERS: Record<Exclude<Identity, 'anonymous'>, string> = {
  guest: mockCredentials.user.header('user:default/guest'),
  member: mockCredentials.user.header('user:default/alice'),
  admin: mockCredentials.user.header('user:default/pat'),
  // A service principal without permission restrictions, as the static token configured
  // under backend.auth.externalAccess (restricted to the multicloud plugin) is.
  service: mockCredentials.service.header(),
};

/**
 * The mock httpAuth, except that (1) a request without a token is anonymous, not the mock
 * user, and (2) a user's on-behalf-of token keeps the calling plugin as its actor, as real
 * tokens do: the permission backend refuses resource permissions without a resourceRef from
 * users calling directly, but answers them for plugins asking on a user's behalf.
 */
const httpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      async credentials(req, options) {
        const credentials = await mock.credentials(req, options as any);
        const token = req.headers.authorization?.match(
          /^Bearer mock-service-token:(.+)$/,
        )?.[1];
        const obo = token ? JSON.parse(token).obo : undefined;
        return (
          obo
            ? mockCredentials.user(obo, { actor: { subject: 'plugin' } })
            : credentials
        ) as any;
      },
      issueUserCookie: mock.issueUserCookie.bind(mock),
    };
  },
});

const userInfoFactory = (ownership: Record<string, string[]>) =>
  createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const ref = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        return {
          userEntityRef: ref,
          ownershipEntityRefs: ownership[ref] ?? [ref],
        };
      },
    }),
  });

interface Call {
  route: string;
  method: 'get' | 'post';
  path: string;
  body?: object;
}

/** One call per route; path routes name the cluster they read (team-payments' or another's). */
function calls(runId: string): Call[] {
  const get = (route: string, p = route): Call => ({
    route,
    method: 'get',
    path: p,
  });
  const post = (route: string, body: object, p = route): Call => ({
    route,
    method: 'post',
    path: p,
    body,
  });
  return [
    get('GET /health', '/health'),
    get('GET /status', '/status'),
    get('GET /metrics', '/metrics'),
    get('GET /fleet', '/fleet'),
    get('GET /clusters', '/clusters'),
    get('GET /clusters/:own', `/clusters/${AWS}`),
    get('GET /clusters/:other', `/clusters/${GCP}`),
    get('GET /cost', '/cost'),
    get('GET /compliance', '/compliance'),
    get('GET /history (fleet)', '/history?metric=cost_per_hour'),
    get(
      'GET /history?cluster=:own',
      `/history?metric=cost_per_hour&cluster=${AWS}`,
    ),
    post(
      'POST /placement/evaluate',
      { cpu: 1, memory: 2, environment: 'production' },
      '/placement/evaluate',
    ),
    get('GET /failover/policies', '/failover/policies'),
    get('GET /failover/breakers', '/failover/breakers'),
    post(
      'POST /failover/plan',
      { cluster: AWS, action: 'failover' },
      '/failover/plan',
    ),
    // The Azure cluster declares no failover policy: 409 once authorised, so no run starts.
    post(
      'POST /failover/runs',
      { cluster: AZURE, action: 'failover' },
      '/failover/runs',
    ),
    get('GET /failover/runs', '/failover/runs'),
    get('GET /failover/runs/:id', `/failover/runs/${runId}`),
    post(
      'POST /failover/runs/:id/cancel',
      {},
      `/failover/runs/${runId}/cancel`,
    ),
  ];
}

/**
 * The expected matrix, one line per route: `route | anonymous guest member admin service`.
 * `ok` is a 2xx; `404` a cluster hidden from the caller; `409` an authorised call that the
 * failover planner refused; `n/a` a caller the configuration has no sign-in for.
 */
type Matrix = Record<string, Record<Identity, Outcome>>;

function matrix(table: string): Matrix {
  return Object.fromEntries(
    table
      .trim()
      .split('\n')
      .map(line => {
        const [route, cells] = line.split('|').map(s => s.trim());
        const outcomes = cells.split(/\s+/) as Outcome[];
        return [
          route,
          Object.fromEntries(IDENTITIES.map((id, i) => [id, outcomes[i]])),
        ];
      }),
  ) as Matrix;
}

/** The matrix as a table, marking with `*` every cell that differs from `expected`. */
function render(actual: Matrix, expected: Matrix): string {
  const width = Math.max(...Object.keys(expected).map(r => r.length));
  const header = `${'route'.padEnd(width)} | ${IDENTITIES.map(i =>
    i.padEnd(16),
  ).join('')}`;
  const rows = Object.keys(expected).map(route => {
    const cells = IDENTITIES.map(id => {
      const got = actual[route]?.[id] ?? '?';
      const mark =
        got === expected[route][id] ? '' : `* (want ${expected[route][id]})`;
      return `${got}${mark}`.padEnd(16);
    });
    return `${route.padEnd(width)} | ${cells.join('')}`;
  });
  return [header, ...rows].join('\n');
}

const EMBEDDED = matrix(`
GET /health                    | ok  ok  ok  ok  ok
GET /status                    | 401 ok  ok  ok  ok
GET /metrics                   | 401 403 403 403 ok
GET /fleet                     | 401 ok  ok  ok  ok
GET /clusters                  | 401 ok  ok  ok  ok
GET /clusters/:own             | 401 ok  ok  ok  ok
GET /clusters/:other           | 401 ok  ok  ok  ok
GET /cost                      | 401 ok  ok  ok  ok
GET /compliance                | 401 ok  ok  ok  ok
GET /history (fleet)           | 401 ok  ok  ok  ok
GET /history?cluster=:own      | 401 ok  ok  ok  ok
POST /placement/evaluate       | 401 ok  ok  ok  ok
GET /failover/policies         | 401 ok  ok  ok  ok
GET /failover/breakers         | 401 ok  ok  ok  ok
POST /failover/plan            | 401 ok  ok  ok  ok
POST /failover/runs            | 401 409 403 409 403
GET /failover/runs             | 401 ok  ok  ok  ok
GET /failover/runs/:id         | 401 ok  ok  ok  ok
POST /failover/runs/:id/cancel | 401 ok  403 ok  403
`);

const PRODUCTION = matrix(`
GET /health                    | ok  n/a ok  ok  ok
GET /status                    | 401 n/a ok  ok  ok
GET /metrics                   | 401 n/a 403 403 ok
GET /fleet                     | 401 n/a 403 ok  ok
GET /clusters                  | 401 n/a 403 ok  ok
GET /clusters/:own             | 401 n/a 403 ok  ok
GET /clusters/:other           | 401 n/a 403 ok  ok
GET /cost                      | 401 n/a 403 ok  ok
GET /compliance                | 401 n/a 403 ok  ok
GET /history (fleet)           | 401 n/a 403 ok  ok
GET /history?cluster=:own      | 401 n/a 403 ok  ok
POST /placement/evaluate       | 401 n/a 403 ok  ok
GET /failover/policies         | 401 n/a 403 ok  ok
GET /failover/breakers         | 401 n/a 403 ok  ok
POST /failover/plan            | 401 n/a 403 ok  ok
POST /failover/runs            | 401 n/a 403 409 403
GET /failover/runs             | 401 n/a 403 ok  ok
GET /failover/runs/:id         | 401 n/a 403 ok  ok
POST /failover/runs/:id/cancel | 401 n/a 403 ok  403
`);

const OWNER_SCOPED = matrix(`
GET /health                    | ok  ok  ok  ok  ok
GET /status                    | 401 ok  ok  ok  ok
GET /metrics                   | 401 403 403 403 ok
GET /fleet                     | 401 ok  ok  ok  ok
GET /clusters                  | 401 ok  ok  ok  ok
GET /clusters/:own             | 401 ok  ok  ok  ok
GET /clusters/:other           | 401 ok  404 ok  ok
GET /cost                      | 401 ok  ok  ok  ok
GET /compliance                | 401 ok  ok  ok  ok
GET /history (fleet)           | 401 ok  400 ok  ok
GET /history?cluster=:own      | 401 ok  ok  ok  ok
POST /placement/evaluate       | 401 ok  ok  ok  ok
GET /failover/policies         | 401 ok  ok  ok  ok
GET /failover/breakers         | 401 ok  ok  ok  ok
POST /failover/plan            | 401 ok  ok  ok  ok
POST /failover/runs            | 401 409 403 409 403
GET /failover/runs             | 401 ok  ok  ok  ok
GET /failover/runs/:id         | 401 ok  ok  ok  ok
POST /failover/runs/:id/cancel | 401 ok  403 ok  403
`);

function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  return String(status) as Outcome;
}

describe.each([
  [
    'embedded default (app-config.yaml)',
    shippedConfig('app-config.yaml'),
    EMBEDDED,
  ],
  [
    'production (app-config.production.yaml)',
    shippedConfig('app-config.production.yaml'),
    PRODUCTION,
  ],
  [
    'owner-scoped reads',
    {
      ...shippedConfig('app-config.yaml'),
      permissions: {
        ...shippedConfig('app-config.yaml').permissions,
        ownerScopedReads: true,
      },
    },
    OWNER_SCOPED,
  ],
])('permissions matrix: %s', (_name, shipped: Shipped, expected: Matrix) => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let sim: Simulator;
  let server: Parameters<typeof request>[0];
  let stopBackend: () => Promise<void>;
  let dir: string;

  const api = (identity: Identity, call: Call) => {
    const req = request(server)[call.method](`/api/multicloud${call.path}`);
    if (identity !== 'anonymous') req.set('Authorization', HEADERS[identity]);
    return call.body ? req.send(call.body) : req;
  };

  const state = async () => {
    const tables: string[] = await knex('sqlite_master')
      .where({ type: 'table' })
      .andWhere('name', 'like', 'multicloud_%')
      .pluck('name');
    const rows: Record<string, unknown[]> = {};
    for (const table of tables.sort()) rows[table] = await knex(table).select();
    return {
      rows,
      simulatorWrites: sim.counters.snapshot().writes,
      simulatorResourceVersion: sim.store.resourceVersion,
    };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-matrix-'));
    const kubeconfigPath = path.join(dir, 'kubeconfig');
    sim = await startSimulator({
      kubeconfigOut: kubeconfigPath,
      autoTick: false,
    });
    knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        permissionPlugin,
        permissionPolicyModule,
        multicloudPlugin,
        httpAuthFactory,
        userInfoFactory(ownershipOf(shipped.guestOwnership)),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            multicloud: {
              managementClusters: [
                { name: 'sim', kubeconfig: { path: kubeconfigPath } },
              ],
              fleet: { debounceMs: 20 },
              permissions: shipped.permissions,
            },
          },
        }),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
    const admin = (call: Call) => api('admin', call);
    const deadline = Date.now() + 15_000;
    while (
      !(await admin({ route: '', method: 'get', path: '/status' })).body.synced
    ) {
      if (Date.now() > deadline) throw new Error('the fleet did not sync');
      await new Promise(r => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    await stopBackend?.();
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers each route and caller as the matrix says, writing nothing', async () => {
    // A cancelled run to read and cancel again: started by an admin, as the UI would.
    const started = await api('admin', {
      route: '',
      method: 'post',
      path: '/failover/runs',
      body: { cluster: AWS, action: 'failover' },
    });
    expect(started.status).toBe(201);
    const runId: string = started.body.run.id;
    await api('admin', {
      route: '',
      method: 'post',
      path: `/failover/runs/${runId}/cancel`,
    });
    const deadline = Date.now() + 15_000;
    while (
      (await knex('multicloud_failover_runs').where({ id: runId }).first())
        .status !== 'cancelled'
    ) {
      if (Date.now() > deadline) throw new Error('the run was not cancelled');
      await new Promise(r => setTimeout(r, 50));
    }
    await new Promise(r => setTimeout(r, 200));

    const before = await state();
    const actual: Matrix = {};
    const writes: string[] = [];
    for (const call of calls(runId)) {
      actual[call.route] = {} as Record<Identity, Outcome>;
      for (const identity of IDENTITIES) {
        if (identity === 'guest' && !shipped.guestOwnership) {
          actual[call.route][identity] = 'n/a';
          continue;
        }
        const res = await api(identity, call);
        actual[call.route][identity] = outcomeOf(res.status);
        const after = await state();
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          writes.push(`${call.route} as ${identity} (${res.status})`);
        }
      }
    }
    // On failure the whole matrix is printed, `*` marking each cell that is not as expected.
    const table = render(actual, expected);
    const differs =
      table.includes('*') ||
      Object.keys(actual).sort().join() !== Object.keys(expected).sort().join();
    expect({
      matrix: differs ? `\n${table}\n` : 'as expected',
      writes,
    }).toEqual({ matrix: 'as expected', writes: [] });
  });
});
