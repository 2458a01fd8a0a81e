/**
 * How fast a client gets a 1,000-cluster management cluster into memory: the simulator runs as
 * its own process (bin/capi-sim), the client lists every kind with @kubernetes/client-node and
 * then runs an informer's initial list of Machines. Prints a summary; not part of the tests.
 *
 *   yarn workspace @internal/capi-simulator tsx bench/initial-list.ts [--clusters 1000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import https from 'node:https';
import {
  ApisApi,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  makeInformer,
} from '@kubernetes/client-node';

const { values } = parseArgs({
  options: { clusters: { type: 'string', default: '1000' } },
});
const clusters = Number(values.clusters);

interface Timing {
  what: string;
  items: number;
  ms: number;
}

async function startSimulator(kubeconfigOut: string) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, '../bin/capi-sim'),
      '--port',
      '0',
      '--clusters',
      String(clusters),
      '--kubeconfig-out',
      kubeconfigOut,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', code =>
      reject(new Error(`simulator exited with ${code}`)),
    );
    createInterface(child.stdout).on('line', line => {
      const match = /ready: (https:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]);
    });
  });
  return { child, url, startupMs: performance.now() - started };
}

async function time<T>(
  what: string,
  run: () => Promise<T>,
  count: (result: T) => number,
): Promise<Timing> {
  const start = performance.now();
  const result = await run();
  return { what, items: count(result), ms: performance.now() - start };
}

async function main() {
  const kubeconfigPath = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'capi-sim-bench-')),
    'kubeconfig',
  );
  const sim = await startSimulator(kubeconfigPath);
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfigPath);
    const custom = kc.makeApiClient(CustomObjectsApi);
    const core = kc.makeApiClient(CoreV1Api);

    // Every served kind once, in the first (preferred) version serving it, from discovery.
    const groups = (await kc.makeApiClient(ApisApi).getAPIVersions()).groups;
    const kinds: Array<{ group: string; version: string; plural: string }> = [];
    for (const group of groups) {
      for (const { version } of group.versions) {
        const resources = await custom.getAPIResources({
          group: group.name,
          version,
        });
        for (const r of resources.resources) {
          const known = kinds.some(
            k => k.group === group.name && k.plural === r.name,
          );
          if (!r.name.includes('/') && !known) {
            kinds.push({ group: group.name, version, plural: r.name });
          }
        }
      }
    }

    const timings: Timing[] = [];
    const allStart = performance.now();
    for (const kind of kinds) {
      timings.push(
        await time(
          `${kind.plural}.${kind.group}`,
          () => custom.listClusterCustomObject(kind),
          r => r.items.length,
        ),
      );
    }
    timings.push(
      await time(
        'secrets',
        () => core.listSecretForAllNamespaces(),
        r => r.items.length,
      ),
    );
    timings.push(
      await time(
        'namespaces',
        () => core.listNamespace(),
        r => r.items.length,
      ),
    );
    const allMs = performance.now() - allStart;

    const paged = await time(
      'machines, pages of 500',
      async () => {
        let items = 0;
        let token: string | undefined;
        do {
          const page = await custom.listClusterCustomObject({
            group: 'cluster.x-k8s.io',
            version: 'v1beta2',
            plural: 'machines',
            limit: 500,
            _continue: token,
          });
          items += page.items.length;
          token = page.metadata.continue;
        } while (token);
        return items;
      },
      n => n,
    );

    const informer = makeInformer(
      kc,
      '/apis/cluster.x-k8s.io/v1beta2/machines',
      () =>
        custom.listClusterCustomObject({
          group: 'cluster.x-k8s.io',
          version: 'v1beta2',
          plural: 'machines',
        }),
    );
    const informerTiming = await time(
      'informer initial list (machines)',
      async () => {
        await informer.start();
        return informer.list().length;
      },
      n => n,
    );
    await informer.stop();

    const { memory } = await simulatorState(kc, sim.url);

    const totalItems = timings.reduce((n, t) => n + t.items, 0);
    const top = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 6);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const lines = [
      `capi-simulator initial-list benchmark: ${clusters} clusters, node ${
        process.version
      }, ${os.cpus().length} CPUs`,
      `simulator startup (spawn → ready):      ${sim.startupMs.toFixed(0)} ms`,
      `list all ${
        timings.length
      } kinds (${totalItems} objects):   ${allMs.toFixed(0)} ms`,
      ...top.map(
        t =>
          `  ${t.what.padEnd(40)} ${String(t.items).padStart(6)} items ${t.ms
            .toFixed(0)
            .padStart(6)} ms`,
      ),
      `${paged.what.padEnd(40)} ${String(paged.items).padStart(
        8,
      )} items ${paged.ms.toFixed(0).padStart(6)} ms`,
      `${informerTiming.what.padEnd(40)} ${String(
        informerTiming.items,
      ).padStart(8)} items ${informerTiming.ms.toFixed(0).padStart(6)} ms`,
      `simulator memory after the lists:       RSS ${mb(
        memory.rss,
      )}, heap used ${mb(memory.heapUsed)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    sim.child.kill('SIGTERM');
  }
}

/** `/_sim/state` of the simulator (its process memory), with the kubeconfig's CA and token. */
function simulatorState(
  kc: KubeConfig,
  url: string,
): Promise<{ memory: NodeJS.MemoryUsage }> {
  const ca = Buffer.from(kc.getCurrentCluster()!.caData!, 'base64');
  const token = kc.getCurrentUser()!.token!;
  return new Promise((resolve, reject) => {
    https
      .get(
        `${url}/_sim/state`,
        { ca, headers: { Authorization: `Bearer ${token}` } },
        res => {
          let body = '';
          res.on('data', chunk => (body += chunk));
          res.on('end', () => resolve(JSON.parse(body)));
        },
      )
      .on('error', reject);
  });
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
