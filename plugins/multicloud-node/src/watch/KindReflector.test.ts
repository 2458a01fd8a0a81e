import type { KubeObject } from '@internal/plugin-multicloud-common';
import { Backoff } from './Backoff';
import { KindReflector, type ReflectorChange } from './KindReflector';
import { RecoveryGroup } from './RecoveryGroup';
import type {
  ListPage,
  ListWatchClient,
  WatchHandlers,
} from './KubeListWatchClient';
import { WATCHED_KINDS } from './watchedKinds';

const clusterKind = WATCHED_KINDS.find(k => k.kind === 'Cluster')!;
const machineKind = WATCHED_KINDS.find(k => k.kind === 'Machine')!;

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

const until = async (condition: () => boolean, timeoutMs = 2000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !condition()) {
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
    // The idle wait already spaced the attempts: the retry waits no longer than it.
    expect(delays[0]).toBe(50);
  });

  it('keeps the delay after stalls within the idle timeout, so a long stall does not delay recovery', async () => {
    const client = new ScriptedClient();
    client.lists.push(() => ({ items: [], resourceVersion: '7' }));
    for (let i = 0; i < 3; i++) client.watches.push(() => {});
    const { reflector, delays } = setup(client, 1000);
    reflector.start();
    await until(() => client.watchResourceVersions.length >= 4, 10_000);
    await reflector.stop();

    // Without the cap: 800, 1600, 3200, ... up to 30 s.
    expect(delays.slice(0, 3)).toEqual([800, 1000, 1000]);
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

describe('KindReflector backoff after an accepted watch is dropped', () => {
  it('retries the first drop soon, and backs off again when drops come in a row', async () => {
    const client = new ScriptedClient();
    const refused = () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      });
    };
    client.lists.push(refused, refused, refused, () => ({
      items: [obj('a', '1')],
      resourceVersion: '1',
    }));
    const dropped = (h: WatchHandlers) => h.onDone();
    client.watches.push(dropped, dropped, dropped);
    const { reflector, delays } = setup(client);
    reflector.start();
    await until(() => delays.length >= 6);
    await reflector.stop();

    // Three failed lists grow the backoff; the first drop of an accepted watch starts it over.
    expect(delays.slice(0, 6)).toEqual([800, 1600, 3200, 800, 1600, 3200]);
  });
});

describe('KindReflector in a RecoveryGroup', () => {
  const down = () => {
    throw Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
  };
  const up = () => ({ items: [obj('a', '1')], resourceVersion: '1' });

  function reflectorOf(
    client: ScriptedClient,
    recovery: RecoveryGroup,
    initialBackoffMs: number,
    kind = clusterKind,
  ) {
    return new KindReflector({
      kind,
      version: 'v1beta2',
      client,
      onChange: () => {},
      idleTimeoutMs: 10_000,
      watchTimeoutSeconds: 300,
      pageSize: 10,
      recovery,
      backoff: new Backoff({
        initialMs: initialBackoffMs,
        maxMs: initialBackoffMs,
        resetAfterMs: 60_000,
        jitter: 0,
      }),
    });
  }

  it('wakes a kind sleeping in backoff when another kind reaches the recovered server', async () => {
    const recovery = new RecoveryGroup({ quietMs: 10 });
    const quick = new ScriptedClient();
    quick.lists.push(down, up);
    const slow = new ScriptedClient();
    slow.lists.push(down, up);
    const reflectors = [
      reflectorOf(quick, recovery, 50),
      reflectorOf(slow, recovery, 60_000, machineKind),
    ];
    reflectors.forEach(r => r.start());
    try {
      await until(() => quick.listCalls === 2);
      // Woken within its spread of a second, not after its own 60 s backoff.
      for (let i = 0; i < 60 && slow.listCalls < 2; i++) {
        await new Promise(r => setTimeout(r, 25));
      }
      expect(slow.listCalls).toBe(2);
      expect(reflectors[1].state().synced).toBe(true);
    } finally {
      await Promise.all(reflectors.map(r => r.stop()));
    }
  });

  it('leaves a kind refused for its own request (403) to its backoff', async () => {
    const recovery = new RecoveryGroup({ quietMs: 10 });
    // Another kind meets the server down, then reaches it: were the 403 counted as the
    // server's failure too, that would be an outage of two kinds ending, and it would wake
    // the refused kind within a second.
    const other = new ScriptedClient();
    other.lists.push(down, up);
    const refused = new ScriptedClient();
    refused.lists.push(() => {
      throw Object.assign(new Error('forbidden'), { statusCode: 403 });
    }, up);
    const reflectors = [
      reflectorOf(refused, recovery, 60_000),
      reflectorOf(other, recovery, 50, machineKind),
    ];
    reflectors.forEach(r => r.start());
    try {
      await until(() => other.listCalls === 2 && refused.listCalls === 1);
      await new Promise(r => setTimeout(r, 1200));
      expect(refused.listCalls).toBe(1);
    } finally {
      await Promise.all(reflectors.map(r => r.stop()));
    }
  });
});
