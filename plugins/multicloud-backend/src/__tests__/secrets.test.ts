import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  capturingLogger,
  findLeaks,
  leakNeedles,
  secretMaterial,
} from '@internal/capi-simulator';
import { inspect } from 'node:util';
import request from 'supertest';
import { startSimulatedBackend } from '../__testUtils__/startSimulatedBackend';
import { waitForSync } from '../__testUtils__/waitForSync';

/**
 * Kubeconfig and token material never leaves the backend: the simulator embeds a unique marker
 * in every token it generates (its own and those in the `<cluster>-kubeconfig` Secrets), every
 * route is called (failures of the management cluster included), and neither the marker nor
 * any token or encoded kubeconfig, in any encoding, may appear in a response or a log line.
 */
jest.setTimeout(60_000);

const MARKER = `MCSECRET${Date.now().toString(36)}MARK`;
const AWS = 'default/trustram-aws-cluster';

/** Every log line of every plugin, the auditor's included. */
const rootLoggerFactory = (lines: string[]) =>
  createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => capturingLogger(lines),
  });

describe('secrets never reach a response or a log line', () => {
  const logs: string[] = [];
  const responses: string[] = [];
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;

  beforeAll(async () => {
    backend = await startSimulatedBackend({
      secretMarker: MARKER,
      features: [rootLoggerFactory(logs)],
    });
    await waitForSync(backend.server);
  });
  afterAll(() => backend?.stop());

  const call = async (
    method: 'get' | 'post',
    path: string,
    body?: object,
    authorization?: string,
  ) => {
    const req = request(backend.server)[method](`/api/multicloud${path}`);
    if (authorization) req.set('Authorization', authorization);
    const res = await (body ? req.send(body) : req);
    responses.push(
      `${method.toUpperCase()} ${path} → ${res.status}\n${inspect(
        res.headers,
      )}\n${res.text}`,
    );
    return res;
  };

  /** Every route, as a signed-in user allowed everything (and /metrics as a service). */
  const callEveryRoute = async (runId?: string) => {
    for (const path of [
      '/health',
      '/status',
      '/fleet',
      '/clusters',
      `/clusters/${AWS}`,
      '/cost',
      `/cost?cluster=${AWS}`,
      '/compliance',
      '/history?metric=cost_per_hour',
      `/history?metric=machines_running&cluster=${AWS}`,
      '/failover/policies',
      '/failover/breakers',
      `/failover/breakers?cluster=${AWS}`,
      '/failover/runs',
      ...(runId ? [`/failover/runs/${runId}`] : []),
    ]) {
      await call('get', path);
    }
    await call('get', '/metrics', undefined, mockCredentials.service.header());
    await call('post', '/placement/evaluate', {
      cpu: 1,
      memory: 2,
      environment: 'production',
    });
    await call('post', '/failover/plan', { cluster: AWS, action: 'failover' });
  };

  it('seeds the marker into every token the simulator generates', () => {
    const secrets = backend.sim.store.list('v1', 'Secret');
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const material = secretMaterial(backend.sim.token, secrets);
    const tokens = material.filter(m => m.startsWith(`${MARKER}.`));
    expect(tokens).toHaveLength(secrets.length + 1);
  });

  it('keeps them out of every response and log line, failures included', async () => {
    await callEveryRoute();
    // A failover run logs and audits each step it takes against the management cluster.
    const started = await call('post', '/failover/runs', {
      cluster: AWS,
      action: 'failover',
    });
    expect(started.status).toBe(201);
    const runId = started.body.run.id;
    await callEveryRoute(runId);
    await call('post', `/failover/runs/${runId}/cancel`);

    // The management cluster failing: errors of list, watch and patch calls get logged.
    backend.sim.scenarios.setErrorRate(1);
    backend.sim.scenarios.dropWatches();
    await new Promise(r => setTimeout(r, 1500));
    await callEveryRoute(runId);
    backend.sim.scenarios.setErrorRate(0);
    await waitForSync(backend.server);

    // Bad requests echo their input in error messages; none of it is secret, but check.
    await call(
      'get',
      `/clusters/default/${encodeURIComponent('x'.repeat(300))}`,
    );
    await call('get', '/fleet', undefined, 'Bearer not-a-token');

    expect(
      logs.filter(l => /level: '(warn|error)'/.test(l)).length,
    ).toBeGreaterThan(0);
    expect(logs.join('\n')).toMatch(/failover/);
    expect(responses.length).toBeGreaterThan(50);

    const secrets = secretMaterial(
      backend.sim.token,
      backend.sim.store.list('v1', 'Secret'),
    );
    const needles = leakNeedles([MARKER, ...secrets]);
    // The search itself finds a token however it would leak: raw, in a header, encoded.
    const token = secrets[0];
    expect(
      findLeaks(
        [
          `error: 401 for Bearer ${token}`,
          `Basic ${Buffer.from(`admin:${token}`).toString('base64')}`,
          Buffer.from(`users: [{token: ${token}}]`).toString('base64url'),
        ],
        needles,
      ),
    ).toHaveLength(3);

    const findings = findLeaks(
      [...responses, ...logs.map(line => `log ${line}`)],
      needles,
    );
    expect(findings).toEqual([]);
  });
});
