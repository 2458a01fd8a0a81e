import fc from 'fast-check';
import type { KubeObject } from '../model/kube';
import { makeCluster, makeFleet } from './__fixtures__';
import { buildFleet, FleetIndex, indexObjects } from './FleetIndex';

const byName = (objects: KubeObject[], kind: string, name?: string) =>
  objects.find(o => o.kind === kind && (!name || o.metadata?.name === name))!;

/** A fresh copy with a new resourceVersion, as the next watch event would bring. */
function bumped(obj: KubeObject, change: (o: KubeObject) => void): KubeObject {
  const copy = structuredClone(obj);
  copy.metadata!.resourceVersion = `${copy.metadata!.resourceVersion}-next`;
  change(copy);
  return copy;
}

describe('FleetIndex', () => {
  it('groups objects by cluster through names, labels, owner references and references', () => {
    const a = makeCluster({ name: 'a', infraMachines: true });
    const b = makeCluster({ name: 'b', cloud: 'gcp' });
    const index = indexObjects([...a, ...b]);
    expect(index.objectsOf('default/a')).toHaveLength(a.length);
    expect(index.objectsOf('default/b')).toHaveLength(b.length);
    // The AWSCluster and the machine templates name no cluster themselves.
    const kinds = index.objectsOf('default/a').map(o => o.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'AWSCluster',
        'AWSMachineTemplate',
        'AWSMachine',
      ]),
    );
  });

  it('stamps the management cluster on summaries and qualifies refs when asked', () => {
    const objects = makeCluster({ name: 'a' });
    const plain = new FleetIndex({ managementCluster: 'eu' });
    objects.forEach(o => plain.upsert(o));
    expect(plain.buildFleet().clusters[0]).toMatchObject({
      ref: 'default/a',
      managementCluster: 'eu',
    });

    const qualified = new FleetIndex({
      managementCluster: 'eu',
      qualifyRefs: true,
    });
    objects.forEach(o => qualified.upsert(o));
    expect(qualified.buildFleet().clusters[0]).toMatchObject({
      ref: 'eu/default/a',
      namespace: 'default',
      name: 'a',
      managementCluster: 'eu',
    });
    // Objects stay grouped by namespace/name inside one management cluster's index.
    expect(qualified.objectsOf('default/a')).toHaveLength(objects.length);
  });

  it('shares a ClusterClass and its templates with every cluster using it', () => {
    const a = makeCluster({
      name: 'a',
      topology: true,
      topologyGenerated: false,
    });
    const b = makeCluster({
      name: 'b',
      topology: true,
      topologyGenerated: false,
    });
    // Without variables the class templates decide the instance types.
    a[0].spec.topology.variables = [];
    b[0].spec.topology.variables = [];
    const index = indexObjects([...a, ...b]);
    const classKinds = (ref: string) =>
      index
        .objectsOf(ref)
        .filter(o => o.kind !== 'Cluster')
        .map(o => o.kind)
        .sort();
    expect(classKinds('default/a')).toEqual([
      'AWSClusterTemplate',
      'AWSMachineTemplate',
      'AWSMachineTemplate',
      'ClusterClass',
    ]);
    expect(classKinds('default/b')).toEqual(classKinds('default/a'));

    // A change to a shared template dirties every cluster of the class.
    index.buildFleet();
    const template = byName(b, 'AWSMachineTemplate', 'aws-quick-start-worker');
    index.upsert(
      bumped(template, t => (t.spec.template.spec.instanceType = 'c5.large')),
    );
    expect(index.dirtyClusters().sort()).toEqual(['default/a', 'default/b']);
    expect(
      index.buildFleet().clusters.map(c => c.machinesByInstanceType),
    ).toEqual([
      { 'm5.large': 3, 'c5.large': 3 },
      { 'm5.large': 3, 'c5.large': 3 },
    ]);
  });

  it('re-summarises only the clusters an event touches', () => {
    const objects = makeFleet(6);
    const index = indexObjects(objects);
    const first = index.buildFleet();
    expect(first.rebuilt).toHaveLength(6);
    expect(index.dirtyClusters()).toEqual([]);
    expect(index.buildFleet()).toBe(first);

    const md = objects.find(
      o =>
        o.kind === 'MachineDeployment' &&
        o.metadata?.namespace === 'team-search',
    )!;
    index.upsert(bumped(md, m => (m.status.availableReplicas = 0)));
    expect(index.dirtyClusters()).toEqual([
      `team-search/${md.spec.clusterName}`,
    ]);
    const second = index.buildFleet();
    expect(second.version).toBe(first.version + 1);
    expect(second.rebuilt).toEqual([`team-search/${md.spec.clusterName}`]);
    const untouched = second.clusters.filter(c => c.ref !== second.rebuilt[0]);
    untouched.forEach(c => expect(first.clusters).toContain(c));
  });

  it('ignores an event with a resourceVersion it already has', () => {
    const objects = makeCluster();
    const index = indexObjects(objects);
    index.buildFleet();
    expect(index.upsert(objects[0])).toBe(false);
    expect(index.dirtyClusters()).toEqual([]);
  });

  it('moves a template between clusters when a reference changes', () => {
    const a = makeCluster({ name: 'a' });
    const b = makeCluster({ name: 'b', instanceType: 'r5.large' });
    const index = indexObjects([...a, ...b]);
    index.buildFleet();
    // a's MachineDeployment now uses b's worker template.
    const md = byName(a, 'MachineDeployment');
    index.upsert(
      bumped(md, m => (m.spec.template.spec.infrastructureRef.name = 'b-md-0')),
    );
    // b's template gains a cluster; b itself does not change.
    expect(index.dirtyClusters()).toEqual(['default/a']);
    const fleet = index.buildFleet();
    expect(
      fleet.clusters.find(c => c.name === 'a')!.workerPools[0].instanceType,
    ).toBe('r5.large');
    expect(
      index.objectsOf('default/a').map(o => `${o.kind}/${o.metadata?.name}`),
    ).toContain('AWSMachineTemplate/b-md-0');
    expect(
      index.objectsOf('default/b').map(o => `${o.kind}/${o.metadata?.name}`),
    ).toContain('AWSMachineTemplate/b-md-0');
  });

  it('removes objects and clusters, and reports objects whose Cluster is gone as orphans', () => {
    const objects = makeCluster({ name: 'gone' });
    const index = indexObjects(objects);
    expect(index.buildFleet().clusters).toHaveLength(1);
    expect(index.remove(objects[0])).toBe(true);
    expect(index.remove(objects[0])).toBe(false);
    const fleet = index.buildFleet();
    expect(fleet.clusters).toEqual([]);
    // Objects that name the cluster stay until their own deletion events arrive.
    expect(fleet.orphans).toEqual([
      { ref: 'default/gone', objects: expect.any(Number) },
    ]);
    objects.slice(1).forEach(o => index.remove(o));
    expect(index.buildFleet().orphans).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('replaces one kind after a relist', () => {
    const objects = makeCluster({ name: 'c', workers: 3 });
    const index = indexObjects(objects);
    const machines = objects.filter(o => o.kind === 'Machine');
    index.replaceKind('Machine', machines.slice(0, 2));
    expect(
      index.objectsOf('default/c').filter(o => o.kind === 'Machine'),
    ).toHaveLength(2);
  });

  it('ignores objects it cannot address', () => {
    const index = new FleetIndex();
    expect(index.upsert({ kind: 'Machine', metadata: {} })).toBe(false);
    expect(index.upsert(null as unknown as KubeObject)).toBe(false);
    expect(index.size).toBe(0);
  });

  it('an incremental index agrees with a fresh build, whatever the event order', () => {
    const objects = makeFleet(4, i => ({
      topology: i % 2 === 0,
      infraMachines: true,
    }));
    const expected = buildFleet(objects);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(objects, { minLength: objects.length }),
        fc.integer({ min: 1, max: 30 }),
        (order, every) => {
          const index = new FleetIndex();
          // Build at irregular points, as debounced watch events would.
          order.forEach((o, i) => {
            index.upsert(o);
            if (i % every === 0) index.buildFleet();
          });
          const fleet = index.buildFleet();
          expect(fleet.clusters).toEqual(expected.clusters);
          expect(fleet.summary).toEqual(expected.summary);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('builds 1,000 clusters with 20,000 machines (sanity, not a timing assertion)', () => {
    const health = ['healthy', 'degraded', 'unhealthy'] as const;
    const objects = makeFleet(1000, i => ({
      cpReplicas: 3,
      workers: 17,
      controlPlane: 'kubeadm',
      health: health[i % 3],
    }));
    expect(objects.filter(o => o.kind === 'Machine')).toHaveLength(20000);
    const fleet = buildFleet(objects);
    expect(fleet.clusters).toHaveLength(1000);
    expect(fleet.summary.total.clusters).toBe(1000);
    expect(fleet.clusters.every(c => c.errors.length === 0)).toBe(true);
  });
});
