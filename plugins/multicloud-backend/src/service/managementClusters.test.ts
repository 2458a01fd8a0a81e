import { startSimulator, type Simulator } from '@internal/capi-simulator';
import type {
  ClusterDetailResponse,
  ClustersResponse,
  FleetResponse,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startSimulatedBackend } from '../__testUtils__/startSimulatedBackend';
import { waitForSync } from '../__testUtils__/waitForSync';

jest.setTimeout(60_000);

/**
 * Two management clusters that both hold the seed's three clusters (same namespaces and
 * names), plus two clusters only the second one has.
 */
describe('fleet routes over two management clusters', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-two-'));
  const sims: Simulator[] = [];
  let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;

  beforeAll(async () => {
    const managementClusters = [];
    for (const [name, size] of [
      ['eu', undefined],
      ['us', 5],
    ] as const) {
      const kubeconfigOut = path.join(dir, `${name}.kubeconfig`);
      sims.push(
        await startSimulator({
          kubeconfigOut,
          autoTick: false,
          clusters: size,
        }),
      );
      managementClusters.push({ name, kubeconfig: { path: kubeconfigOut } });
    }
    // The helper's own simulator is left out of the fleet by this configuration.
    backend = await startSimulatedBackend({ config: { managementClusters } });
    await waitForSync(backend.server);
  });
  afterAll(async () => {
    await backend.stop();
    await Promise.all(sims.map(s => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) =>
    request(backend.server).get(`/api/multicloud${url}`);

  async function clusters(): Promise<ClustersResponse['items']> {
    return ((await get('/clusters?limit=100')).body as ClustersResponse).items;
  }

  it('lists every cluster of both, each ref naming its management cluster', async () => {
    const items = await clusters();
    const refs = items.map(c => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toEqual(
      expect.arrayContaining([
        'eu/default/trustram-aws-cluster',
        'us/default/trustram-aws-cluster',
      ]),
    );
    expect(items.every(c => c.ref.startsWith(`${c.managementCluster}/`))).toBe(
      true,
    );
    const fleet = (await get('/fleet')).body as FleetResponse;
    expect(fleet.summary.total.clusters).toBe(items.length);
  });

  it('answers 409 naming both management clusters when namespace/name is ambiguous', async () => {
    const res = await get('/clusters/default/trustram-aws-cluster');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      "cluster default/trustram-aws-cluster exists on management clusters 'eu', 'us'; add ?managementCluster=<name> to choose one",
    );
  });

  it('resolves an ambiguous name with ?managementCluster=', async () => {
    const res = await get(
      '/clusters/default/trustram-aws-cluster?managementCluster=us',
    );
    expect(res.status).toBe(200);
    const body = res.body as ClusterDetailResponse;
    expect(body.cluster).toMatchObject({
      ref: 'us/default/trustram-aws-cluster',
      managementCluster: 'us',
    });
    expect(body.machines.length).toBeGreaterThan(0);
    expect(body.cost).not.toBeNull();
    expect(body.compliance).not.toBeNull();
  });

  it('resolves a name only one management cluster holds without the parameter', async () => {
    const items = await clusters();
    const unique = items.find(
      c =>
        items.filter(o => o.namespace === c.namespace && o.name === c.name)
          .length === 1,
    )!;
    expect(unique.managementCluster).toBe('us');
    const res = await get(`/clusters/${unique.namespace}/${unique.name}`);
    expect(res.status).toBe(200);
    expect((res.body as ClusterDetailResponse).cluster.ref).toBe(unique.ref);
    const elsewhere = await get(
      `/clusters/${unique.namespace}/${unique.name}?managementCluster=eu`,
    );
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.message).toBe(
      `cluster ${unique.namespace}/${unique.name} not found on management cluster 'eu'`,
    );
  });

  it('rejects an unknown management cluster with 400 naming the field and the choices', async () => {
    const res = await get(
      '/clusters/default/trustram-aws-cluster?managementCluster=mars',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "managementCluster must be one of the configured management clusters ('eu', 'us'); got 'mars'",
    );
    const list = await get(
      '/clusters/default/trustram-aws-cluster?managementCluster=eu&managementCluster=us',
    );
    expect(list.status).toBe(400);
  });
});
