import { makeInformer, Watch } from '@kubernetes/client-node';
import {
  CAPI,
  clients,
  eventually,
  failure,
  rawRequest,
} from './__testUtils__/clients';
import { startSimulator, type Simulator } from './startSimulator';

const clustersPath = '/apis/cluster.x-k8s.io/v1beta2/clusters';

describe('fault injection', () => {
  let sim: Simulator;
  let c: ReturnType<typeof clients>;

  const getCluster = () =>
    c.custom.getNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
      name: 'trustram-aws-cluster',
    });
  /** Changes a cluster directly in the store, so the change does not depend on the faults. */
  const touch = (value: string) => {
    const cluster = sim.store.get(
      'cluster.x-k8s.io/v1beta2',
      'Cluster',
      'default',
      'trustram-gcp-cluster',
    )!;
    cluster.metadata!.labels!.touched = value;
    sim.store.put(cluster);
  };
  const watchClusters = async (params: Record<string, unknown> = {}) => {
    const events: string[] = [];
    const state: { done: boolean; error?: unknown } = { done: false };
    const req = await new Watch(c.kc).watch(
      clustersPath,
      { resourceVersion: String(sim.store.resourceVersion), ...params },
      type => events.push(type),
      err => Object.assign(state, { done: true, error: err }),
    );
    return { events, state, req };
  };

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 'faults',
      autoTick: false,
      bookmarkIntervalMs: 100,
    });
    c = clients(sim.kubeconfig);
  });

  afterAll(() => sim.close());

  it('adds latency to every request', async () => {
    sim.scenarios.setLatency(300);
    const start = Date.now();
    await getCluster();
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    sim.scenarios.setLatency(0);
  });

  it('answers a share of requests with 500 InternalError, leaving open watches alone', async () => {
    const watch = await watchClusters();
    sim.scenarios.setErrorRate(1);
    const { code, status } = await failure(getCluster());
    expect(code).toBe(500);
    expect(status).toMatchObject({
      kind: 'Status',
      reason: 'InternalError',
      code: 500,
    });
    touch('during-errors');
    await eventually(() => watch.events.includes('MODIFIED'));
    sim.scenarios.setErrorRate(0.5);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => getCluster()),
    );
    const failed = results.filter(r => r.status === 'rejected').length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(sim.counters.snapshot().injectedErrors).toBe(failed + 1);
    sim.scenarios.setErrorRate(0);
    watch.req.abort();
  });

  it('drops open watches; an informer re-watches from its resourceVersion', async () => {
    const watch = await watchClusters();
    let lists = 0;
    const updates: string[] = [];
    const informer = makeInformer(c.kc, clustersPath, () => {
      lists++;
      return c.custom.listClusterCustomObject({ ...CAPI, plural: 'clusters' });
    });
    informer.on('update', obj => updates.push(obj.metadata!.labels!.touched));
    await informer.start();
    sim.scenarios.dropWatches();
    await eventually(() => watch.state.done);
    expect(watch.state.error).toBeNull();
    await eventually(() => sim.counters.snapshot().byVerb.watch >= 3);
    touch('after-drop');
    await eventually(() => updates.includes('after-drop'));
    expect(lists).toBe(1);
    await informer.stop();
  });

  it('keeps serving when a change comes between a dropped watch and its close', async () => {
    const watch = await watchClusters();
    await eventually(() => sim.counters.snapshot().byVerb.watch >= 1);
    sim.scenarios.dropWatches();
    // Same tick: the ended stream is still registered and must not be written to.
    touch('between-drop-and-close');
    await eventually(() => watch.state.done);
    const cluster = await getCluster();
    expect(cluster.metadata.name).toBe('trustram-aws-cluster');
  });

  it('stalls watches: nothing, not even bookmarks, until released', async () => {
    const watch = await watchClusters({ allowWatchBookmarks: true });
    await eventually(() => watch.events.includes('BOOKMARK'));
    sim.scenarios.stallWatches(true);
    const seen = watch.events.length;
    touch('while-stalled');
    await new Promise(r => setTimeout(r, 400));
    expect(watch.events.length).toBe(seen);
    expect(watch.state.done).toBe(false);
    sim.scenarios.stallWatches(false);
    await eventually(() => watch.events.slice(seen).includes('MODIFIED'));
    watch.req.abort();
  });

  it('forces 410 Expired: an informer relists', async () => {
    sim.resetCounters();
    let lists = 0;
    const informer = makeInformer(c.kc, clustersPath, () => {
      lists++;
      return c.custom.listClusterCustomObject({ ...CAPI, plural: 'clusters' });
    });
    await informer.start();
    await eventually(() => sim.counters.snapshot().byVerb.watch > 0);
    // The informer misses a change (stalled stream), the window is compacted, the stream ends:
    // it re-watches from its old resourceVersion, gets 410 Expired and lists again.
    sim.scenarios.stallWatches(true);
    touch('missed');
    sim.scenarios.forceExpired();
    sim.scenarios.dropWatches();
    await eventually(() => lists === 2);
    sim.scenarios.stallWatches(false);
    await eventually(
      () =>
        informer.get('trustram-gcp-cluster', 'default')?.metadata?.labels
          ?.touched === 'missed',
    );
    touch('after-expiry');
    await eventually(
      () =>
        informer.get('trustram-gcp-cluster', 'default')?.metadata?.labels
          ?.touched === 'after-expiry',
    );
    await informer.stop();
    expect(lists).toBe(2);
  });

  it('resets connections of new requests; the admin endpoint still answers', async () => {
    sim.scenarios.resetConnections(true);
    await expect(getCluster()).rejects.toThrow(/socket hang up|ECONNRESET/);
    const admin = await rawRequest(
      sim,
      '/_sim/connections/reset?enabled=false',
      { method: 'POST', token: sim.token },
    );
    expect(admin.status).toBe(200);
    await expect(getCluster()).resolves.toBeTruthy();
  });

  it('goes down (connections refused, watches cut) and comes back on the same port', async () => {
    const watch = await watchClusters();
    await sim.scenarios.down(true);
    await eventually(() => watch.state.done);
    await expect(getCluster()).rejects.toThrow(/ECONNREFUSED/);
    await sim.scenarios.down(false);
    await expect(getCluster()).resolves.toBeTruthy();
  });

  it('exposes scenarios over the admin endpoint, behind the same token', async () => {
    expect((await rawRequest(sim, '/_sim/state')).status).toBe(401);
    const failed = await rawRequest(
      sim,
      '/_sim/clusters/default/trustram-aws-cluster/fail',
      { method: 'POST', token: sim.token },
    );
    expect(failed.status).toBe(200);
    expect((await getCluster()).status.phase).toBe('Failed');
    await rawRequest(
      sim,
      '/_sim/clusters/default/trustram-aws-cluster/recover',
      { method: 'POST', token: sim.token },
    );
    expect((await getCluster()).status.phase).toBe('Provisioned');
    const outage = await rawRequest(sim, '/_sim/regions/azure/westus2/outage', {
      method: 'POST',
      token: sim.token,
    });
    expect(JSON.parse(outage.body).clusters).toEqual([
      'default/trustram-azure-cluster',
    ]);
    await rawRequest(sim, '/_sim/regions/azure/westus2/recover', {
      method: 'POST',
      token: sim.token,
    });
    const state = JSON.parse(
      (await rawRequest(sim, '/_sim/state', { token: sim.token })).body,
    );
    expect(state).toMatchObject({
      clusters: 3,
      faults: {
        latencyMs: 0,
        errorRate: 0,
        resetConnections: false,
        down: false,
      },
    });
    const counters = JSON.parse(
      (await rawRequest(sim, '/_sim/counters', { token: sim.token })).body,
    );
    expect(counters.byVerb.get).toBeGreaterThan(0);
    expect(
      (
        await rawRequest(sim, '/_sim/error-rate?fraction=2', {
          method: 'POST',
          token: sim.token,
        })
      ).status,
    ).toBe(400);
  });
});
