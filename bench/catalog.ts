/**
 * Catalog benchmark: with 1,000 simulated clusters, the time until the catalog has
 * processed every cluster Resource, and the delay from a new Cluster in the management
 * cluster to its entity in the catalog. Targets: all within 60 s; a new cluster within 10 s.
 *
 *   yarn bench:catalog [--clusters 1000]
 */
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { parseArgs } from 'node:util';
import { getJson, startPortalBackend, stopAll, waitFor } from './lib/processes';

const { values } = parseArgs({ options: { clusters: { type: 'string', default: '1000' } } });
const clusters = Number(values.clusters);

async function clusterEntities(base: string): Promise<number> {
  const body = await getJson(
    `${base}/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster&limit=1`,
  );
  return body.totalItems;
}

async function main() {
  console.log(`Starting the simulator with ${clusters} clusters and the backend ...`);
  const { base, kubeconfig, startedAt } = await startPortalBackend({ clusters, simPort: 16443, backendPort: 17007 });
  const backendUpAt = Date.now();
  await waitFor(async () => (await clusterEntities(base)) >= clusters, 600_000, 'all cluster entities');
  const allMs = Date.now() - backendUpAt;

  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const api = kc.makeApiClient(CustomObjectsApi);
  const list: any = await api.listClusterCustomObject({ group: 'cluster.x-k8s.io', version: 'v1beta2', plural: 'clusters', limit: 1 });
  const template = list.items[0];
  const name = `bench-new-${Date.now().toString(36)}`;
  const created = Date.now();
  await api.createNamespacedCustomObject({
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    namespace: template.metadata.namespace,
    plural: 'clusters',
    body: {
      apiVersion: template.apiVersion,
      kind: 'Cluster',
      metadata: { name, namespace: template.metadata.namespace, labels: template.metadata.labels },
      spec: template.spec,
    },
  });
  const entityName = template.metadata.namespace === 'default' ? name : `${template.metadata.namespace}--${name}`;
  await waitFor(
    async () => !!(await getJson(`${base}/api/catalog/entities/by-name/resource/default/${entityName}`)),
    120_000,
    'the new cluster entity',
  );
  const newMs = Date.now() - created;

  console.log('');
  console.log('| measurement | result | target |');
  console.log('| --- | --- | --- |');
  console.log(`| backend start (process launch to /health) | ${backendUpAt - startedAt} ms | |`);
  console.log(`| all ${clusters} cluster entities processed, after the backend answered | ${allMs} ms | < 60000 ms |`);
  console.log(`| new Cluster → its catalog entity | ${newMs} ms | < 10000 ms |`);
}

main()
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
