import type { KubeObject } from '@internal/plugin-multicloud-common';
import { Backoff } from './Backoff';
import { KindReflector, type ReflectorChange } from './KindReflector';
import type {
  ListPage,
  ListWatchClient,
  WatchHandlers,
} from './KubeListWatchClient';
import { WATCHED_KINDS } from './watchedKinds';

const clusterKind = WATCHED_KINDS.find(k => k.kind === 'Cluster')!;

const obj = (name: string, rv: string): KubeObject => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Cluster',
  metadata: { name, namespace: 'default', resourceVersion: rv },
});

/** A scripted management cluster: each list/watch call takes the next scripted answer. */
class ScriptedClient implements ListWatchClient {
  lists: Array<() => ListPage> = [];
  watches: Array<(h: WatchHandlers, rv: string) => void> = [];
  listCalls = 0;
  watchResourceVersions: string[] = [];
  aborted = 0;

  async discoverGroups() {
    return new Map([['cluster.x-k8s.io', ['v1beta2']]]);
  }
  async discoverResources() {
    return new Set(['clusters']);
  }
  async list(): Promise<ListPage> {
    this.listCalls++;
    const next = this.lists.shift();
    if (!next) {
      throw new Error('no more scripted lists');
    }
    return next();
  }
  async watch(
    _g: string,
    _v: string,
    _p: string,
    options: { resourceVersion: string },
    handlers: WatchHandlers,
  ) {
    this.watchResourceVersions.push(options.resourceVersion);
    const next = this.watches.shift() ?? (() => {});
    setImmediate(() => next(handlers, options.resourceVersion));
    return { abort: () => this.aborted++ };
  }
}

function setup(client: ScriptedClient, idleTimeoutMs = 10_000) {
  const changes: Array<[ReflectorChange, string]> = [];
  const delays: number[] = [];
  // A runaway retry loop stops the reflector instead of spinning forever.
  const guard = { stop: async () => {} };
  const sleep = async (ms: number) => {
    delays.push(ms);
    if (delays.length > 20) {
      await guard.stop();
    }
  };
  const reflector = new KindReflector({
    kind: clusterKind,
    version: 'v1beta2',
    client,
    onChange: (change, o) => changes.push([change, o.metadata!.name!]),
    idleTimeoutMs,
    watchTimeoutSeconds: 300,
    pageSize: 2,
    backoff: new Backoff({
      initialMs: 800,
      maxMs: 30_000,
      resetAfterMs: 60_000,
      jitter: 0,
      random: () => 0,
    }),
    sleep,
  });
  guard.stop = () => reflector.stop();
  return { reflector, changes, delays };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise(r => setTimeout(r, 5));
  }
  expect(condition()).toBe(true);
};

describe('KindReflector', () => {
  it('lists page by page, then watches from the list resourceVersion and follows bookmarks', async () => {
    const client = new ScriptedClient();
    client.lists.push(
      () => ({
        items: [obj('a', '1'), obj('b', '2')],
        resourceVersion: '',
        continueToken: 'next',
      }),
      () => ({ items: [obj('c', '3')], resourceVersion: '10' }),
    );
    client.watches.push(h => {
      h.onEvent('MODIFIED', obj('a', '11'));
      h.onEvent('BOOKMARK', { metadata: { resourceVersion: '15' } });
      h.onDone();
    });
    const { reflector, changes } = setup(client);
    reflector.start();
    await until(() => client.watchResourceVersions.length >= 2);
    await reflector.stop();

    expect(changes).toEqual([
      ['upsert', 'a'],
      ['upsert', 'b'],
      ['upsert', 'c'],
      ['upsert', 'a'],
    ]);
    expect(client.watchResourceVersions.slice(0, 2)).toEqual(['10', '15']);
    expect(reflector.state()).toMatchObject({
      synced: true,
      objects: 3,
      lists: 1,
    });
  });

  it('relists on 410 Gone and reports objects deleted meanwhile', async () => {
    const client = new ScriptedClient();
    client.lists.push(
      () => ({ items: [obj('a', '1'), obj('b', '2')], resourceVersion: '5' }),
      () => ({ items: [obj('b', '2'), obj('d', '9')], resourceVersion: '20' }),
    );
    client.watches.push(h =>
      h.onEvent('ERROR', { kind: 'Status', code: 410, reason: 'Expired' }),
    );
    const { reflector, changes } = setup(client);
    reflector.start();
    await until(
      () => client.listCalls === 2 && client.watchResourceVersions.length >= 2,
    );
    await reflector.stop();

    expect(changes).toEqual([
      ['upsert', 'a'],
      ['upsert', 'b'],
      ['delete', 'a'],
      ['upsert', 'd'],
    ]);
    expect(client.watchResourceVersions[1]).toBe('20');
  });

  it('backs off exponentially while the server fails, without relisting, and records the error', async () => {
    const client = new ScriptedClient();
    client.lists.push(() => ({ items: [obj('a', '1')], resourceVersion: '5' }));
    for (let i = 0; i < 4; i++) {
      client.watches.push(h =>
        h.onDone({ statusCode: 503, message: 'Service Unavailable' }),
      );
    }
    const { reflector, delays } = setup(client);
    reflector.start();
    await until(() => client.watchResourceVersions.length >= 5);
    const state = reflector.state();
    await reflector.stop();

    expect(delays.slice(0, 4)).toEqual([800, 1600, 3200, 6400]);
    expect(client.listCalls).toBe(1);
    expect(client.watchResourceVersions.slice(0, 5)).toEqual([
      '5',
      '5',
      '5',
      '5',
      '5',
    ]);
    expect(state.lastError).toBe('watch failed: HTTP 503: Service Unavailable');
  });

  it('restarts a watch that stays silent past the idle timeout', async () => {
    const client = new ScriptedClient();
    client.lists.push(() => ({ items: [], resourceVersion: '7' }));
    client.watches.push(() => {}); // connected, then nothing: no events, no bookmarks
    const { reflector, delays } = setup(client, 50);
    reflector.start();
    await until(() => client.watchResourceVersions.length >= 2);
    const state = reflector.state();
    await reflector.stop();

    expect(state.lastError).toBe(
      'watch stalled: no event or bookmark for 0.05 s',
    );
    expect(client.aborted).toBeGreaterThanOrEqual(1);
    expect(delays[0]).toBe(800);
  });

  it('keeps neither managedFields nor the last-applied annotation', async () => {
    const client = new ScriptedClient();
    const heavy = {
      ...obj('a', '1'),
      metadata: {
        ...obj('a', '1').metadata,
        managedFields: [{ manager: 'kubectl' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          keep: 'me',
        },
      },
    } as KubeObject;
    client.lists.push(() => ({ items: [heavy], resourceVersion: '3' }));
    const kept: KubeObject[] = [];
    const reflector = new KindReflector({
      kind: clusterKind,
      version: 'v1beta2',
      client,
      onChange: (_change, o) => kept.push(o),
      idleTimeoutMs: 10_000,
      watchTimeoutSeconds: 300,
      pageSize: 10,
    });
    reflector.start();
    await until(() => kept.length === 1);
    await reflector.stop();
    expect(kept[0].metadata).toEqual({
      name: 'a',
      namespace: 'default',
      resourceVersion: '1',
      annotations: { keep: 'me' },
    });
  });

  it('retries a failing initial list with backoff', async () => {
    const client = new ScriptedClient();
    client.lists.push(() => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), {});
    });
    client.lists.push(() => ({ items: [obj('a', '1')], resourceVersion: '3' }));
    const { reflector, changes, delays } = setup(client);
    reflector.start();
    await until(() => changes.length === 1);
    await reflector.stop();
    expect(delays[0]).toBe(800);
    expect(reflector.state().synced).toBe(true);
  });
});
