import { mockServices } from '@backstage/backend-test-utils';
import type { AuthService } from '@backstage/backend-plugin-api';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  buildPlacementIndex,
  DEFAULT_PLACEMENT_CONFIG,
  evaluatePlacement,
  parsePlacementRequest,
  PriceBook,
  type PlacementResult,
} from '@internal/plugin-multicloud-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { logsOf, outputsOf } from '../../__testUtils__/workspace';
import { createRecommendAction } from './createRecommendAction';
import { createPlacementClient } from './placementClient';

const SECRET_TOKEN = 'service-token-7f3a-do-not-log';

/** A stand-in for the multicloud backend on a free port: the real placement engine over an empty fleet. */
function startBackend(
  answer?: (body: any) => { status: number; body: unknown },
) {
  const requests: Array<{ url?: string; authorization?: string; body: any }> =
    [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({
        url: req.url,
        authorization: req.headers.authorization,
        body,
      });
      const reply = answer?.(body) ?? engine(body);
      res.writeHead(reply.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  return new Promise<{
    baseUrl: string;
    requests: typeof requests;
    close: () => Promise<void>;
  }>(resolve => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}/api/multicloud`,
        requests,
        close: () => new Promise(done => server.close(() => done())),
      });
    });
  });
}

function engine(body: unknown) {
  const parsed = parsePlacementRequest(body);
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: parsed.errors.map(e => e.message).join('; '),
        },
      },
    };
  }
  const ix = buildPlacementIndex([], new PriceBook());
  return {
    status: 200,
    body: evaluatePlacement(ix, parsed.request, DEFAULT_PLACEMENT_CONFIG),
  };
}

function authWithToken(): AuthService {
  const auth = mockServices.auth();
  jest
    .spyOn(auth, 'getPluginRequestToken')
    .mockResolvedValue({ token: SECRET_TOKEN });
  return auth;
}

describe('multicloud:placement:recommend', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  afterEach(() => backend.close());

  const run = async (input: Record<string, unknown>) => {
    const action = createRecommendAction({
      placement: createPlacementClient({
        auth: authWithToken(),
        discovery: {
          getBaseUrl: async () => backend.baseUrl,
          getExternalBaseUrl: async () => backend.baseUrl,
        },
      }),
    });
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({ input: input as any, logger });
    await action.handler(ctx as any);
    return { out: outputsOf(ctx), logs: logsOf(logger as any) };
  };

  it('asks the backend with service credentials and returns the cheapest compliant new cluster', async () => {
    backend = await startBackend();
    const { out, logs } = await run({
      cpu: 2,
      memory: 4,
      replicas: 3,
      environment: 'production',
      dataClass: 'gdpr',
      owner: 'group:default/team-payments',
      maxMonthlyCost: 2000,
    });
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0]).toMatchObject({
      url: '/api/multicloud/placement/evaluate',
      authorization: `Bearer ${SECRET_TOKEN}`,
      body: {
        cpu: 2,
        memory: 4,
        replicas: 3,
        environment: 'production',
        dataClass: 'gdpr',
        owner: 'team-payments',
        maxHourlyCost: 2000 / 730,
      },
    });
    expect(out.kind).toBe('new-cluster');
    expect(['eu-west-1', 'westeurope', 'europe-west1']).toContain(out.region);
    expect(out.instanceType).toEqual(expect.any(String));
    expect(out.monthlyCost).toBeLessThan(2000);
    expect(out.reasons).toMatch(
      /^Recommended new cluster: (AWS|Azure|GCP) \S+: \d+ × \S+ for the workload \+ 3 × \S+ control plane, ≈ \$[\d,]+\/month/,
    );
    expect(out.reasons).toContain(
      `Residency: ${out.region} is allowed by dataClasses.gdpr.allowedRegions.`,
    );
    expect(out.reasons).toContain('Alternatives: ');
    expect(out.reasons).toContain('Existing clusters: none fits.');
    // The service token only ever goes into the Authorization header.
    expect(JSON.stringify(out)).not.toContain(SECRET_TOKEN);
    expect(logs).not.toContain(SECRET_TOKEN);
  });

  it('follows the backend recommendation of an existing cluster with target any', async () => {
    backend = await startBackend(() => ({
      status: 200,
      body: {
        ...(engine({ cpu: 1, memory: 1, environment: 'production' })
          .body as PlacementResult),
        candidates: [
          {
            rank: 1,
            ref: 'team-payments/payments-prod',
            cloud: 'aws',
            region: 'us-west-2',
            score: 87.5,
            scores: [
              {
                prioritizer: 'cost',
                score: 90,
                weight: 3,
                contribution: 27,
                reason: 'no new node needed',
              },
            ],
            hosting: {
              costPerHour: 0,
              provenance: 'exact',
              pools: [
                {
                  pool: 'md-0',
                  instanceType: 'm5.xlarge',
                  replicasOnExistingNodes: 1,
                  replicasOnNewNodes: 0,
                  newNodes: 0,
                },
              ],
            },
          },
        ],
      },
    }));
    const { out } = await run({
      cpu: 1,
      memory: 1,
      environment: 'production',
      target: 'any',
    });
    expect(out).toMatchObject({
      kind: 'existing',
      cloud: 'aws',
      region: 'us-west-2',
      instanceType: 'm5.xlarge',
      clusterRef: 'team-payments/payments-prod',
      monthlyCost: 0,
    });
    expect(out.reasons).toContain('cost 90 × weight 3: no new node needed');
  });

  it('fails with the reason when no cloud can host a new cluster within the budget', async () => {
    backend = await startBackend();
    await expect(
      run({
        cpu: 2,
        memory: 4,
        replicas: 3,
        environment: 'production',
        maxMonthlyCost: 10,
      }),
    ).rejects.toThrow(
      /^No cloud can host a new cluster for this workload: (aws|azure|gcp) \S+ is over the budget/,
    );
  });

  it('rejects bad input before calling the backend, and reports backend errors', async () => {
    backend = await startBackend(() => ({
      status: 503,
      body: {
        error: { name: 'ServiceUnavailableError', message: 'fleet not synced' },
      },
    }));
    await expect(
      run({ cpu: -1, memory: 4, environment: 'production' }),
    ).rejects.toThrow(/cpu: Number must be greater than 0/);
    await expect(
      run({
        cpu: 1,
        memory: 4,
        environment: 'production',
        preferredRegions: [''],
      }),
    ).rejects.toThrow(
      /preferredRegions\[0\]: preferredRegions\[\] must not be empty/,
    );
    expect(backend.requests).toHaveLength(0);
    const error = await run({
      cpu: 1,
      memory: 4,
      environment: 'production',
    }).catch(e => e);
    expect(error.message).toMatch(/503/);
    expect(error.message).not.toContain(SECRET_TOKEN);
  });
});
