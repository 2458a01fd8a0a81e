import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  capturingLogger,
  findLeaks,
  leakNeedles,
  secretMaterial,
  startSimulator,
  type Simulator,
} from '@internal/capi-simulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import request from 'supertest';
import { kubernetesModuleMulticloud } from './module';

/**
 * The Kubernetes plugin with this module, on a simulated management cluster whose tokens all
 * carry a marker: listing clusters, also while the secrets cannot be read, never shows a
 * token or kubeconfig in a response or log. (Fetching objects and proxying are not run here:
 * see the note at `listClusters`.)
 */
jest.setTimeout(60_000);

const MARKER = `MCSECRET${Date.now().toString(36)}KUBE`;
describe('kubeconfig secrets in the Kubernetes plugin', () => {
  const logs: string[] = [];
  const responses: string[] = [];
  let sim: Simulator;
  let dir: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-k8s-secrets-'));
    const kubeconfigOut = path.join(dir, 'kubeconfig');
    sim = await startSimulator({
      kubeconfigOut,
      autoTick: false,
      secretMarker: MARKER,
    });
    backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleMulticloud,
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => capturingLogger(logs),
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [{ type: 'config', clusters: [] }],
            },
            multicloud: {
              managementClusters: [
                { name: 'sim', kubeconfig: { path: kubeconfigOut } },
              ],
              // Read the secrets on every request, so failures to read them are logged too.
              kubernetes: { cacheSeconds: 0 },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (req: request.Test) => {
    const res = await req;
    responses.push(`${res.status}\n${inspect(res.headers)}\n${res.text}`);
    return res;
  };

  // The plugin's object fetcher and proxy load @kubernetes/client-node through a dynamic
  // import that jest cannot run; they take credentials from the auth strategy, which the
  // unit tests cover. The cluster list is what reaches a browser.
  const listClusters = () =>
    call(request(backend.server).get('/api/kubernetes/clusters'));

  it('lists the CAPI clusters without a token in sight, in responses or logs', async () => {
    const clusters = await listClusters();
    expect(
      clusters.body.items.map((c: { name: string }) => c.name).sort(),
    ).toEqual([
      'trustram-aws-cluster',
      'trustram-azure-cluster',
      'trustram-gcp-cluster',
    ]);
    // The module read the kubeconfig secrets, tokens included: there was something to leak.
    expect(sim.counters.snapshot().byResource.secrets?.list).toBeGreaterThan(0);

    // Secrets unreadable: the module logs the failure and keeps the last clusters.
    sim.scenarios.setErrorRate(1);
    expect((await listClusters()).body.items).toHaveLength(3);
    sim.scenarios.setErrorRate(0);
    expect(logs.join('\n')).toContain(
      'Could not refresh the CAPI kubeconfig secrets',
    );

    const secrets = secretMaterial(sim.token, sim.store.list('v1', 'Secret'));
    expect(secrets.filter(s => s.startsWith(`${MARKER}.`))).toHaveLength(4);
    const needles = leakNeedles([MARKER, ...secrets]);
    expect(findLeaks([...responses, ...logs], needles)).toEqual([]);
  });
});
