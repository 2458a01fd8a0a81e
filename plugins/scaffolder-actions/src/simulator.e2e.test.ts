import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startSimulator, type Simulator } from '@internal/capi-simulator';
import {
  DEFAULT_COMPLIANCE_RULES,
  PriceBook,
} from '@internal/plugin-multicloud-common';
import {
  KubeListWatchClient,
  WatchCache,
} from '@internal/plugin-multicloud-node';
import {
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { createRenderAction } from './actions/render/createRenderAction';
import { createValidateAction } from './actions/validate/createValidateAction';
import { clusterInput } from './__testUtils__/clusterInputs';
import { outputsOf, tempDir } from './__testUtils__/workspace';

jest.setTimeout(120_000);

async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 25));
  }
}

/**
 * The whole path of a new cluster, in process: render → validate against the live fleet →
 * apply the manifests to the simulated management cluster with @kubernetes/client-node, as a
 * GitOps controller would → the simulator's CAPI controllers provision it → the fleet sees it
 * with the labels the portal reads → a second request for the same name fails validation.
 */
describe('rendered clusters on the simulated management cluster', () => {
  let sim: Simulator;
  let fleet: WatchCache;
  let objects: KubernetesObjectApi;
  let custom: CustomObjectsApi;
  let workspace: ReturnType<typeof tempDir>;
  const prices = new PriceBook();

  beforeAll(async () => {
    sim = await startSimulator({ autoTick: false, bookmarkIntervalMs: 200 });
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    objects = KubernetesObjectApi.makeApiClient(kc);
    custom = kc.makeApiClient(CustomObjectsApi);
    fleet = new WatchCache({
      managementClusters: [
        { name: 'sim', client: new KubeListWatchClient(kc) },
      ],
      logger: mockServices.logger.mock(),
      debounceMs: 20,
    });
    await fleet.start();
    await eventually(() => fleet.getStatus().synced, 'fleet synced');
    workspace = tempDir('e2e-');
  });
  afterAll(async () => {
    await fleet?.stop();
    await sim?.close();
    workspace?.cleanup();
  });

  const validate = async (dir: string) => {
    const ctx = createMockActionContext({
      input: { path: dir } as any,
      workspacePath: workspace.dir,
    });
    await createValidateAction({
      fleet,
      rules: DEFAULT_COMPLIANCE_RULES,
      prices,
    }).handler(ctx as any);
    return outputsOf(ctx);
  };

  const apply = async (dir: string) => {
    const root = path.join(workspace.dir, dir);
    const { resources } = parse(
      fs.readFileSync(path.join(root, 'kustomization.yaml'), 'utf8'),
    );
    for (const file of resources as string[]) {
      for (const doc of parseAllDocuments(
        fs.readFileSync(path.join(root, file), 'utf8'),
      )) {
        await objects.create(doc.toJS() as KubernetesObject);
      }
    }
  };

  // Machines: [control plane, workers]. Worker counts are CAPI's default for a MachineDeployment
  // without replicas (the autoscaler minimum); AKS and GKE pools are MachinePools (no Machines).
  it.each([
    ['aws', 'us-west-2', 'kubeadm', 'production', [3, 3]],
    ['aws', 'us-west-2', 'managed', 'staging', [0, 2]],
    ['azure', 'westus2', 'kubeadm', 'development', [1, 0]],
    ['azure', 'westus2', 'managed', 'production', [0, 0]],
    ['gcp', 'us-west1', 'kubeadm', 'staging', [1, 2]],
    ['gcp', 'us-west1', 'managed', 'development', [0, 0]],
  ] as const)(
    '%s %s %s (%s): applied, provisioned, seen by the fleet',
    async (
      cloud,
      region,
      flavor,
      environment,
      [controlPlaneMachines, workerMachines],
    ) => {
      const namespace = `e2e-${cloud}-${flavor}`;
      const name = `${cloud}-${flavor}-${environment}`.slice(0, 40);
      const ctx = createMockActionContext({
        input: clusterInput({
          name,
          namespace,
          cloud,
          region,
          flavor,
          environment,
          mode: 'full',
        }) as any,
        workspacePath: workspace.dir,
      });
      await createRenderAction({ prices }).handler(ctx as any);
      const dir = outputsOf(ctx).path;
      expect((await validate(dir)).compliant).toBe(true);

      await objects.create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: namespace },
      });
      await apply(dir);
      const cluster = await eventually(async () => {
        sim.tick();
        const c: any = await custom.getNamespacedCustomObject({
          group: 'cluster.x-k8s.io',
          version: 'v1beta2',
          namespace,
          plural: 'clusters',
          name,
        });
        return c.status?.phase === 'Provisioned' && c;
      }, 'Cluster Provisioned');
      expect(cluster.status.phase).toBe('Provisioned');

      const machines = await eventually(async () => {
        sim.tick();
        const list: any = await custom.listNamespacedCustomObject({
          group: 'cluster.x-k8s.io',
          version: 'v1beta2',
          namespace,
          plural: 'machines',
        });
        const running = list.items.filter(
          (m: any) => m.status?.phase === 'Running',
        );
        return (
          running.length === controlPlaneMachines + workerMachines && running
        );
      }, 'machines Running');
      expect(
        machines.filter(
          (m: any) =>
            'cluster.x-k8s.io/control-plane' in (m.metadata.labels ?? {}),
        ),
      ).toHaveLength(controlPlaneMachines);

      const summary = await eventually(
        () => fleet.getCluster(`${namespace}/${name}`),
        'fleet sees the cluster',
      );
      expect(summary).toMatchObject({
        cloud,
        region,
        labels: {
          owner: 'team-payments',
          system: 'payments',
          environment,
          dataClass: 'ccpa',
        },
      });
      await expect(validate(dir)).rejects.toThrow(
        `a cluster ${namespace}/${name} already exists in the live fleet`,
      );
    },
  );
});
