import {
  PatchStrategy,
  setHeaderOptions,
  Watch,
} from '@kubernetes/client-node';
import { CAPI_LABELS } from '@internal/plugin-multicloud-common';
import { CAPI, clients, eventually } from '../__testUtils__/clients';
import { startSimulator, type Simulator } from '../startSimulator';

const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

function newCluster(name: string) {
  const infraRef = {
    apiGroup: 'infrastructure.cluster.x-k8s.io',
    kind: 'AWSMachineTemplate',
  };
  return [
    {
      plural: 'awsmachinetemplates',
      group: 'infrastructure.cluster.x-k8s.io',
      body: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        kind: 'AWSMachineTemplate',
        metadata: { name },
        spec: { template: { spec: { instanceType: 'm6i.large' } } },
      },
    },
    {
      plural: 'awsclusters',
      group: 'infrastructure.cluster.x-k8s.io',
      body: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        kind: 'AWSCluster',
        metadata: { name },
        spec: { region: 'eu-west-1' },
      },
    },
    {
      plural: 'kubeadmcontrolplanes',
      group: 'controlplane.cluster.x-k8s.io',
      body: {
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
        kind: 'KubeadmControlPlane',
        metadata: { name: `${name}-control-plane` },
        spec: {
          replicas: 1,
          version: 'v1.33.1',
          machineTemplate: {
            spec: { infrastructureRef: { ...infraRef, name } },
          },
        },
      },
    },
    {
      plural: 'machinedeployments',
      group: 'cluster.x-k8s.io',
      body: {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'MachineDeployment',
        metadata: { name: `${name}-md-0` },
        spec: {
          clusterName: name,
          replicas: 2,
          template: {
            spec: {
              clusterName: name,
              version: 'v1.33.1',
              bootstrap: { dataSecretName: '' },
              infrastructureRef: { ...infraRef, name },
            },
          },
        },
      },
    },
    {
      plural: 'clusters',
      group: 'cluster.x-k8s.io',
      body: {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name },
        spec: {
          infrastructureRef: {
            apiGroup: 'infrastructure.cluster.x-k8s.io',
            kind: 'AWSCluster',
            name,
          },
          controlPlaneRef: {
            apiGroup: 'controlplane.cluster.x-k8s.io',
            kind: 'KubeadmControlPlane',
            name: `${name}-control-plane`,
          },
        },
      },
    },
  ];
}

describe('controller loop', () => {
  let sim: Simulator;
  let c: ReturnType<typeof clients>;

  const get = (
    plural: string,
    name: string,
    group = CAPI.group,
    version = 'v1beta2',
  ) =>
    c.custom.getNamespacedCustomObject({
      group,
      version,
      namespace: 'default',
      plural,
      name,
    });
  const machinesOf = async (cluster: string) =>
    (
      await c.custom.listNamespacedCustomObject({
        ...CAPI,
        namespace: 'default',
        plural: 'machines',
        labelSelector: `${CAPI_LABELS.clusterName}=${cluster}`,
      })
    ).items;
  const ticks = (n: number) => {
    for (let i = 0; i < n; i++) sim.tick();
  };

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'controller', autoTick: false });
    c = clients(sim.kubeconfig);
  });

  afterAll(() => sim.close());

  it('leaves the generated fleet unchanged (it is already converged)', () => {
    const rv = sim.store.resourceVersion;
    ticks(2);
    expect(sim.store.resourceVersion).toBe(rv);
  });

  it('converges MachineDeployment replicas one step per tick, with watch events', async () => {
    const md = 'trustram-aws-cluster-md-0';
    const events: string[] = [];
    const watch = await new Watch(c.kc).watch(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machines',
      { resourceVersion: String(sim.store.resourceVersion) },
      (type, obj) => events.push(`${type} ${obj.status?.phase ?? ''}`),
      () => {},
    );
    await c.custom.patchNamespacedCustomObject(
      {
        ...CAPI,
        namespace: 'default',
        plural: 'machinedeployments',
        name: md,
        body: { spec: { replicas: 5 } },
      },
      merge,
    );
    sim.tick();
    let machines = (await machinesOf('trustram-aws-cluster')).filter(
      (m: any) => m.metadata.labels[CAPI_LABELS.deploymentName] === md,
    );
    expect(machines.map((m: any) => m.status.phase).sort()).toEqual([
      'Provisioning',
      'Provisioning',
      'Running',
      'Running',
      'Running',
    ]);
    expect((await get('machinedeployments', md)).status).toMatchObject({
      replicas: 5,
      readyReplicas: 3,
      phase: 'Running',
    });
    sim.tick();
    machines = (await machinesOf('trustram-aws-cluster')).filter(
      (m: any) => m.metadata.labels[CAPI_LABELS.deploymentName] === md,
    );
    expect(machines.map((m: any) => m.status.phase)).toEqual(
      Array(5).fill('Running'),
    );
    expect(
      machines.every(
        (m: any) =>
          m.spec.providerID?.startsWith('aws:///eu-') ||
          m.spec.providerID?.startsWith('aws:///us-west-2'),
      ),
    ).toBe(true);
    expect((await get('machinedeployments', md)).status).toMatchObject({
      replicas: 5,
      readyReplicas: 5,
      availableReplicas: 5,
      upToDateReplicas: 5,
    });
    const cluster = await get('clusters', 'trustram-aws-cluster');
    expect(cluster.status.workers).toEqual({
      desiredReplicas: 5,
      replicas: 5,
      readyReplicas: 5,
      availableReplicas: 5,
      upToDateReplicas: 5,
    });
    expect(
      sim.store.list(
        'infrastructure.cluster.x-k8s.io/v1beta2',
        'AWSMachine',
        'default',
      ),
    ).toHaveLength(8);
    await eventually(
      () => events.filter(e => e.startsWith('ADDED')).length === 2,
    );
    expect(events).toEqual(
      expect.arrayContaining(['MODIFIED Provisioning', 'MODIFIED Running']),
    );

    await c.custom.patchNamespacedCustomObject(
      {
        ...CAPI,
        namespace: 'default',
        plural: 'machinedeployments',
        name: md,
        body: { spec: { replicas: 3 } },
      },
      merge,
    );
    sim.tick();
    machines = (await machinesOf('trustram-aws-cluster')).filter(
      (m: any) => m.metadata.labels[CAPI_LABELS.deploymentName] === md,
    );
    expect(
      machines
        .filter((m: any) => m.metadata.deletionTimestamp)
        .map((m: any) => m.status.phase),
    ).toEqual(['Deleting', 'Deleting']);
    sim.tick();
    expect(
      (await machinesOf('trustram-aws-cluster')).filter(
        (m: any) => m.metadata.labels[CAPI_LABELS.deploymentName] === md,
      ),
    ).toHaveLength(3);
    await eventually(
      () => events.filter(e => e.startsWith('DELETED')).length === 2,
    );
    watch.abort();
  });

  it('provisions a Cluster created through the API and tears it down on delete', async () => {
    for (const { group, plural, body } of newCluster('api-made')) {
      await c.custom.createNamespacedCustomObject({
        group,
        version: body.apiVersion.split('/')[1],
        namespace: 'default',
        plural,
        body,
      });
    }
    const phases: string[] = [];
    for (let i = 0; i < 6; i++) {
      sim.tick();
      phases.push((await get('clusters', 'api-made')).status?.phase);
    }
    expect(phases[0]).toBe('Provisioning');
    expect(phases[phases.length - 1]).toBe('Provisioned');
    const cluster = await get('clusters', 'api-made');
    expect(cluster.metadata.finalizers).toEqual(['cluster.cluster.x-k8s.io']);
    expect(cluster.spec.controlPlaneEndpoint.host).toBeTruthy();
    expect(cluster.status).toMatchObject({
      initialization: {
        infrastructureProvisioned: true,
        controlPlaneInitialized: true,
      },
      controlPlane: { desiredReplicas: 1, readyReplicas: 1 },
      workers: { desiredReplicas: 2, readyReplicas: 2 },
    });
    expect(
      cluster.status.conditions.find((x: any) => x.type === 'Available').status,
    ).toBe('True');
    const machines = await machinesOf('api-made');
    expect(machines.map((m: any) => m.status.phase)).toEqual([
      'Running',
      'Running',
      'Running',
    ]);

    // The controller wrote the kubeconfig secret; its workload cluster answers.
    const secret = await c.core.readNamespacedSecret({
      name: 'api-made-kubeconfig',
      namespace: 'default',
    });
    const workload = clients(
      Buffer.from(secret.data!.value, 'base64').toString('utf8'),
    );
    expect((await workload.core.listNamespace()).items.length).toBeGreaterThan(
      0,
    );

    await c.custom.deleteNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
      name: 'api-made',
    });
    sim.tick();
    const deleting = await get('clusters', 'api-made');
    expect(deleting.metadata.deletionTimestamp).toBeTruthy();
    expect(deleting.status.phase).toBe('Deleting');
    ticks(4);
    expect(await machinesOf('api-made')).toHaveLength(0);
    expect(
      sim.store.get(
        'cluster.x-k8s.io/v1beta2',
        'Cluster',
        'default',
        'api-made',
      ),
    ).toBeUndefined();
    expect(
      sim.store.get('v1', 'Secret', 'default', 'api-made-kubeconfig'),
    ).toBeUndefined();
    expect(
      sim.store.get(
        'infrastructure.cluster.x-k8s.io/v1beta2',
        'AWSCluster',
        'default',
        'api-made',
      ),
    ).toBeUndefined();
  });

  it('garbage-collects the MachineSets and Machines of a deleted MachineDeployment', async () => {
    const md = 'trustram-gcp-cluster-md-0';
    await c.custom.deleteNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'machinedeployments',
      name: md,
    });
    ticks(4);
    const left = (await machinesOf('trustram-gcp-cluster')).filter(
      (m: any) => m.metadata.labels[CAPI_LABELS.deploymentName] === md,
    );
    expect(left).toHaveLength(0);
    expect(
      sim.store
        .list('cluster.x-k8s.io/v1beta2', 'MachineSet', 'default')
        .filter(ms => ms.spec.clusterName === 'trustram-gcp-cluster'),
    ).toHaveLength(0);
    const cluster = await get('clusters', 'trustram-gcp-cluster');
    expect(cluster.status.workers.desiredReplicas).toBe(0);
  });

  it('fails and recovers a cluster', async () => {
    sim.scenarios.failCluster('default/trustram-azure-cluster');
    let cluster = await get('clusters', 'trustram-azure-cluster');
    expect(cluster.status.phase).toBe('Failed');
    const conditions = Object.fromEntries(
      cluster.status.conditions.map((x: any) => [x.type, x.status]),
    );
    expect(conditions).toMatchObject({
      Available: 'False',
      ControlPlaneAvailable: 'False',
      WorkersAvailable: 'False',
      RemoteConnectionProbe: 'False',
    });
    expect(
      (await machinesOf('trustram-azure-cluster')).every(
        (m: any) => m.status.phase === 'Failed',
      ),
    ).toBe(true);
    sim.scenarios.recoverCluster('default/trustram-azure-cluster');
    cluster = await get('clusters', 'trustram-azure-cluster');
    expect(cluster.status.phase).toBe('Provisioned');
    expect(
      cluster.status.conditions.find((x: any) => x.type === 'Available').status,
    ).toBe('True');
    expect(
      (await machinesOf('trustram-azure-cluster')).every(
        (m: any) => m.status.phase === 'Running',
      ),
    ).toBe(true);
  });

  it('takes a whole region down and back up', async () => {
    expect(sim.scenarios.regionOutage('gcp', 'us-west1')).toEqual([
      'default/trustram-gcp-cluster',
    ]);
    const cluster = await get('clusters', 'trustram-gcp-cluster');
    expect(cluster.status.phase).toBe('Failed');
    expect(cluster.status.deprecated.v1beta1.failureMessage).toContain(
      'us-west1',
    );
    expect(sim.scenarios.recoverRegion('gcp', 'us-west1')).toEqual([
      'default/trustram-gcp-cluster',
    ]);
    expect((await get('clusters', 'trustram-gcp-cluster')).status.phase).toBe(
      'Provisioned',
    );
  });
});
