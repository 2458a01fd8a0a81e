import type { KubeObject } from '../model/kube';
import { makeCluster } from '../fleet/__fixtures__';
import { buildConditionTree, type ConditionTreeNode } from './conditionTree';

/** `clusterctl describe`-like text of the tree, for readable expectations. */
function outline(node: ConditionTreeNode, depth = 0): string[] {
  const label = node.group
    ? `${node.kind} ${node.group.count} ${node.status}${
        node.reason ? ` ${node.reason}` : ''
      }`
    : `${node.role ? `${node.role}: ` : ''}${node.kind}/${node.name} ${
        node.status
      }`;
  return [
    `${'  '.repeat(depth)}${label}`,
    ...node.children.flatMap(c => outline(c, depth + 1)),
  ];
}

describe('buildConditionTree', () => {
  it('shapes the tree like clusterctl describe cluster, grouping equal machines', () => {
    const tree = buildConditionTree(makeCluster({ name: 'prod', workers: 4 }));
    expect(outline(tree)).toEqual([
      'Cluster/prod True',
      '  ClusterInfrastructure: AWSCluster/prod True',
      '  ControlPlane: KubeadmControlPlane/prod-control-plane True',
      '    MachineGroup 3 True Available',
      '  Workers: WorkerGroup/Workers True',
      '    MachineDeployment/prod-md-0 True',
      '      MachineGroup 4 True Available',
    ]);
    const cpGroup = tree.children[1].children[0];
    expect(cpGroup.group).toEqual({
      count: 3,
      members: expect.arrayContaining([
        expect.stringMatching(/^prod-control-plane-/),
      ]),
      ready: 3,
      available: 3,
      upToDate: 3,
    });
    expect(tree.children[2].children[0].replicas).toEqual({
      desired: 4,
      ready: 4,
      available: 4,
      upToDate: 4,
    });
  });

  it('keeps a machine in a different state apart and shows its infrastructure machine when that says more', () => {
    const objects = makeCluster({
      name: 'prod',
      health: 'degraded',
      workers: 3,
      infraMachines: true,
      version: 'v1beta1',
    });
    const broken = objects.filter(o => o.kind === 'Machine').pop()!;
    const infra = objects.find(
      o =>
        o.kind === 'AWSMachine' && o.metadata?.name === broken.metadata?.name,
    )!;
    infra.status = {
      ready: false,
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          severity: 'Error',
          reason: 'InstanceProvisionFailed',
          message: 'InsufficientInstanceCapacity',
        },
      ],
    };
    const workers = buildConditionTree(objects).children[2];
    const md = workers.children[0];
    expect(outline(md)).toEqual([
      'MachineDeployment/prod-md-0 False',
      `  Machine/${broken.metadata!.name} False`,
      `    MachineInfrastructure: AWSMachine/${broken.metadata!.name} False`,
      '  MachineGroup 2 True',
    ]);
    const single = md.children[0];
    expect(single).toMatchObject({
      severity: 'warning',
      reason: 'NodeNotReady',
      message: 'Node is not ready',
    });
    expect(single.children[0]).toMatchObject({
      severity: 'error',
      reason: 'InstanceProvisionFailed',
      message: 'InsufficientInstanceCapacity',
    });
    expect(workers).toMatchObject({ virtual: true, status: 'False' });
  });

  it('does not echo an infrastructure machine that says the same as its machine', () => {
    const objects = makeCluster({
      health: 'degraded',
      infraMachines: true,
      version: 'v1beta1',
    });
    const broken = objects.filter(o => o.kind === 'Machine').pop()!;
    const infra = objects.find(
      o =>
        o.kind === 'AWSMachine' && o.metadata?.name === broken.metadata?.name,
    )!;
    infra.status = {
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          severity: 'Warning',
          reason: 'NodeNotReady',
        },
      ],
    };
    const md = buildConditionTree(objects).children[2].children[0];
    expect(md.children[0].children).toEqual([]);
  });

  it('reads headline, severity and times from v1beta2 Available, and counts per group', () => {
    const tree = buildConditionTree(makeCluster({ health: 'unhealthy' }));
    const cp = tree.children[1];
    expect(cp).toMatchObject({
      status: 'False',
      severity: 'warning',
      reason: 'NotAvailable',
      available: { type: 'Available' },
    });
    const groups = cp.children.map(c => c.group);
    expect(groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ count: 2, available: 0, ready: 0 }),
      ]),
    );
    expect(cp.children.find(c => !c.group)).toMatchObject({
      kind: 'Machine',
      status: 'True',
    });
    expect(tree).toMatchObject({
      status: 'False',
      lastTransitionTime: '2026-01-01T00:00:00Z',
    });
  });

  it('shows managed node pools and provider objects that only report status.ready', () => {
    const tree = buildConditionTree(
      makeCluster({ cloud: 'gcp', controlPlane: 'managed', name: 'gke' }),
    );
    expect(outline(tree)).toEqual([
      'Cluster/gke True',
      '  ClusterInfrastructure: GCPManagedCluster/gke True',
      '  ControlPlane: GCPManagedControlPlane/gke-control-plane True',
      '  Workers: WorkerGroup/Workers True',
      '    MachinePool/gke-pool0 True',
    ]);
  });

  it('puts machines nobody claims under Workers → Other', () => {
    const objects = makeCluster({ name: 'c', workers: 0 });
    const stray: KubeObject = {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Machine',
      metadata: {
        name: 'stray',
        namespace: 'default',
        labels: { 'cluster.x-k8s.io/cluster-name': 'c' },
      },
      spec: { clusterName: 'c' },
      status: { phase: 'Running' },
    };
    const workers = buildConditionTree([...objects, stray]).children.find(
      c => c.role === 'Workers',
    )!;
    expect(outline(workers)).toEqual([
      'Workers: WorkerGroup/Workers True',
      '  MachineDeployment/c-md-0 True',
      '  Other: OtherGroup/Other Unknown',
      '    Machine/stray Unknown',
    ]);
  });

  it('is plain JSON', () => {
    const tree = buildConditionTree(
      makeCluster({
        health: 'degraded',
        version: 'v1beta1',
        v1beta2Status: true,
      }),
    );
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it('answers without a Cluster object', () => {
    expect(buildConditionTree([])).toMatchObject({
      kind: 'Cluster',
      status: 'Unknown',
      message: 'Cluster object not found',
    });
  });
});
