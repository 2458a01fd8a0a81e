import type { KubeObject } from '../model/kube';
import { projectForCache } from './projectForCache';

const machine: KubeObject = {
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Machine',
  metadata: {
    name: 'prod-md-0-abc',
    namespace: 'default',
    uid: 'u-1',
    resourceVersion: '7',
    labels: { 'cluster.x-k8s.io/cluster-name': 'prod' },
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}',
      keep: 'me',
    },
    ownerReferences: [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'MachineSet',
        name: 'prod-md-0-x',
      },
    ],
    ...({
      managedFields: [{ manager: 'capi' }],
      finalizers: ['machine.cluster.x-k8s.io'],
    } as object),
  },
  spec: {
    clusterName: 'prod',
    version: 'v1.33.1',
    providerID: 'aws:///us-east-1a/i-1',
    infrastructureRef: {
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: 'AWSMachine',
      name: 'm',
    },
    bootstrap: { dataSecretName: 'secret' },
    failureDomain: 'us-east-1a',
  },
  status: {
    phase: 'Running',
    nodeRef: { name: 'ip-10-0-0-1' },
    addresses: [{ type: 'InternalIP', address: '10.0.0.1' }],
    nodeInfo: { osImage: 'Ubuntu' },
    lastUpdated: '2026-01-01T00:00:00Z',
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'NodeNotReady',
        message: 'kubelet down',
        observedGeneration: 1,
      },
    ],
    deprecated: { v1beta1: { failureReason: 'CreateError' } },
  },
};

describe('projectForCache', () => {
  it('keeps what the fleet model reads of a Machine and drops node inventory and bootstrap wiring', () => {
    const kept = projectForCache(machine);
    expect(kept).toEqual({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Machine',
      metadata: {
        name: 'prod-md-0-abc',
        namespace: 'default',
        resourceVersion: '7',
        labels: { 'cluster.x-k8s.io/cluster-name': 'prod' },
        annotations: { keep: 'me' },
        ownerReferences: machine.metadata!.ownerReferences,
      },
      spec: {
        clusterName: 'prod',
        version: 'v1.33.1',
        providerID: 'aws:///us-east-1a/i-1',
        infrastructureRef: machine.spec.infrastructureRef,
      },
      status: {
        phase: 'Running',
        nodeRef: { name: 'ip-10-0-0-1' },
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'NodeNotReady',
            message: 'kubelet down',
          },
        ],
        deprecated: { v1beta1: { failureReason: 'CreateError' } },
      },
    });
  });

  it('keeps spec and status of other kinds whole, trimming only metadata', () => {
    const template: KubeObject = {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSMachineTemplate',
      metadata: {
        name: 't',
        namespace: 'default',
        uid: 'u',
        ...({ managedFields: [] } as object),
      },
      spec: {
        template: { spec: { instanceType: 'm5.large', failureDomain: 'x' } },
      },
      status: { addresses: ['kept: not a Machine'] },
    };
    expect(projectForCache(template)).toEqual({
      ...template,
      metadata: { name: 't', namespace: 'default' },
    });
  });

  it('never mutates the object it is given', () => {
    const before = JSON.stringify(machine);
    projectForCache(machine);
    expect(JSON.stringify(machine)).toBe(before);
  });

  it('passes malformed shapes through instead of throwing', () => {
    const odd = {
      kind: 'Machine',
      metadata: { name: 'x' },
      spec: 'text',
      status: [1],
    } as unknown as KubeObject;
    expect(projectForCache(odd)).toEqual(odd);
  });
});
