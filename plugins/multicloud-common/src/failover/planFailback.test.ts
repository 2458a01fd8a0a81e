import { PriceBook } from '../cost/PriceBook';
import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import { seedClusters } from './__fixtures__/clusters';
import { applyMergePatch, revertPatch } from './mergePatch';
import { planFailback } from './planFailback';
import { planFailover } from './planFailover';
import type { PatchStep, RecordedChange } from './types';

describe('planFailback', () => {
  /** What a failover run records: each patch step's revert, from the objects before it wrote. */
  function recordedFailover() {
    const { aws, azure } = seedClusters();
    const result = planFailover(aws, azure.ref, azure, {
      specs: new PriceBook(),
      rules,
      actor: 'a',
      at: '2026-01-01T00:00:00Z',
      stepTimeoutSeconds: 60,
    });
    if (!result.ok) throw new Error('refused');
    const objects: Record<string, object> = {
      MachineDeployment: {
        metadata: {
          annotations: {
            'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '3',
          },
        },
        spec: { replicas: 3 },
      },
      Cluster: {
        metadata: {
          annotations: {
            'multicloud.io/failover-target': 'default/trustram-azure-cluster',
          },
        },
      },
    };
    const recorded: RecordedChange[] = result.plan.steps
      .filter((s): s is PatchStep => s.type === 'patch')
      .map(s => ({
        action: s.action,
        target: s.target,
        revert: revertPatch(objects[s.target.kind], s.patch),
      }));
    return { aws, azure, recorded, objects, plan: result.plan };
  }

  it('reverses the recorded changes: traffic first, then the standby size, then the mark', () => {
    const { aws, azure, recorded } = recordedFailover();
    const result = planFailback(aws, azure.ref, azure, {
      recorded,
      stepTimeoutSeconds: 60,
    });
    if (!result.ok) throw new Error('refused');
    const steps = result.plan.steps as PatchStep[];
    expect(steps.map(s => s.id)).toEqual([
      'restore-traffic:Cluster/default/trustram-aws-cluster',
      'restore-traffic:Cluster/default/trustram-azure-cluster',
      'restore-standby:MachineDeployment/default/trustram-azure-cluster-md-0',
      'unmark-primary:Cluster/default/trustram-aws-cluster',
    ]);
    expect(steps[0].patch).toEqual({
      metadata: { annotations: { 'multicloud.io/traffic-weight': null } },
    });
    expect(steps[2].patch).toEqual({
      metadata: {
        annotations: {
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '3',
        },
      },
      spec: { replicas: 3 },
    });
    expect(steps[3].patch).toEqual({
      metadata: {
        annotations: {
          'multicloud.io/failover-state': null,
          'multicloud.io/failed-over-by': null,
          'multicloud.io/failed-over-at': null,
          'multicloud.io/failed-over-to': null,
        },
      },
    });
  });

  it('failover then failback leaves every object as it was', () => {
    const { aws, azure, recorded, objects, plan } = recordedFailover();
    const state = new Map<string, object>();
    const key = (s: PatchStep) => `${s.target.kind}/${s.target.name}`;
    const apply = (s: PatchStep) =>
      state.set(
        key(s),
        applyMergePatch(state.get(key(s)) ?? objects[s.target.kind], s.patch),
      );
    (plan.steps.filter(s => s.type === 'patch') as PatchStep[]).forEach(apply);
    const failback = planFailback(aws, azure.ref, azure, {
      recorded,
      stepTimeoutSeconds: 60,
    });
    if (!failback.ok) throw new Error('refused');
    (failback.plan.steps as PatchStep[]).forEach(apply);
    for (const [k, value] of state)
      expect(value).toEqual(objects[k.split('/')[0]]);
  });

  it('refuses while the primary is not healthy, or when nothing was recorded', () => {
    const { aws, azure, recorded } = recordedFailover();
    const sick = {
      ...aws,
      health: { verdict: 'unhealthy' as const, reasons: [] },
    };
    expect(
      planFailback(sick, azure.ref, azure, {
        recorded,
        stepTimeoutSeconds: 60,
      }),
    ).toEqual({
      ok: false,
      refusals: [
        {
          kind: 'state',
          reason:
            'default/trustram-aws-cluster is unhealthy; failback needs a healthy primary',
        },
      ],
    });
    expect(
      planFailback(aws, azure.ref, azure, {
        recorded: [],
        stepTimeoutSeconds: 60,
      }),
    ).toMatchObject({
      ok: false,
      refusals: [{ kind: 'state' }],
    });
  });
});
