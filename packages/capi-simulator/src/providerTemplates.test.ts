import fs from 'node:fs';
import path from 'node:path';
import {
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { CAPI_LABELS } from '@internal/plugin-multicloud-common';
import YAML from 'yaml';
import { clients } from './__testUtils__/clients';
import { startSimulator, type Simulator } from './startSimulator';

const TEMPLATE_DIR = path.resolve(__dirname, '../provider-templates');

/** Kinds the templates use whose CRDs are not in the CRD set: a real server refuses them too. */
const NOT_SERVED: Record<string, string[]> = {
  'aws-cluster-template-machinepool.yaml': ['KubeadmConfig', 'AWSMachinePool'],
  'azure-cluster-template-clusterclass.yaml': [
    'KubeadmControlPlaneTemplate',
    'AzureClusterTemplate',
  ],
  'gcp-cluster-template-clusterclass.yaml': [
    'KubeadmControlPlaneTemplate',
    'GCPClusterTemplate',
  ],
};

const VALUES: Record<string, string> = {
  KUBERNETES_VERSION: 'v1.33.1',
  CONTROL_PLANE_MACHINE_COUNT: '3',
  WORKER_MACHINE_COUNT: '2',
  AWS_REGION: 'us-west-2',
  AWS_AVAILABILITY_ZONE: 'us-west-2a',
  AWS_SSH_KEY_NAME: 'default',
  AWS_CONTROL_PLANE_MACHINE_TYPE: 'm5.xlarge',
  AWS_NODE_MACHINE_TYPE: 'm5.large',
  AZURE_LOCATION: 'westus2',
  AZURE_SUBSCRIPTION_ID: '00000000-1111-2222-3333-444444444444',
  AZURE_TENANT_ID: '55555555-6666-7777-8888-999999999999',
  AZURE_CLIENT_ID_USER_ASSIGNED_IDENTITY:
    'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  AZURE_CONTROL_PLANE_MACHINE_TYPE: 'Standard_D4s_v3',
  AZURE_NODE_MACHINE_TYPE: 'Standard_D4s_v3',
  CLUSTER_IDENTITY_NAME: 'cluster-identity',
  GCP_REGION: 'us-west1',
  GCP_PROJECT: 'trustram-sim',
  GCP_NETWORK_NAME: 'default',
  GCP_CONTROL_PLANE_MACHINE_TYPE: 'n2-standard-4',
  GCP_NODE_MACHINE_TYPE: 'n2-standard-4',
  IMAGE_ID: 'projects/k8s-images/global/images/cluster-api-ubuntu-2204-v1-33-1',
  CNI_RESOURCES: '{"calico.yaml": ""}',
};

/** `${VAR}` and `${VAR:=default}` (defaults may nest), innermost first, like clusterctl. */
function substitute(text: string, values: Record<string, string>): string {
  const pattern = /\$\{([A-Z0-9_]+)(?::=([^${}]*))?\}/g;
  let out = text;
  while (pattern.test(out)) {
    out = out.replace(pattern, (_m, name: string, fallback?: string) => {
      const value = values[name] ?? fallback;
      if (value === undefined) throw new Error(`no value for \${${name}}`);
      return value;
    });
  }
  return out;
}

function documents(file: string, clusterName: string): KubernetesObject[] {
  const text = substitute(
    fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8'),
    {
      ...VALUES,
      CLUSTER_NAME: clusterName,
      CLUSTER_CLASS_NAME: `${clusterName.replace(/-topology$/, '')}-class`,
    },
  );
  return YAML.parseAllDocuments(text)
    .map(d => d.toJSON())
    .filter(Boolean);
}

const files = fs
  .readdirSync(TEMPLATE_DIR)
  .filter(f => f.endsWith('.yaml'))
  .sort();

describe('official provider templates', () => {
  let sim: Simulator;
  let api: KubernetesObjectApi;
  const created = new Map<string, KubernetesObject[]>();

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'templates', autoTick: false });
    api = KubernetesObjectApi.makeApiClient(clients(sim.kubeconfig).kc);
  });

  afterAll(() => sim.close());

  it.each(files)('accepts every document of %s', async file => {
    const name = file
      .replace(/^(\w+)-cluster-template-?/, 'tpl-$1-')
      .replace(/\.yaml$/, '')
      .replace(/-$/, '');
    const namespace = name;
    await api.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    });
    const accepted: KubernetesObject[] = [];
    const refused: string[] = [];
    for (const doc of documents(file, name)) {
      // Each template gets its own namespace (like `kubectl apply -n`), so names do not clash.
      doc.metadata = { ...doc.metadata, namespace };
      try {
        accepted.push(await api.create(doc));
      } catch (e) {
        if (!NOT_SERVED[file]?.includes(doc.kind!))
          throw new Error(
            `${file}: ${doc.kind} ${doc.metadata.name}: ${
              (e as Error).message
            } ${JSON.stringify((e as any).body ?? '')}`,
          );
        refused.push(doc.kind!);
      }
    }
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.sort()).toEqual((NOT_SERVED[file] ?? []).slice().sort());
    created.set(file, accepted);
  });

  it('turns the templates with a Cluster and MachineDeployment into Provisioned clusters', () => {
    for (let i = 0; i < 8; i++) sim.tick();
    const withWorkers = [...created].filter(
      ([, docs]) =>
        docs.some(d => d.kind === 'MachineDeployment') &&
        docs.some(d => d.kind === 'Cluster'),
    );
    expect(withWorkers.map(([file]) => file)).toEqual([
      'aws-cluster-template-eks.yaml',
      'aws-cluster-template.yaml',
      'azure-cluster-template.yaml',
      'gcp-cluster-template.yaml',
    ]);
    for (const [file, docs] of withWorkers) {
      const cluster = docs.find(d => d.kind === 'Cluster')!;
      const { name, namespace } = cluster.metadata as {
        name: string;
        namespace: string;
      };
      const stored = sim.store.get(
        cluster.apiVersion!,
        'Cluster',
        namespace,
        name,
      )!;
      expect([file, stored.status.phase]).toEqual([file, 'Provisioned']);
      const machines = sim.store
        .list('cluster.x-k8s.io/v1beta1', 'Machine', namespace)
        .filter(m => m.metadata!.labels![CAPI_LABELS.clusterName] === name);
      const controlPlane = file.includes('eks') ? 0 : 3;
      expect([file, machines.length]).toEqual([file, controlPlane + 2]);
      expect(machines.every(m => m.status.phase === 'Running')).toBe(true);
      const ready = stored.status.conditions.find(
        (c: any) => c.type === 'Ready',
      );
      expect([file, ready.status]).toEqual([file, 'True']);
    }
  });

  it('provisions the managed (AKS, GKE) clusters with their machine pools', () => {
    for (const file of [
      'azure-cluster-template-aks.yaml',
      'gcp-cluster-template-gke.yaml',
    ]) {
      const cluster = created.get(file)!.find(d => d.kind === 'Cluster')!;
      const stored = sim.store.get(
        cluster.apiVersion!,
        'Cluster',
        cluster.metadata!.namespace!,
        cluster.metadata!.name!,
      )!;
      expect([file, stored.status.phase]).toEqual([file, 'Provisioned']);
      const pools = sim.store.list(
        'cluster.x-k8s.io/v1beta1',
        'MachinePool',
        cluster.metadata!.namespace!,
      );
      expect(
        pools.every(
          p =>
            p.status.phase === 'Running' &&
            p.status.readyReplicas === p.spec.replicas,
        ),
      ).toBe(true);
    }
  });
});
