import { PriceBook } from '../cost/PriceBook';
import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../model/labels';
import { cluster, seedClusters } from './__fixtures__/clusters';
import { planFailover, type FailoverPlanOptions } from './planFailover';
import type { PatchStep, RecordedChange, WaitStep } from './types';

const options: FailoverPlanOptions = {
  specs: new PriceBook(),
  rules,
  actor: 'user:default/oncall',
  at: '2026-11-24T10:00:00Z',
  stepTimeoutSeconds: 600,
};

describe('planFailover', () => {
  it('plans the seed failover AWS → Azure: scale, wait, shift traffic, mark, each with its exact patch', () => {
    const { aws, azure } = seedClusters();
    const result = planFailover(aws, azure.ref, azure, options);
    if (!result.ok) throw new Error(JSON.stringify(result.refusals));
    const { plan } = result;
    expect(plan.capacity).toMatchObject({
      unit: 'vcpu',
      needed: 12,
      added: 12,
    });
    expect(plan.steps.map(s => s.id)).toEqual([
      'scale-standby:MachineDeployment/default/trustram-azure-cluster-md-0',
      'wait-standby:default/trustram-azure-cluster',
      'shift-traffic:Cluster/default/trustram-azure-cluster',
      'shift-traffic:Cluster/default/trustram-aws-cluster',
      'mark-primary:Cluster/default/trustram-aws-cluster',
    ]);
    const [scale, wait, standbyWeight, primaryWeight, mark] = plan.steps as [
      PatchStep,
      WaitStep,
      PatchStep,
      PatchStep,
      PatchStep,
    ];
    expect(scale).toMatchObject({
      type: 'patch',
      patchType: 'application/merge-patch+json',
      target: {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'MachineDeployment',
        namespace: 'default',
        name: 'trustram-azure-cluster-md-0',
      },
      patch: {
        metadata: {
          annotations: { [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: '6' },
        },
        spec: { replicas: 6 },
      },
      doneWhen: `spec.replicas is 6 and ${CAPI_AUTOSCALER_ANNOTATIONS.minSize} is 6`,
    });
    expect(wait.targets).toEqual([
      { target: scale.target, availableReplicas: 6 },
    ]);
    expect(standbyWeight.patch).toEqual({
      metadata: { annotations: { 'multicloud.io/traffic-weight': '100' } },
    });
    expect(primaryWeight.patch).toEqual({
      metadata: { annotations: { 'multicloud.io/traffic-weight': '0' } },
    });
    expect(mark.patch).toEqual({
      metadata: {
        annotations: {
          'multicloud.io/failover-state': 'failed-over',
          'multicloud.io/failed-over-by': 'user:default/oncall',
          'multicloud.io/failed-over-at': '2026-11-24T10:00:00Z',
          'multicloud.io/failed-over-to': 'default/trustram-azure-cluster',
        },
      },
    });
    expect(plan.warnings).toEqual([
      'default/trustram-aws-cluster is healthy: this is a planned failover',
    ]);
  });

  it('compares vCPU: two 8-vCPU primary nodes need four 4-vCPU standby nodes', () => {
    const { aws, azure } = seedClusters({
      aws: {
        pools: [
          { name: 'big', instanceType: 'm5.2xlarge', nodes: 2, min: 1, max: 4 },
        ],
      },
    });
    const result = planFailover(aws, azure.ref, azure, options);
    expect(result.ok && result.plan.capacity).toMatchObject({
      unit: 'vcpu',
      needed: 16,
      added: 16,
      pools: [{ replicasBefore: 3, replicasAfter: 7 }],
    });
  });

  it('falls back to node counts when an instance type is not in the price book, and says so', () => {
    const { aws, azure } = seedClusters({
      aws: {
        pools: [
          {
            name: 'odd',
            instanceType: 'mystery.large',
            nodes: 2,
            min: 1,
            max: 4,
          },
        ],
      },
    });
    const result = planFailover(aws, azure.ref, azure, options);
    if (!result.ok) throw new Error('refused');
    expect(result.plan.capacity).toMatchObject({
      unit: 'nodes',
      needed: 2,
      pools: [{ replicasAfter: 5 }],
    });
    expect(result.plan.warnings).toContain(
      'capacity compared by node count: no instance spec for default/trustram-aws-cluster pool odd',
    );
  });

  it('fills pools in order up to each maximum', () => {
    const { aws } = seedClusters({
      aws: {
        pools: [
          { name: 'p', instanceType: 'm5.xlarge', nodes: 6, min: 3, max: 10 },
        ],
      },
    });
    const standby = cluster({
      name: 'sb',
      cloud: 'azure',
      region: 'westus2',
      dataClass: 'ccpa',
      pools: [
        {
          name: 'a',
          instanceType: 'Standard_D4s_v3',
          nodes: 3,
          min: 3,
          max: 5,
        },
        {
          name: 'b',
          instanceType: 'Standard_D4s_v3',
          nodes: 2,
          min: 1,
          max: 10,
        },
      ],
    });
    const result = planFailover(aws, standby.ref, standby, options);
    expect(
      result.ok &&
        result.plan.capacity!.pools.map(p => [
          p.name,
          p.replicasAfter,
          p.minAfter,
        ]),
    ).toEqual([
      ['a', 5, 5],
      ['b', 6, 6],
    ]);
  });

  it('sizes a retried failover from the values an earlier run recorded, and never shrinks a pool', () => {
    const { aws, azure } = seedClusters();
    const grown = {
      ...azure,
      workerPools: azure.workerPools.map(p => ({
        ...p,
        replicas: { ...p.replicas, desired: 6 },
        autoscaler: { min: 6, max: 10 },
      })),
    };
    const recorded: RecordedChange[] = [
      {
        action: 'scale-standby',
        target: {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'MachineDeployment',
          namespace: 'default',
          name: 'trustram-azure-cluster-md-0',
        },
        revert: {
          metadata: {
            annotations: { [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: '3' },
          },
          spec: { replicas: 3 },
        },
      },
    ];
    const retry = planFailover(aws, azure.ref, grown, { ...options, recorded });
    expect(retry.ok && retry.plan.capacity!.pools).toEqual([
      expect.objectContaining({
        replicasBefore: 3,
        minBefore: 3,
        nodesAdded: 3,
        replicasAfter: 6,
        minAfter: 6,
      }),
    ]);
    const further = {
      ...grown,
      workerPools: grown.workerPools.map(p => ({
        ...p,
        replicas: { ...p.replicas, desired: 8 },
      })),
    };
    const kept = planFailover(aws, azure.ref, further, {
      ...options,
      recorded,
    });
    expect(kept.ok && kept.plan.capacity!.pools[0]).toMatchObject({
      replicasAfter: 8,
      minAfter: 6,
    });
  });

  it('refuses, with the numbers, when even the autoscaler maximum cannot cover the primary', () => {
    const { aws, azure } = seedClusters({
      aws: {
        pools: [
          { name: 'p', instanceType: 'm5.xlarge', nodes: 9, min: 3, max: 10 },
        ],
      },
    });
    const result = planFailover(aws, azure.ref, azure, options);
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          kind: 'capacity',
          reason:
            'default/trustram-azure-cluster cannot cover the primary: it needs 36 vCPU more but its autoscaler maximum allows only 28 ' +
            `(trustram-azure-cluster-md-0 3/10); raise ${CAPI_AUTOSCALER_ANNOTATIONS.maxSize} in GitOps or choose another target`,
        },
      ],
    });
  });

  it('refuses a GDPR primary a non-GDPR target, with the residency rule', () => {
    const primary = cluster({
      name: 'eu',
      cloud: 'aws',
      region: 'eu-west-1',
      dataClass: 'gdpr',
      pools: [{ nodes: 3, instanceType: 'm5.xlarge', min: 3, max: 10 }],
    });
    const { azure } = seedClusters();
    expect(planFailover(primary, azure.ref, azure, options)).toEqual({
      ok: false,
      refusals: [
        {
          kind: 'target',
          reason:
            'default/trustram-azure-cluster is in azure region westus2, not allowed for data class gdpr of default/eu ' +
            '(dataClasses.gdpr.allowedRegions = [eu-west-1, westeurope, europe-west1])',
        },
      ],
    });
  });

  it('refuses a missing target and an already failed-over primary', () => {
    const { aws } = seedClusters();
    expect(planFailover(aws, 'default/nope', undefined, options)).toEqual({
      ok: false,
      refusals: [
        { kind: 'target', reason: 'cluster default/nope does not exist' },
      ],
    });
    const { aws: failed, azure } = seedClusters({
      annotations: { 'multicloud.io/failover-state': 'failed-over' },
    });
    expect(planFailover(failed, azure.ref, azure, options)).toMatchObject({
      ok: false,
      refusals: [{ kind: 'state' }],
    });
  });

  it('adds the Istio locality failover as a described GitOps step when asked', () => {
    const { aws, azure } = seedClusters();
    const result = planFailover(aws, azure.ref, azure, {
      ...options,
      istioLocalityFailover: true,
    });
    const step = result.ok
      ? result.plan.steps.find(s => s.type === 'gitops')
      : undefined;
    expect(step).toMatchObject({
      action: 'istio-locality-failover',
      manifest: {
        spec: {
          trafficPolicy: {
            loadBalancer: {
              localityLbSetting: {
                enabled: true,
                failover: [{ from: 'us-west-2', to: 'westus2' }],
              },
            },
          },
        },
      },
    });
  });
});
