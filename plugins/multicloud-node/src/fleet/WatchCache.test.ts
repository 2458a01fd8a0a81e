import { mockServices } from '@backstage/backend-test-utils';
import { startSimulator, type Simulator } from '@internal/capi-simulator';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { Backoff } from '../watch/Backoff';
import { KubeListWatchClient } from '../watch/KubeListWatchClient';
import { WatchCache } from './WatchCache';

jest.setTimeout(60_000);

async function eventually<T>(
  probe: () => T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 25));
  }
}

const fastBackoff = () =>
  new Backoff({ initialMs: 50, maxMs: 400, resetAfterMs: 60_000, jitter: 0.2 });

describe('WatchCache against the simulated management cluster', () => {
  let sim: Simulator;
  let cache: WatchCache;

  async function start(
    options: { idleTimeoutMs?: number; clusters?: number } = {},
  ) {
    sim = await startSimulator({
      autoTick: false,
      clusters: options.clusters,
      bookmarkIntervalMs: 200,
    });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(sim.kubeconfig);
    cache = new WatchCache({
      managementClusters: [
        { name: 'sim', client: new KubeListWatchClient(kubeConfig) },
      ],
      logger: mockServices.logger.mock(),
      debounceMs: 50,
      idleTimeoutMs: options.idleTimeoutMs ?? 5_000,
      backoff: fastBackoff,
    });
    await cache.start();
    await eventually(() => cache.getStatus().synced && !cache.getFleet().stale);
  }

  afterEach(async () => {
    await cache?.stop();
    await sim?.close();
  });

  it('syncs the seed fleet and summarises it', async () => {
    await start();
    const fleet = await eventually(
      () => cache.getFleet().clusters.length === 3 && cache.getFleet(),
    );
    expect(
      fleet.clusters.map(c => [c.ref, c.cloud, c.region, c.health.verdict]),
    ).toEqual([
      ['default/trustram-aws-cluster', 'aws', 'us-west-2', 'healthy'],
      ['default/trustram-azure-cluster', 'azure', 'westus2', 'healthy'],
      ['default/trustram-gcp-cluster', 'gcp', 'us-west1', 'healthy'],
    ]);
    expect(fleet.summary.total.clusters).toBe(3);
    const status = cache.getStatus();
    const watchingSince = Date.parse(
      status.managementClusters[0].watchingSince!,
    );
    expect(watchingSince).toBeLessThanOrEqual(Date.parse(fleet.builtAt));
    expect(
      status.managementClusters[0].kinds.find(k => k.kind === 'Cluster'),
    ).toMatchObject({
      synced: true,
      connected: true,
      version: 'v1beta2',
    });
    expect(
      cache.getClusterObjects('default/trustram-aws-cluster').length,
    ).toBeGreaterThan(5);
  });

  it('shows a change within a second, with no LIST in steady state', async () => {
    await start();
    sim.resetCounters();
    const before = cache.getFleet().version;
    // The clock starts once the simulator has written the change (its first write of a
    // kind compiles that kind's CRD schema, which is the simulator's time, not ours).
    sim.scenarios.failCluster('default/trustram-gcp-cluster');
    const written = Date.now();
    await eventually(
      () =>
        cache.getCluster('default/trustram-gcp-cluster')?.health.verdict ===
        'unhealthy',
      1_000,
    );
    expect(Date.now() - written).toBeLessThan(1_000);
    expect(cache.getFleet().version).toBeGreaterThan(before);
    expect(sim.counters.snapshot().byVerb.list).toBe(0);
  });

  it('relists after 410 Gone and drops objects deleted meanwhile', async () => {
    await start({ idleTimeoutMs: 800 });
    // The watches hear nothing while the cluster is deleted and the event window compacted.
    sim.scenarios.stallWatches(true);
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(sim.kubeconfig);
    await kubeConfig
      .makeApiClient(CustomObjectsApi)
      .deleteNamespacedCustomObject({
        group: 'cluster.x-k8s.io',
        version: 'v1beta2',
        namespace: 'default',
        plural: 'clusters',
        name: 'trustram-gcp-cluster',
      });
    for (
      let i = 0;
      i < 50 &&
      sim.store.get(
        'cluster.x-k8s.io/v1beta2',
        'Cluster',
        'default',
        'trustram-gcp-cluster',
      );
      i++
    ) {
      sim.tick();
    }
    expect(
      sim.store.get(
        'cluster.x-k8s.io/v1beta2',
        'Cluster',
        'default',
        'trustram-gcp-cluster',
      ),
    ).toBeUndefined();
    // Compact the event window: when the silent watches are restarted (idle timeout),
    // resuming from the last seen resourceVersion gets 410 Gone, and only a new list
    // can resync.
    sim.scenarios.forceExpired();
    sim.resetCounters();

    await eventually(() => !cache.getCluster('default/trustram-gcp-cluster'));
    sim.scenarios.stallWatches(false);
    expect(cache.getFleet().clusters.map(c => c.ref)).toEqual([
      'default/trustram-aws-cluster',
      'default/trustram-azure-cluster',
    ]);
    expect(sim.counters.snapshot().byVerb.list).toBeGreaterThan(0);
  });

  it('serves the last state marked stale while the cluster is down, and recovers without a request storm', async () => {
    await start();
    const synced = cache.getFleet();
    await sim.scenarios.down(true);
    const stale = await eventually(
      () => cache.getFleet().stale && cache.getFleet(),
    );
    expect(stale.clusters).toEqual(synced.clusters);

    sim.resetCounters();
    await new Promise(r => setTimeout(r, 2_000));
    await sim.scenarios.down(false);
    await eventually(() => !cache.getFleet().stale);
    // About 24 watched kinds, each retrying at most a few times with backoff (cap 400 ms in
    // this test): a storm would be thousands.
    const requests = sim.counters.snapshot().total;
    expect(requests).toBeLessThan(24 * 8);
    expect(
      cache.getStatus().managementClusters[0].kinds.every(k => k.connected),
    ).toBe(true);
  });

  it('restarts a watch that goes silent', async () => {
    await start({ idleTimeoutMs: 600 });
    sim.scenarios.stallWatches(true);
    await eventually(() =>
      cache
        .getStatus()
        .managementClusters[0].kinds.some(k =>
          k.lastError?.startsWith('watch stalled'),
        ),
    );
    sim.scenarios.stallWatches(false);
    sim.scenarios.failCluster('default/trustram-aws-cluster');
    const failed = await eventually(() => {
      const verdict = cache.getCluster('default/trustram-aws-cluster')?.health
        .verdict;
      return verdict === 'unhealthy' && verdict;
    });
    expect(failed).toBe('unhealthy');
  });

  it('keeps watches alive through bookmarks alone', async () => {
    await start({ idleTimeoutMs: 1_000 });
    const watchesBefore = sim.counters.snapshot().byVerb.watch;
    await new Promise(r => setTimeout(r, 2_500));
    const kinds = cache.getStatus().managementClusters[0].kinds;
    expect(kinds.every(k => k.connected && !k.lastError)).toBe(true);
    expect(sim.counters.snapshot().byVerb.watch).toBe(watchesBefore);
  });
});

describe('WatchCache over several management clusters', () => {
  const sims: Simulator[] = [];
  let cache: WatchCache;

  afterEach(async () => {
    await cache?.stop();
    await Promise.all(sims.splice(0).map(s => s.close()));
  });

  async function startTwo() {
    // Both simulators serve the seed's three clusters: the same namespaces and names.
    for (let i = 0; i < 2; i++) {
      sims.push(
        await startSimulator({ autoTick: false, bookmarkIntervalMs: 200 }),
      );
    }
    cache = new WatchCache({
      managementClusters: ['eu', 'us'].map((name, i) => {
        const kubeConfig = new KubeConfig();
        kubeConfig.loadFromString(sims[i].kubeconfig);
        return { name, client: new KubeListWatchClient(kubeConfig) };
      }),
      logger: mockServices.logger.mock(),
      debounceMs: 50,
      backoff: fastBackoff,
    });
    await cache.start();
    await eventually(() => cache.getStatus().synced && !cache.getFleet().stale);
  }

  it('keeps same-named clusters of different management clusters apart', async () => {
    await startTwo();
    const fleet = cache.getFleet();
    expect(fleet.clusters.map(c => c.ref)).toEqual([
      'eu/default/trustram-aws-cluster',
      'eu/default/trustram-azure-cluster',
      'eu/default/trustram-gcp-cluster',
      'us/default/trustram-aws-cluster',
      'us/default/trustram-azure-cluster',
      'us/default/trustram-gcp-cluster',
    ]);
    expect(fleet.summary.total.clusters).toBe(6);
    expect(cache.getCluster('us/default/trustram-aws-cluster')).toMatchObject({
      managementCluster: 'us',
      namespace: 'default',
      name: 'trustram-aws-cluster',
    });
    const euObjects = cache.getClusterObjects(
      'eu/default/trustram-aws-cluster',
    );
    expect(euObjects.length).toBeGreaterThan(5);
    expect(
      cache.getClusterObjects('us/default/trustram-aws-cluster'),
    ).toHaveLength(euObjects.length);
    expect(cache.getClusterObjects('default/trustram-aws-cluster')).toEqual([]);
    expect(cache.getStatus().managementClusters.map(m => m.name)).toEqual([
      'eu',
      'us',
    ]);
  });

  it('changes only the cluster of the management cluster that changed', async () => {
    await startTwo();
    sims[1].scenarios.failCluster('default/trustram-gcp-cluster');
    await eventually(
      () =>
        cache.getCluster('us/default/trustram-gcp-cluster')?.health.verdict ===
        'unhealthy',
    );
    expect(
      cache.getCluster('eu/default/trustram-gcp-cluster')?.health.verdict,
    ).toBe('healthy');
  });
});

describe('WatchCache initial sync', () => {
  it('publishes its first fleet once every kind is listed, not one per page', async () => {
    const sim = await startSimulator({ autoTick: false, clusters: 150 });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(sim.kubeconfig);
    const cache = new WatchCache({
      managementClusters: [
        { name: 'sim', client: new KubeListWatchClient(kubeConfig) },
      ],
      logger: mockServices.logger.mock(),
      // Small pages and no debounce: without the wait, half-listed fleets would be published.
      debounceMs: 1,
      pageSize: 50,
      backoff: fastBackoff,
    });
    const published: Array<{ clusters: number; machines: number }> = [];
    cache.subscribe(view =>
      published.push({
        clusters: view.clusters.length,
        machines: view.summary.total.machines.total,
      }),
    );
    try {
      await cache.start();
      await eventually(
        () => cache.getStatus().synced && !cache.getFleet().stale,
        30_000,
      );
      const final = cache.getFleet();
      const withClusters = published.filter(p => p.clusters > 0);
      expect(withClusters[0]).toEqual({
        clusters: 150,
        machines: final.summary.total.machines.total,
      });
    } finally {
      await cache.stop();
      await sim.close();
    }
  });

  it('reports synced only once the fleet it serves holds the synced lists', async () => {
    const sim = await startSimulator({ autoTick: false });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(sim.kubeconfig);
    const cache = new WatchCache({
      managementClusters: [
        { name: 'sim', client: new KubeListWatchClient(kubeConfig) },
      ],
      logger: mockServices.logger.mock(),
      // A long debounce: the lists settle well before the first view is built.
      debounceMs: 400,
      backoff: fastBackoff,
    });
    try {
      await cache.start();
      const clustersWhenSynced = await eventually(
        () => cache.getStatus().synced && [cache.getFleet().clusters.length],
        10_000,
      );
      expect(clustersWhenSynced).toEqual([3]);
    } finally {
      await cache.stop();
      await sim.close();
    }
  });
});
