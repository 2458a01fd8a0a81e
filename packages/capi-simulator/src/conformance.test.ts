import {
  ApisApi,
  KubernetesObjectApi,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  VersionApi,
  Watch,
} from '@kubernetes/client-node';
import {
  BACKSTAGE_KUBERNETES_ID_LABEL,
  CAPI_LABELS,
} from '@internal/plugin-multicloud-common';
import {
  CAPI,
  clients,
  eventually,
  failure,
  rawRequest,
} from './__testUtils__/clients';
import { startSimulator, type Simulator } from './startSimulator';

const clustersPath = '/apis/cluster.x-k8s.io/v1beta2/clusters';

describe('Kubernetes API conformance (driven by @kubernetes/client-node)', () => {
  let sim: Simulator;
  let c: ReturnType<typeof clients>;

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 'conformance',
      autoTick: false,
      bookmarkIntervalMs: 100,
    });
    c = clients(sim.kubeconfig);
  });

  afterAll(() => sim.close());

  it('serves discovery documents derived from the CRDs', async () => {
    const version = await c.kc.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    const groups = await c.kc.makeApiClient(ApisApi).getAPIVersions();
    const capi = groups.groups.find(g => g.name === 'cluster.x-k8s.io');
    expect(capi?.preferredVersion?.version).toBe('v1beta2');
    expect(capi?.versions.map(v => v.version)).toEqual(['v1beta2', 'v1beta1']);
    expect(groups.groups.map(g => g.name)).toEqual(
      expect.arrayContaining([
        'controlplane.cluster.x-k8s.io',
        'infrastructure.cluster.x-k8s.io',
        'bootstrap.cluster.x-k8s.io',
        'addons.cluster.x-k8s.io',
      ]),
    );
    // KubernetesObjectApi resolves plurals through /apis/{group}/{version}.
    const objects = KubernetesObjectApi.makeApiClient(c.kc);
    const awsCluster = await objects.read({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSCluster',
      metadata: { name: 'trustram-aws-cluster', namespace: 'default' },
    });
    expect((awsCluster as any).spec.region).toBe('us-west-2');
    const core = await c.core.getAPIResources();
    expect(core.resources.map(r => r.name)).toEqual(
      expect.arrayContaining(['secrets', 'namespaces', 'configmaps']),
    );
  });

  it('refuses requests without the bearer token', async () => {
    const wrong = clients(sim.kubeconfig.replace(sim.token, 'wrong-token'));
    expect((await failure(wrong.core.listNamespace())).code).toBe(401);
    const raw = await rawRequest(sim, '/api/v1/namespaces');
    expect(raw.status).toBe(401);
    expect(JSON.parse(raw.body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('lists with label and field selectors, limit and continue', async () => {
    const list = (params: Record<string, unknown>) =>
      c.custom.listClusterCustomObject({
        ...CAPI,
        plural: 'machines',
        ...params,
      });
    const all = await list({});
    expect(all.items).toHaveLength(18);
    const controlPlane = await list({
      labelSelector: CAPI_LABELS.controlPlane,
    });
    expect(controlPlane.items).toHaveLength(9);
    expect(
      (await list({ labelSelector: `!${CAPI_LABELS.controlPlane}` })).items,
    ).toHaveLength(9);
    expect(
      (
        await list({
          labelSelector: `${CAPI_LABELS.clusterName} in (trustram-aws-cluster,trustram-gcp-cluster),${CAPI_LABELS.controlPlane}`,
        })
      ).items,
    ).toHaveLength(6);
    expect(
      (
        await list({
          labelSelector: `${CAPI_LABELS.clusterName} notin (trustram-aws-cluster)`,
        })
      ).items,
    ).toHaveLength(12);
    expect(
      (
        await list({
          labelSelector: `${CAPI_LABELS.clusterName}!=trustram-aws-cluster`,
        })
      ).items,
    ).toHaveLength(12);
    expect(
      (
        await list({
          labelSelector: `${CAPI_LABELS.clusterName}==trustram-aws-cluster`,
        })
      ).items,
    ).toHaveLength(6);

    const names: string[] = [];
    const remaining: number[] = [];
    let token: string | undefined;
    do {
      const page = await list({ limit: 5, _continue: token });
      names.push(...page.items.map((m: any) => m.metadata.name));
      remaining.push(page.metadata.remainingItemCount);
      token = page.metadata.continue;
    } while (token);
    expect(names).toEqual(all.items.map((m: any) => m.metadata.name));
    expect(remaining).toEqual([13, 8, 3, undefined]);

    const byName = await c.custom.listNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
      fieldSelector: 'metadata.name=trustram-gcp-cluster',
    });
    expect(byName.items.map((o: any) => o.metadata.name)).toEqual([
      'trustram-gcp-cluster',
    ]);
    const { code } = await failure(
      list({ fieldSelector: 'spec.clusterName=x' }),
    );
    expect(code).toBe(400);
  });

  it('gets objects and answers 404 with a NotFound Status', async () => {
    const cluster = await c.custom.getNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
      name: 'trustram-aws-cluster',
    });
    expect(cluster.status.phase).toBe('Provisioned');
    const { code, status } = await failure(
      c.custom.getNamespacedCustomObject({
        ...CAPI,
        namespace: 'default',
        plural: 'clusters',
        name: 'nope',
      }),
    );
    expect(code).toBe(404);
    expect(status).toMatchObject({
      reason: 'NotFound',
      message: 'clusters.cluster.x-k8s.io "nope" not found',
      details: { name: 'nope', group: 'cluster.x-k8s.io', kind: 'clusters' },
    });
  });

  it('creates with generateName and server-set metadata; 409 AlreadyExists', async () => {
    const body = {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineHealthCheck',
      metadata: { generateName: 'extra-mhc-' },
      spec: {
        clusterName: 'trustram-aws-cluster',
        selector: { matchLabels: { a: 'b' } },
      },
    };
    const created = await c.custom.createNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'machinehealthchecks',
      body,
    });
    expect(created.metadata).toMatchObject({
      name: expect.stringMatching(/^extra-mhc-[a-z0-9]{5}$/),
      namespace: 'default',
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      generation: 1,
      resourceVersion: expect.stringMatching(/^\d+$/),
      creationTimestamp: expect.stringMatching(/Z$/),
    });
    // The defaulting webhook labels it with its cluster.
    expect(created.metadata.labels[CAPI_LABELS.clusterName]).toBe(
      'trustram-aws-cluster',
    );
    const { code, status } = await failure(
      c.custom.createNamespacedCustomObject({
        ...CAPI,
        namespace: 'default',
        plural: 'machinehealthchecks',
        body: { ...body, metadata: { name: created.metadata.name } },
      }),
    );
    expect(code).toBe(409);
    expect(status.reason).toBe('AlreadyExists');
  });

  it('rejects schema-invalid objects with 422 and field causes', async () => {
    const { code, status } = await failure(
      c.custom.createNamespacedCustomObject({
        ...CAPI,
        namespace: 'default',
        plural: 'machinedeployments',
        body: {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'MachineDeployment',
          metadata: { name: 'broken-md' },
          spec: {
            clusterName: 'trustram-aws-cluster',
            replicas: 'three',
            template: {
              spec: {
                clusterName: 'trustram-aws-cluster',
                bootstrap: { dataSecretName: 'x' },
              },
            },
          },
        },
      }),
    );
    expect(code).toBe(422);
    expect(status.reason).toBe('Invalid');
    expect(status.message).toMatch(
      /^MachineDeployment\.cluster\.x-k8s\.io "broken-md" is invalid: \[spec\.replicas: Invalid value/,
    );
    expect(status.details.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'FieldValueTypeInvalid',
          field: 'spec.replicas',
        }),
        expect.objectContaining({
          reason: 'FieldValueRequired',
          field: 'spec.template.spec.infrastructureRef',
        }),
      ]),
    );
  });

  it('enforces optimistic concurrency on update (409 Conflict)', async () => {
    const params = {
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
      name: 'trustram-gcp-cluster',
    };
    const cluster = await c.custom.getNamespacedCustomObject(params);
    cluster.metadata.labels.tier = 'gold';
    const updated = await c.custom.replaceNamespacedCustomObject({
      ...params,
      body: cluster,
    });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(
      Number(cluster.metadata.resourceVersion),
    );
    expect(updated.metadata.generation).toBe(cluster.metadata.generation);
    sim.resetCounters();
    const { code, status } = await failure(
      c.custom.replaceNamespacedCustomObject({ ...params, body: cluster }),
    );
    expect(code).toBe(409);
    expect(status.reason).toBe('Conflict');
    expect(status.message).toContain('the object has been modified');
    expect(sim.counters.snapshot()).toMatchObject({
      conflicts: 1,
      byVerb: { update: 1 },
    });
  });

  it('patches with merge and JSON patch, refuses strategic merge (415)', async () => {
    const params = {
      ...CAPI,
      namespace: 'default',
      plural: 'machinedeployments',
      name: 'trustram-azure-cluster-md-0',
    };
    const merged = await c.custom.patchNamespacedCustomObject(
      { ...params, body: { metadata: { annotations: { note: 'merge' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merged.metadata.annotations.note).toBe('merge');
    const patched = await c.custom.patchNamespacedCustomObject({
      ...params,
      body: [
        { op: 'replace', path: '/metadata/annotations/note', value: 'json' },
      ],
    });
    expect(patched.metadata.annotations.note).toBe('json');
    const { code, status } = await failure(
      c.custom.patchNamespacedCustomObject(
        { ...params, body: { metadata: {} } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      ),
    );
    expect(code).toBe(415);
    expect(status.reason).toBe('UnsupportedMediaType');
  });

  it('separates the status subresource from the main resource', async () => {
    const params = {
      ...CAPI,
      namespace: 'default',
      plural: 'machinedeployments',
      name: 'trustram-gcp-cluster-md-0',
    };
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const before = await c.custom.getNamespacedCustomObject(params);
    const minReady = (seconds: number) => ({
      template: { spec: { minReadySeconds: seconds } },
    });
    const main = await c.custom.patchNamespacedCustomObject(
      { ...params, body: { status: { phase: 'Failed' }, spec: minReady(5) } },
      merge,
    );
    expect(main.status.phase).toBe(before.status.phase);
    expect(main.spec.template.spec.minReadySeconds).toBe(5);
    expect(main.metadata.generation).toBe(before.metadata.generation + 1);
    const status = await c.custom.patchNamespacedCustomObjectStatus(
      {
        ...params,
        body: { status: { phase: 'ScalingUp' }, spec: minReady(9) },
      },
      merge,
    );
    expect(status.status.phase).toBe('ScalingUp');
    expect(status.spec.template.spec.minReadySeconds).toBe(5);
    expect(status.metadata.generation).toBe(main.metadata.generation);
  });

  it('streams watch events from a resourceVersion', async () => {
    const list = await c.custom.listNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
    });
    const events: Array<{ type: string; name: string }> = [];
    const req = await new Watch(c.kc).watch(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters',
      { resourceVersion: list.metadata.resourceVersion },
      (type, obj) => events.push({ type, name: obj.metadata?.name }),
      () => {},
    );
    await c.custom.patchNamespacedCustomObject(
      {
        ...CAPI,
        namespace: 'default',
        plural: 'clusters',
        name: 'trustram-aws-cluster',
        body: { metadata: { labels: { watched: 'yes' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await eventually(() => events.length > 0);
    req.abort();
    expect(events).toEqual([
      { type: 'MODIFIED', name: 'trustram-aws-cluster' },
    ]);
  });

  it('feeds an informer: initial list, then update events', async () => {
    const informer = makeInformer(c.kc, clustersPath, () =>
      c.custom.listClusterCustomObject({ ...CAPI, plural: 'clusters' }),
    );
    const added: string[] = [];
    const updated: string[] = [];
    informer.on('add', obj => added.push(obj.metadata!.name!));
    informer.on('update', obj => updated.push(obj.metadata!.name!));
    await informer.start();
    await eventually(() => added.length === 3);
    await c.custom.patchNamespacedCustomObject(
      {
        ...CAPI,
        namespace: 'default',
        plural: 'clusters',
        name: 'trustram-azure-cluster',
        body: { metadata: { labels: { informed: 'yes' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await eventually(() => updated.includes('trustram-azure-cluster'));
    await informer.stop();
    expect(added.sort()).toEqual([
      'trustram-aws-cluster',
      'trustram-azure-cluster',
      'trustram-gcp-cluster',
    ]);
  });

  it('ends watches after timeoutSeconds and refuses malformed resourceVersions', async () => {
    const ended: unknown[] = [];
    const start = Date.now();
    await new Watch(c.kc).watch(
      clustersPath,
      { timeoutSeconds: 1 },
      () => {},
      err => ended.push(err),
    );
    await eventually(() => ended.length === 1, 3000);
    expect(ended[0]).toBeNull();
    expect(Date.now() - start).toBeGreaterThanOrEqual(900);
    await new Watch(c.kc).watch(
      clustersPath,
      { resourceVersion: 'yesterday' },
      () => {},
      err => ended.push(err),
    );
    await eventually(() => ended.length === 2);
    expect(ended[1]).toMatchObject({ statusCode: 400 });
  });

  it('sends BOOKMARK events when allowed', async () => {
    const types: string[] = [];
    const req = await new Watch(c.kc).watch(
      clustersPath,
      {
        allowWatchBookmarks: true,
        resourceVersion: String(sim.store.resourceVersion),
      },
      type => types.push(type),
      () => {},
    );
    await eventually(() => types.includes('BOOKMARK'));
    req.abort();
    expect(types.filter(t => t !== 'BOOKMARK')).toEqual([]);
  });

  it('answers watches and continue tokens older than the event window with 410 Expired', async () => {
    const list = await c.custom.listClusterCustomObject({
      ...CAPI,
      plural: 'clusters',
    });
    const firstPage = await c.custom.listClusterCustomObject({
      ...CAPI,
      plural: 'clusters',
      limit: 1,
    });
    await c.custom.patchNamespacedCustomObject(
      {
        ...CAPI,
        namespace: 'default',
        plural: 'clusters',
        name: 'trustram-gcp-cluster',
        body: { metadata: { labels: { compacted: 'yes' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    sim.scenarios.forceExpired();
    const expired = await failure(
      c.custom.listClusterCustomObject({
        ...CAPI,
        plural: 'clusters',
        limit: 1,
        _continue: firstPage.metadata.continue,
      }),
    );
    expect([expired.code, expired.status.reason]).toEqual([410, 'Expired']);
    const events: any[] = [];
    let done = false;
    await new Watch(c.kc).watch(
      clustersPath,
      { resourceVersion: list.metadata.resourceVersion },
      (type, obj) => events.push({ type, obj }),
      () => {
        done = true;
      },
    );
    await eventually(() => done);
    expect(events).toEqual([
      {
        type: 'ERROR',
        obj: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
  });

  it('serves Secrets, including the CAPI kubeconfig secrets', async () => {
    const secret = await c.core.readNamespacedSecret({
      name: 'trustram-aws-cluster-kubeconfig',
      namespace: 'default',
    });
    expect(secret.type).toBe('cluster.x-k8s.io/secret');
    expect(secret.metadata?.labels?.[CAPI_LABELS.clusterName]).toBe(
      'trustram-aws-cluster',
    );
    const kubeconfig = Buffer.from(secret.data!.value, 'base64').toString(
      'utf8',
    );
    expect(kubeconfig).toContain(
      `${sim.url}/workload/default/trustram-aws-cluster`,
    );
    const namespaces = await c.core.listNamespace();
    expect(namespaces.items.map(n => n.metadata!.name)).toEqual(
      expect.arrayContaining(['default', 'team-payments', 'team-search']),
    );
  });

  it('serves each workload cluster with the credentials of its kubeconfig secret', async () => {
    const read = async (cluster: string) => {
      const secret = await c.core.readNamespacedSecret({
        name: `${cluster}-kubeconfig`,
        namespace: 'default',
      });
      return clients(
        Buffer.from(secret.data!.value, 'base64').toString('utf8'),
      );
    };
    const aws = await read('trustram-aws-cluster');
    const pods = await aws.core.listPodForAllNamespaces({
      labelSelector: `${BACKSTAGE_KUBERNETES_ID_LABEL}=payments-api`,
    });
    expect(pods.items).toHaveLength(3);
    expect(pods.items.every(p => p.status?.phase === 'Running')).toBe(true);
    const deployments = await aws.apps.listDeploymentForAllNamespaces({
      labelSelector: BACKSTAGE_KUBERNETES_ID_LABEL,
    });
    expect(deployments.items.map(d => d.metadata!.name).sort()).toEqual([
      'checkout-web',
      'payments-api',
    ]);
    expect(
      (
        await aws.core.listNamespacedService({ namespace: 'payments' })
      ).items.map(s => s.metadata!.name),
    ).toEqual(['payments-api']);
    expect(
      (await aws.apps.listNamespacedReplicaSet({ namespace: 'kube-system' }))
        .items,
    ).toHaveLength(1);

    const gcp = await read('trustram-gcp-cluster');
    const gcpDeployments = await gcp.apps.listDeploymentForAllNamespaces({
      labelSelector: BACKSTAGE_KUBERNETES_ID_LABEL,
    });
    expect(gcpDeployments.items.map(d => d.metadata!.name)).toEqual([
      'search-indexer',
    ]);

    // A cluster's token opens only its own workload path.
    const awsToken = aws.kc.getCurrentUser()!.token!;
    const crossed = clients(
      sim.kubeconfig
        .replace(sim.token, awsToken)
        .replace(sim.url, `${sim.url}/workload/default/trustram-gcp-cluster`),
    );
    expect((await failure(crossed.core.listPodForAllNamespaces())).code).toBe(
      401,
    );
    expect(
      (
        await failure(
          clients(
            sim.kubeconfig.replace(sim.token, awsToken),
          ).core.listNamespace(),
        )
      ).code,
    ).toBe(401);
  });

  it('counts requests by verb and resource', async () => {
    sim.resetCounters();
    await c.custom.listClusterCustomObject({ ...CAPI, plural: 'clusters' });
    await c.custom.getNamespacedCustomObject({
      ...CAPI,
      namespace: 'default',
      plural: 'clusters',
      name: 'trustram-aws-cluster',
    });
    const counters = sim.counters.snapshot();
    expect(counters.byVerb).toMatchObject({ list: 1, get: 1, create: 0 });
    expect(counters.byResource['clusters.cluster.x-k8s.io']).toEqual({
      list: 1,
      get: 1,
    });
    expect(counters.writes).toBe(0);
  });
});
