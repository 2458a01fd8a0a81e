import { startSimulator, type Simulator } from '@internal/capi-simulator';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeObjectClient } from './ObjectClient';

jest.setTimeout(60_000);

describe('KubeObjectClient over two management clusters holding the same names', () => {
  const sims: Simulator[] = [];
  let client: KubeObjectClient;

  beforeAll(async () => {
    const managementClusters = [];
    for (const name of ['eu', 'us']) {
      const sim = await startSimulator({ autoTick: false });
      sims.push(sim);
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(sim.kubeconfig);
      managementClusters.push({ name, kubeConfig });
    }
    client = new KubeObjectClient(managementClusters);
  });
  afterAll(() => Promise.all(sims.map(s => s.close())));

  const target = {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    namespace: 'default',
    name: 'trustram-aws-cluster',
  };
  const note = (sim: Simulator) =>
    sim.store.get(
      'cluster.x-k8s.io/v1beta2',
      'Cluster',
      'default',
      'trustram-aws-cluster',
    )?.metadata?.annotations?.['test/note'];

  it('patches the object on the management cluster the target names, and only there', async () => {
    await client.mergePatch(
      { ...target, managementCluster: 'us' },
      { metadata: { annotations: { 'test/note': 'us' } } },
    );
    expect(note(sims[1])).toBe('us');
    expect(note(sims[0])).toBeUndefined();
    const read = await client.get({ ...target, managementCluster: 'us' });
    expect(read.metadata?.annotations?.['test/note']).toBe('us');
  });

  it('refuses a management cluster that is not configured', async () => {
    await expect(
      client.get({ ...target, managementCluster: 'mars' }),
    ).rejects.toThrow(
      "Cluster default/trustram-aws-cluster: no management cluster named 'mars' is configured",
    );
  });
});
