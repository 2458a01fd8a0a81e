import type { LoggerService } from '@backstage/backend-plugin-api';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { KubeListWatchClient, WATCHED_KINDS, WatchCache } from '@internal/plugin-multicloud-node';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Live heap after full collections: what is retained, not what awaits the collector. */
function liveHeapBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const quiet: LoggerService = {
  info() {},
  debug() {},
  warn() {},
  error() {},
  child() {
    return quiet;
  },
};

/**
 * The fleet service's own share of a backend's memory, measured in this process (a backend's
 * RSS mixes it with the catalog, search and everything else): the live heap a WatchCache
 * retains once synced with the management cluster, next to what the naive approach holds
 * while it answers one request (every kind listed, as `JSON.parse` gives it).
 */
export async function measureFleetHeap(kubeconfigPath: string) {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);

  const before = liveHeapBytes();
  const cache = new WatchCache({
    managementClusters: [{ name: 'bench', client: new KubeListWatchClient(kubeConfig) }],
    logger: quiet,
  });
  const startedAt = Date.now();
  const cpuAtStart = process.cpuUsage();
  const firstFleet = new Promise<void>(resolve => {
    const unsubscribe = cache.subscribe(view => {
      if (view.clusters.length > 0) {
        unsubscribe();
        resolve();
      }
    });
  });
  await cache.start();
  await firstFleet;
  const syncMs = Date.now() - startedAt;
  const cpu = process.cpuUsage(cpuAtStart);
  const syncCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const objects = cache.getStatus().managementClusters[0].kinds.reduce((n, k) => n + k.objects, 0);
  const cacheBytes = liveHeapBytes() - before;
  await cache.stop();

  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  const beforeNaive = liveHeapBytes();
  const lists = await Promise.all(
    WATCHED_KINDS.map(k =>
      api
        .listClusterCustomObject({ group: k.group, version: k.versions[0], plural: k.plural })
        .catch(() => ({ items: [] })),
    ),
  );
  const naiveBytes = liveHeapBytes() - beforeNaive;
  const listed = lists.reduce((n, l: any) => n + l.items.length, 0);

  const mb = (bytes: number) => Math.round(bytes / 1048576);
  return { syncMs, syncCpuMs, objects, cacheMb: mb(cacheBytes), naiveMb: mb(naiveBytes), naiveObjects: listed };
}
