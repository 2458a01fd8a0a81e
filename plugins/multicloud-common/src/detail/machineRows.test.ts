import { machineRows } from './machineRows';

const machine = (
  name: string,
  labels: Record<string, string>,
  status: any,
  spec: any = {},
) => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Machine',
  metadata: { name, namespace: 'default', labels },
  spec,
  status,
});

describe('machineRows', () => {
  it('lists control-plane machines first, then workers by pool and name', () => {
    const rows = machineRows([
      machine(
        'w-b',
        { 'cluster.x-k8s.io/deployment-name': 'md-0' },
        { phase: 'Running' },
      ),
      machine(
        'cp-1',
        { 'cluster.x-k8s.io/control-plane': '' },
        { phase: 'Running', nodeRef: { name: 'node-cp-1' } },
        { version: 'v1.31.2' },
      ),
      machine(
        'w-a',
        { 'cluster.x-k8s.io/deployment-name': 'md-0' },
        { phase: 'Provisioning' },
      ),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } },
    ]);
    expect(rows.map(r => [r.name, r.role, r.pool, r.phase])).toEqual([
      ['cp-1', 'control-plane', undefined, 'Running'],
      ['w-a', 'worker', 'md-0', 'Provisioning'],
      ['w-b', 'worker', 'md-0', 'Running'],
    ]);
    expect(rows[0]).toMatchObject({
      version: 'v1.31.2',
      nodeName: 'node-cp-1',
    });
  });

  it('explains failed and not-ready machines, and survives malformed ones', () => {
    const rows = machineRows([
      machine(
        'failed',
        {},
        { phase: 'Failed', failureMessage: 'instance terminated' },
      ),
      machine(
        'slow',
        {},
        {
          phase: 'Running',
          conditions: [
            { type: 'Ready', status: 'False', reason: 'NodeNotReady' },
          ],
        },
      ),
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Machine',
        metadata: { name: 'odd' },
        status: 'broken',
      } as any,
    ]);
    expect(rows.map(r => [r.name, r.phase, r.problem])).toEqual([
      ['failed', 'Failed', 'instance terminated'],
      ['odd', 'Unknown', undefined],
      ['slow', 'Running', 'NodeNotReady'],
    ]);
  });
});
