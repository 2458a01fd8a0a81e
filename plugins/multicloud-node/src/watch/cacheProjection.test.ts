import { generateFleet } from '@internal/capi-simulator';
import {
  buildConditionTree,
  evaluateCompliance,
  indexObjects,
  machineRows,
  projectForCache,
  type KubeObject,
} from '@internal/plugin-multicloud-common';

/**
 * The watch cache keeps projected objects (`projectForCache`): every reader of the fleet
 * model must give the same answers from them as from the objects the server sent.
 */
describe('what the watch cache keeps of each object', () => {
  const fleet = generateFleet({
    seed: 'projection',
    clusters: 120,
    now: new Date('2026-06-01T00:00:00Z'),
    serverUrl: 'https://127.0.0.1:6443',
    caCert: 'unused',
  });
  const served: KubeObject[] = [...fleet.objects()].filter(
    o => o.kind !== 'Secret' && o.kind !== 'Namespace',
  );
  const full = indexObjects(served);
  const projected = indexObjects(served.map(projectForCache));
  const fullFleet = full.buildFleet();
  const projectedFleet = projected.buildFleet();

  it('covers a fleet with failing machines and both API versions', () => {
    expect(fullFleet.clusters).toHaveLength(120);
    expect(fullFleet.clusters.some(c => c.health.verdict !== 'healthy')).toBe(
      true,
    );
    expect(new Set(fullFleet.clusters.map(c => c.apiVersion)).size).toBe(2);
    expect(served.filter(o => o.kind === 'Machine').length).toBeGreaterThan(
      1000,
    );
  });

  it('gives the same summaries, verdicts and fleet totals', () => {
    expect(projectedFleet.clusters).toEqual(fullFleet.clusters);
    expect(projectedFleet.summary).toEqual(fullFleet.summary);
  });

  it('gives the same condition trees, machine rows and compliance reports', () => {
    for (const cluster of fullFleet.clusters) {
      const before = full.objectsOf(cluster.ref);
      const after = projected.objectsOf(cluster.ref);
      expect(buildConditionTree(after)).toEqual(buildConditionTree(before));
      expect(machineRows(after)).toEqual(machineRows(before));
      expect(evaluateCompliance(cluster, after)).toEqual(
        evaluateCompliance(cluster, before),
      );
    }
  });

  it('keeps at most three quarters of what Machines weigh on the wire', () => {
    const machines = served.filter(o => o.kind === 'Machine');
    const size = (objects: KubeObject[]) => JSON.stringify(objects).length;
    expect(size(machines.map(projectForCache))).toBeLessThan(
      size(machines) * 0.75,
    );
  });
});
