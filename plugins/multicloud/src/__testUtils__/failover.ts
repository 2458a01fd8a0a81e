import type {
  FailoverBreakerView,
  FailoverPlan,
  FailoverPolicyReport,
  FailoverRunView,
  FailoverStepExecution,
} from '@internal/plugin-multicloud-common';

export const PRIMARY = 'default/trustram-aws-cluster';
export const STANDBY = 'default/trustram-azure-cluster';

export function makePolicy(
  overrides: Partial<FailoverPolicyReport> = {},
): FailoverPolicyReport {
  return {
    cluster: PRIMARY,
    mode: 'manual',
    modeSource: 'annotation',
    automatic: false,
    targets: [
      {
        ref: 'default/gone',
        valid: false,
        reasons: ['cluster default/gone does not exist'],
      },
      { ref: STANDBY, valid: true, reasons: [] },
    ],
    target: STANDBY,
    valid: true,
    problems: [],
    failedOver: false,
    ...overrides,
  };
}

export function makeBreaker(
  overrides: Partial<FailoverBreakerView> = {},
): FailoverBreakerView {
  return {
    cluster: PRIMARY,
    state: {
      position: 'open',
      consecutiveFailures: 4,
      consecutiveSuccesses: 0,
      openedAt: Date.parse('2026-01-01T00:00:00Z'),
    },
    lastVerdict: 'unhealthy',
    updatedAt: Date.parse('2026-01-01T00:05:00Z'),
    ...overrides,
  };
}

/** The seed's failover: scale the standby's pool, wait, shift traffic, mark the primary. */
export function makePlan(overrides: Partial<FailoverPlan> = {}): FailoverPlan {
  const md = {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'MachineDeployment',
    namespace: 'default',
    name: 'trustram-azure-cluster-md-0',
  };
  return {
    action: 'failover',
    primary: PRIMARY,
    standby: STANDBY,
    capacity: {
      unit: 'vcpu',
      basis: 'vCPU per node from the price book instance specs',
      needed: 12,
      added: 12,
      pools: [],
    },
    steps: [
      {
        id: 'scale-standby:MachineDeployment/default/trustram-azure-cluster-md-0',
        type: 'patch',
        action: 'scale-standby',
        title:
          'Scale default/trustram-azure-cluster trustram-azure-cluster-md-0 from 3 to 6 nodes',
        doneWhen: 'spec.replicas is 6',
        timeoutSeconds: 900,
        target: md,
        patchType: 'application/merge-patch+json',
        patch: { spec: { replicas: 6 } },
      },
      {
        id: 'wait-standby:default/trustram-azure-cluster',
        type: 'wait',
        action: 'wait-standby',
        title: 'Wait until trustram-azure-cluster-md-0 has 6 available nodes',
        doneWhen: 'status.availableReplicas reaches the target',
        timeoutSeconds: 900,
        targets: [{ target: md, availableReplicas: 6 }],
      },
      {
        id: 'mark-primary:Cluster/default/trustram-aws-cluster',
        type: 'patch',
        action: 'mark-primary',
        title: 'Mark default/trustram-aws-cluster as failed over',
        doneWhen: 'multicloud.io/failover-state is failed-over',
        timeoutSeconds: 900,
        target: {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          namespace: 'default',
          name: 'trustram-aws-cluster',
        },
        patchType: 'application/merge-patch+json',
        patch: {
          metadata: {
            annotations: { 'multicloud.io/failover-state': 'failed-over' },
          },
        },
      },
    ],
    warnings: [],
    ...overrides,
  };
}

/** A run of `makePlan()`; `executions` are the steps' states in order (pending when absent). */
export function makeRun(
  overrides: Partial<Omit<FailoverRunView, 'steps'>> = {},
  executions: Array<Partial<FailoverStepExecution>> = [],
): FailoverRunView {
  const { steps, ...plan } = makePlan();
  return {
    id: 'run-1',
    cluster: PRIMARY,
    target: STANDBY,
    action: 'failover',
    status: 'running',
    actor: 'user:default/guest',
    mode: 'manual',
    plan,
    cancelRequested: false,
    createdAt: Date.parse('2026-01-01T00:10:00Z'),
    startedAt: Date.parse('2026-01-01T00:10:01Z'),
    steps: steps.map((step, index) => ({
      ...step,
      execution: {
        index,
        stepId: step.id,
        status: 'pending',
        attempts: 0,
        ...executions[index],
      },
    })),
    ...overrides,
  };
}
