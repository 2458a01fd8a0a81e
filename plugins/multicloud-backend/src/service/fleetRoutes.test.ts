import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  multicloudClusterReadPermission,
  type ClusterDetailResponse,
  type ClustersResponse,
  type FleetResponse,
} from '@internal/plugin-multicloud-common';
import request from 'supertest';
import {
  createMulticloudClusterConditionalDecision,
  multicloudClusterConditions,
} from '../permissions/clusterResource';
import { startSimulatedBackend } from '../__testUtils__/startSimulatedBackend';
import { waitForSync } from '../__testUtils__/waitForSync';

jest.setTimeout(60_000);

describe('fleet routes against the simulated management cluster', () => {
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;
  beforeAll(async () => {
    backend = await startSimulatedBackend();
    await waitForSync(backend.server);
  });
  afterAll(() => backend.stop());

  it('GET /fleet summarises per cloud, serialised once per version with an ETag', async () => {
    const res = await request(backend.server).get('/api/multicloud/fleet');
    expect(res.status).toBe(200);
    const body = res.body as FleetResponse;
    expect(body.stale).toBe(false);
    expect(body.summary.total.clusters).toBe(3);
    expect(body.summary.byCloud.aws.clusters).toBe(1);
    expect(body.summary.total.byVerdict.healthy).toBe(3);

    const etag = res.headers.etag;
    expect(etag).toBeDefined();
    const again = await request(backend.server)
      .get('/api/multicloud/fleet')
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);

    const zipped = await request(backend.server)
      .get('/api/multicloud/fleet')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    // superagent inflates the body itself; the header shows it travelled compressed.
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zipped.body.toString())).toEqual(body);
  });

  it('GET /clusters filters, sorts and counts facets', async () => {
    const res = await request(backend.server).get(
      '/api/multicloud/clusters?cloud=aws,gcp&sort=name&order=desc',
    );
    expect(res.status).toBe(200);
    const body = res.body as ClustersResponse;
    expect(body.items.map(c => c.name)).toEqual([
      'trustram-gcp-cluster',
      'trustram-aws-cluster',
    ]);
    expect(body.total).toBe(2);
    expect(body.unfilteredTotal).toBe(3);
    const again = await request(backend.server)
      .get('/api/multicloud/clusters?cloud=aws,gcp&sort=name&order=desc')
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    expect(body.facets.cloud).toEqual(
      expect.arrayContaining([
        { value: 'azure', count: 1 },
        { value: 'aws', count: 1 },
      ]),
    );
  });

  it.each([
    ['?sort=banana', 'sort must be one of'],
    ['?limit=-1', 'limit must be a whole number'],
    ['?colour=red', "unknown query parameter 'colour'"],
    ['?limit=999999', 'limit must be at most 5000'],
  ])('GET /clusters%s is a 400 naming the field', async (query, message) => {
    const res = await request(backend.server).get(
      `/api/multicloud/clusters${query}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('GET /clusters/:namespace/:name gives the detail with condition tree and machines', async () => {
    const res = await request(backend.server).get(
      '/api/multicloud/clusters/default/trustram-aws-cluster',
    );
    expect(res.status).toBe(200);
    const body = res.body as ClusterDetailResponse;
    expect(body.cluster).toMatchObject({
      cloud: 'aws',
      region: 'us-west-2',
      health: { verdict: 'healthy' },
    });
    expect(body.machines.filter(m => m.role === 'control-plane')).toHaveLength(
      3,
    );
    expect(body.conditionTree.kind).toBe('Cluster');
    expect(JSON.stringify(body.conditionTree)).toContain('MachineDeployment');
  });

  it('answers 404 for unknown clusters and 400 for names that are not Kubernetes names', async () => {
    const missing = await request(backend.server).get(
      '/api/multicloud/clusters/default/nope',
    );
    expect(missing.status).toBe(404);
    const bad = await request(backend.server).get(
      '/api/multicloud/clusters/default/..%2F..%2Fetc',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('name must be a Kubernetes name');
  });

  it('refuses unauthenticated requests', async () => {
    const res = await request(backend.server)
      .get('/api/multicloud/fleet')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});

describe('owner-scoped reads over the shared cache', () => {
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;
  const searchTeamOnly: PolicyDecision =
    createMulticloudClusterConditionalDecision(
      multicloudClusterReadPermission,
      multicloudClusterConditions.isClusterOwner({
        claims: ['group:default/team-search'],
      }),
    );
  beforeAll(async () => {
    backend = await startSimulatedBackend({
      features: [
        mockServices.permissions.mock({
          authorizeConditional: async () => [searchTeamOnly],
          authorize: async () => [{ result: AuthorizeResult.ALLOW }],
        }).factory,
      ],
    });
    await waitForSync(backend.server);
  });
  afterAll(() => backend.stop());

  it('shows a member of team-search only the clusters their team owns', async () => {
    const list = await request(backend.server).get('/api/multicloud/clusters');
    expect((list.body as ClustersResponse).items.map(c => c.ref)).toEqual([
      'default/trustram-gcp-cluster',
    ]);

    const fleet = await request(backend.server).get('/api/multicloud/fleet');
    expect((fleet.body as FleetResponse).summary.total.clusters).toBe(1);

    const hidden = await request(backend.server).get(
      '/api/multicloud/clusters/default/trustram-aws-cluster',
    );
    expect(hidden.status).toBe(404);
    const own = await request(backend.server).get(
      '/api/multicloud/clusters/default/trustram-gcp-cluster',
    );
    expect(own.status).toBe(200);
  });
});
