import type { Cloud } from '../model/cloud';
import type { KubeObject } from '../model/kube';
import {
  condition,
  legacyCondition,
  makeCluster,
  type ClusterFixtureOptions,
  type FixtureHealth,
} from '../fleet/__fixtures__';
import { computeVerdict } from './computeVerdict';

const cluster = (objects: KubeObject[]) =>
  objects.find(o => o.kind === 'Cluster')!;
const setCondition = (obj: KubeObject, c: ReturnType<typeof condition>) => {
  obj.status.conditions = [
    ...obj.status.conditions.filter((x: any) => x.type !== c.type),
    c,
  ];
};

describe('computeVerdict: paired v1beta1 / v1beta2 fixtures give the same verdict', () => {
  const expected: Record<FixtureHealth, string> = {
    healthy: 'healthy',
    degraded: 'degraded',
    unhealthy: 'unhealthy',
    failed: 'unhealthy',
    provisioning: 'provisioning',
    deleting: 'deleting',
  };
  const shapes: ClusterFixtureOptions[] = [
    ...(['aws', 'azure', 'gcp'] as Cloud[]).flatMap(cloud => [
      { cloud, controlPlane: 'kubeadm' as const },
      { cloud, controlPlane: 'managed' as const },
      { cloud, topology: true },
    ]),
    { cloud: 'other' },
    { cpReplicas: 5, workers: 10 },
    { cpReplicas: 1, workers: 2 },
    { cpReplicas: 3, workers: 0 },
  ];
  const cases = shapes.flatMap(shape =>
    (Object.keys(expected) as FixtureHealth[]).map(health => ({
      ...shape,
      health,
    })),
  );

  it.each(cases)('%o', options => {
    const modern = computeVerdict(
      makeCluster({ ...options, version: 'v1beta2' }),
    );
    const legacy = computeVerdict(
      makeCluster({ ...options, version: 'v1beta1' }),
    );
    const transitional = computeVerdict(
      makeCluster({ ...options, version: 'v1beta1', v1beta2Status: true }),
    );
    expect(modern.verdict).toBe(expected[options.health!]);
    expect(legacy.verdict).toBe(modern.verdict);
    expect(transitional.verdict).toBe(modern.verdict);
    expect(legacy.reasons.map(r => r.source)).toEqual(
      modern.reasons.map(r => r.source),
    );
  });
});

describe('computeVerdict: decision table', () => {
  it('1: unknown without a Cluster object', () => {
    const v = computeVerdict(makeCluster().filter(o => o.kind !== 'Cluster'));
    expect(v).toEqual({
      verdict: 'unknown',
      reasons: [
        expect.objectContaining({ message: 'Cluster object not found' }),
      ],
    });
  });

  it('2: deleting wins over everything', () => {
    const v = computeVerdict(makeCluster({ health: 'deleting' }));
    expect(v.verdict).toBe('deleting');
    expect(v.reasons[0].message).toBe('cluster is being deleted');
  });

  it('3: failed is unhealthy with the failure message', () => {
    const v = computeVerdict(
      makeCluster({ health: 'failed', version: 'v1beta1' }),
    );
    expect(v.verdict).toBe('unhealthy');
    expect(v.reasons[0]).toMatchObject({
      source: 'status.phase',
      severity: 'error',
      message:
        'cluster failed: InvalidConfiguration: the control plane endpoint could not be created',
    });
  });

  it('4: unknown when the Cluster has no status yet', () => {
    const objects = makeCluster();
    delete cluster(objects).status;
    expect(computeVerdict(objects).verdict).toBe('unknown');
  });

  it('5: provisioning while the infrastructure is not ready', () => {
    const v = computeVerdict(makeCluster({ health: 'provisioning' }));
    expect(v.verdict).toBe('provisioning');
    expect(v.reasons.map(r => r.source)).toEqual([
      'InfrastructureReady',
      'ControlPlaneInitialized',
    ]);
    expect(v.reasons[0].message).toBe(
      'infrastructure is not provisioned yet: waiting for infrastructure',
    );
  });

  it('5: provisioning from the phase alone when nothing else is known', () => {
    const objects = makeCluster({ version: 'v1beta1' });
    cluster(objects).status = { phase: 'Pending' };
    expect(computeVerdict(objects)).toMatchObject({
      verdict: 'provisioning',
      reasons: [{ message: 'cluster phase is Pending' }],
    });
  });

  it('6: control plane below quorum is unhealthy', () => {
    const v = computeVerdict(makeCluster({ health: 'unhealthy' }));
    expect(v.verdict).toBe('unhealthy');
    expect(v.reasons[0].message).toMatch(
      /^control plane 1\/3 available \(below etcd quorum\)/,
    );
    expect(v.reasons[0].object).toBe(
      'KubeadmControlPlane default/aws-cluster-control-plane',
    );
  });

  it('7: a managed control plane that is not ready is unhealthy', () => {
    const v = computeVerdict(
      makeCluster({
        cloud: 'azure',
        controlPlane: 'managed',
        health: 'unhealthy',
      }),
    );
    expect(v.verdict).toBe('unhealthy');
    expect(v.reasons[0].object).toBe(
      'AzureManagedControlPlane default/azure-cluster-control-plane',
    );
  });

  it('8: no worker available is unhealthy', () => {
    const objects = makeCluster();
    cluster(objects).status.workers.availableReplicas = 0;
    const v = computeVerdict(objects);
    expect(v.verdict).toBe('unhealthy');
    expect(v.reasons.map(r => r.message)).toContain('workers 0/3 available');
  });

  it('9: an unreachable API server is unhealthy (v1beta2 only)', () => {
    const objects = makeCluster();
    setCondition(
      cluster(objects),
      condition(
        'RemoteConnectionProbe',
        'False',
        'ProbeFailed',
        'no response for 5m',
      ),
    );
    const v = computeVerdict(objects);
    expect(v.verdict).toBe('unhealthy');
    expect(v.reasons[0].message).toBe(
      'workload cluster API server is unreachable from the management cluster: no response for 5m',
    );
  });

  it('10: control plane 2/3 is degraded', () => {
    const objects = makeCluster();
    cluster(objects).status.controlPlane.availableReplicas = 2;
    const v = computeVerdict(objects);
    expect(v.verdict).toBe('degraded');
    expect(v.reasons[0].message).toBe('control plane 2/3 available');
  });

  it('11: partially available workers are degraded', () => {
    const v = computeVerdict(makeCluster({ health: 'degraded', workers: 5 }));
    expect(v).toMatchObject({
      verdict: 'degraded',
      reasons: [{ message: 'workers 4/5 available', severity: 'warning' }],
    });
  });

  it('12: a failed machine is degraded and named', () => {
    const objects = makeCluster({ version: 'v1beta1' });
    const machine = objects.find(o => o.kind === 'Machine')!;
    machine.status.phase = 'Failed';
    const v = computeVerdict(objects);
    expect(v.verdict).toBe('degraded');
    expect(v.reasons[0].message).toBe(
      `1 machine failed: ${machine.metadata!.name}`,
    );
  });

  it('12: many failed machines are summarised', () => {
    const objects = makeCluster({ workers: 6 });
    objects
      .filter(o => o.kind === 'Machine')
      .forEach(m => (m.status.phase = 'Failed'));
    expect(computeVerdict(objects).reasons[0].message).toMatch(
      /^9 machines failed: .+ and 6 more$/,
    );
  });

  it('13: an unknown remote connection is unknown', () => {
    const objects = makeCluster();
    setCondition(
      cluster(objects),
      condition('RemoteConnectionProbe', 'Unknown', 'ProbeUnknown'),
    );
    expect(computeVerdict(objects).verdict).toBe('unknown');
  });

  it('14: v1beta2 Available=False for another reason is degraded', () => {
    const objects = makeCluster({ topology: true });
    setCondition(
      cluster(objects),
      condition(
        'Available',
        'False',
        'NotAvailable',
        'TopologyReconciled: ClusterClass not reconciled',
      ),
    );
    const v = computeVerdict(objects);
    expect(v.verdict).toBe('degraded');
    expect(v.reasons[0].message).toBe(
      'Available is False: TopologyReconciled: ClusterClass not reconciled',
    );
  });

  it('14: v1beta1 Ready=False downgrades only with severity Error', () => {
    const errorCase = makeCluster({ version: 'v1beta1' });
    setCondition(
      cluster(errorCase),
      legacyCondition('Ready', 'False', 'Error', 'TopologyReconcileFailed'),
    );
    expect(computeVerdict(errorCase).verdict).toBe('degraded');

    const rollout = makeCluster({ version: 'v1beta1' });
    setCondition(
      cluster(rollout),
      legacyCondition('Ready', 'False', 'Warning', 'RollingUpdateInProgress'),
    );
    const v = computeVerdict(rollout);
    expect(v.verdict).toBe('healthy');
    expect(v.reasons.map(r => r.message)).toContain(
      'Ready is False: RollingUpdateInProgress',
    );
  });

  it('15: Available=Unknown is unknown', () => {
    const objects = makeCluster();
    setCondition(
      cluster(objects),
      condition('Available', 'Unknown', 'AvailableUnknown'),
    );
    expect(computeVerdict(objects).verdict).toBe('unknown');
  });

  it('16: healthy explains itself', () => {
    expect(computeVerdict(makeCluster())).toEqual({
      verdict: 'healthy',
      reasons: [
        {
          object: 'Cluster default/aws-cluster',
          source: 'Available',
          message: 'control plane 3/3 available, workers 3/3 available',
          severity: 'info',
        },
      ],
    });
    expect(
      computeVerdict(makeCluster({ controlPlane: 'managed', cloud: 'gcp' }))
        .reasons[0].message,
    ).toBe('managed control plane ready, workers 3/3 available');
  });

  it('collects every finding, worst first', () => {
    const objects = makeCluster();
    cluster(objects).status.controlPlane.availableReplicas = 2;
    cluster(objects).status.workers.availableReplicas = 0;
    const v = computeVerdict(objects);
    expect(v.verdict).toBe('unhealthy');
    expect(v.reasons.map(r => [r.severity, r.message])).toEqual([
      ['error', 'workers 0/3 available'],
      ['warning', expect.stringMatching(/^control plane 2\/3 available/)],
    ]);
  });
});
