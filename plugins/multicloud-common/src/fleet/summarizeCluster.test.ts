import type { KubeObject } from '../model/kube';
import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  MULTICLOUD_LABELS,
} from '../model/labels';
import { makeCluster } from './__fixtures__';
import { summarizeCluster } from './summarizeCluster';

function find(objects: KubeObject[], kind: string): KubeObject {
  const found = objects.find(o => o.kind === kind);
  if (!found) throw new Error(`no ${kind} in fixture`);
  return found;
}

describe('summarizeCluster', () => {
  it('summarises a v1beta2 AWS kubeadm cluster', () => {
    const s = summarizeCluster(
      makeCluster({
        name: 'prod-use1',
        namespace: 'payments',
        owner: 'team-payments',
        environment: 'prod',
        system: 'checkout',
        dataClass: 'pii',
        min: 3,
        max: 10,
        infraMachines: true,
      }),
    );
    expect(s).toMatchObject({
      ref: 'payments/prod-use1',
      apiVersion: 'v1beta2',
      cloud: 'aws',
      region: 'us-east-1',
      infrastructureKind: 'AWSCluster',
      kubernetesVersion: 'v1.31.4',
      phase: 'Provisioned',
      controlPlane: {
        kind: 'KubeadmControlPlane',
        managed: 'self',
        replicas: { desired: 3, ready: 3, available: 3, upToDate: 3 },
        instanceType: 'm5.large',
      },
      workers: { desired: 3, ready: 3, available: 3, upToDate: 3 },
      workerPools: [
        {
          name: 'prod-use1-md-0',
          kind: 'MachineDeployment',
          autoscaler: { min: 3, max: 10 },
          instanceType: 'm5.xlarge',
        },
      ],
      machinesByInstanceType: { 'm5.large': 3, 'm5.xlarge': 3 },
      machinesByPhase: { Running: 6 },
      labels: {
        owner: 'team-payments',
        environment: 'prod',
        system: 'checkout',
        dataClass: 'pii',
      },
      health: { verdict: 'healthy' },
      errors: [],
      createdAt: '2026-01-01T00:00:00Z',
    });
  });

  it('reads Azure locations and vmSize from v1beta1 objects', () => {
    const s = summarizeCluster(
      makeCluster({ cloud: 'azure', version: 'v1beta1', region: 'westeurope' }),
    );
    expect(s).toMatchObject({
      apiVersion: 'v1beta1',
      cloud: 'azure',
      region: 'westeurope',
      controlPlane: {
        instanceType: 'Standard_D2s_v3',
        replicas: { desired: 3, available: 3 },
      },
      machinesByInstanceType: { Standard_D2s_v3: 3, Standard_D4s_v3: 3 },
      workers: { desired: 3, available: 3 },
    });
    expect(s.errors).toEqual([]);
  });

  it('reads GCP kubeadm clusters', () => {
    const s = summarizeCluster(
      makeCluster({
        cloud: 'gcp',
        region: 'europe-west1',
        instanceType: 'n2-highmem-4',
      }),
    );
    expect(s).toMatchObject({
      cloud: 'gcp',
      region: 'europe-west1',
      machinesByInstanceType: { 'n2-standard-2': 3, 'n2-highmem-4': 3 },
    });
  });

  it('takes the region of EKS from the AWSManagedControlPlane', () => {
    const s = summarizeCluster(
      makeCluster({ controlPlane: 'managed', region: 'eu-west-1', workers: 2 }),
    );
    expect(s).toMatchObject({
      cloud: 'aws',
      region: 'eu-west-1',
      infrastructureKind: 'AWSManagedCluster',
      controlPlane: {
        kind: 'AWSManagedControlPlane',
        managed: 'eks',
        version: 'v1.31.4',
      },
      machinesByInstanceType: { 'm5.xlarge': 2 },
    });
    expect(s.controlPlane?.replicas.desired).toBe(0);
  });

  it('reads AKS location, tier and node pools (no Machine objects: pool replicas count)', () => {
    const s = summarizeCluster(
      makeCluster({
        cloud: 'azure',
        controlPlane: 'managed',
        aksTier: 'Standard',
        workers: 4,
        min: 2,
        max: 6,
        kubernetesVersion: '1.30.5',
      }),
    );
    expect(s).toMatchObject({
      cloud: 'azure',
      region: 'eastus',
      controlPlane: {
        kind: 'AzureManagedControlPlane',
        managed: 'aks',
        tier: 'Standard',
      },
      kubernetesVersion: 'v1.30.5',
      workerPools: [
        {
          kind: 'MachinePool',
          instanceType: 'Standard_D4s_v3',
          autoscaler: { min: 2, max: 6 },
          replicas: { desired: 4, available: 4 },
        },
      ],
      machinesByInstanceType: { Standard_D4s_v3: 4 },
      machinesByPhase: {},
    });
  });

  it('turns a GKE zone into its region and reads the pool machine type', () => {
    const objects = makeCluster({
      cloud: 'gcp',
      controlPlane: 'managed',
      region: 'us-central1-a',
    });
    delete find(objects, 'GCPManagedCluster').spec.region;
    const s = summarizeCluster(objects);
    expect(s).toMatchObject({
      region: 'us-central1',
      controlPlane: { managed: 'gke' },
      machinesByInstanceType: { 'n2-standard-4': 3 },
    });
  });

  it('uses the CRD default e2-medium for a GKE pool without a machine type', () => {
    const objects = makeCluster({ cloud: 'gcp', controlPlane: 'managed' });
    delete find(objects, 'GCPManagedMachinePool').spec.machineType;
    expect(summarizeCluster(objects).machinesByInstanceType).toEqual({
      'e2-medium': 3,
    });
  });

  it('summarises a generated topology cluster (v1beta2 classRef)', () => {
    const s = summarizeCluster(
      makeCluster({
        topology: true,
        region: 'us-west-2',
        instanceType: 'c5.xlarge',
      }),
    );
    expect(s).toMatchObject({
      region: 'us-west-2',
      topology: { classRef: 'aws-quick-start' },
      workerPools: [{ name: 'aws-cluster-md-0', instanceType: 'c5.xlarge' }],
      machinesByInstanceType: { 'm5.large': 3, 'c5.xlarge': 3 },
    });
    expect(s.errors).toEqual([]);
  });

  it('prices a topology cluster before its objects exist from variables and the ClusterClass', () => {
    const objects = makeCluster({
      cloud: 'gcp',
      version: 'v1beta1',
      topology: true,
      topologyGenerated: false,
      region: 'europe-west4',
      workers: 5,
      health: 'provisioning',
    });
    const s = summarizeCluster(objects);
    expect(s).toMatchObject({
      cloud: 'gcp',
      region: 'europe-west4',
      infrastructureKind: 'GCPCluster',
      kubernetesVersion: 'v1.31.4',
      topology: { classRef: 'gcp-quick-start' },
      controlPlane: {
        kind: 'KubeadmControlPlane',
        managed: 'self',
        replicas: { desired: 3 },
        instanceType: 'n2-standard-2',
      },
      workerPools: [
        {
          name: 'md-0',
          kind: 'MachineDeployment',
          replicas: { desired: 5, available: 0 },
          instanceType: 'n2-standard-4',
        },
      ],
      machinesByInstanceType: { 'n2-standard-2': 3, 'n2-standard-4': 5 },
      health: { verdict: 'provisioning' },
    });
  });

  it('falls back to the ClusterClass templates when the topology has no variables', () => {
    const objects = makeCluster({
      cloud: 'azure',
      topology: true,
      topologyGenerated: false,
    });
    const cluster = objects[0];
    cluster.spec.topology.variables = [];
    const s = summarizeCluster(objects);
    // The AzureClusterTemplate and machine templates of the class say eastus / D2s_v3 / D4s_v3.
    expect(s).toMatchObject({
      region: 'eastus',
      machinesByInstanceType: { Standard_D2s_v3: 3, Standard_D4s_v3: 3 },
    });
  });

  it('keeps clusters of unknown providers as `other`', () => {
    const s = summarizeCluster(
      makeCluster({ cloud: 'other', name: 'kind-dev' }),
    );
    expect(s).toMatchObject({
      cloud: 'other',
      infrastructureKind: 'DockerCluster',
      machinesByInstanceType: { unknown: 6 },
    });
    expect(s.region).toBeUndefined();
  });

  it('counts machines by phase', () => {
    const objects = makeCluster({ workers: 2 });
    const machines = objects.filter(o => o.kind === 'Machine');
    machines[0].status.phase = 'Failed';
    machines[1].status.phase = 'Provisioning';
    expect(summarizeCluster(objects).machinesByPhase).toEqual({
      Failed: 1,
      Provisioning: 1,
      Running: 3,
    });
  });

  it('marks malformed objects as errors of their cluster and never throws', () => {
    const objects = makeCluster({ name: 'broken' });
    find(objects, 'MachineDeployment').spec.replicas = 'three';
    find(objects, 'Cluster').status.conditions = 'not a list';
    find(objects, 'AWSCluster').spec.region = 42;
    find(objects, 'MachineDeployment').metadata!.annotations = {
      [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: 'five',
      [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: '10',
    };
    const s = summarizeCluster(objects);
    expect(s.ref).toBe('default/broken');
    expect(s.errors).toEqual(
      expect.arrayContaining([
        'MachineDeployment default/broken-md-0: spec.replicas should be a number, got string',
        'Cluster default/broken: status.conditions should be a list, got string',
        'AWSCluster default/broken: spec.region should be a string, got number',
        `MachineDeployment default/broken-md-0: annotation ${CAPI_AUTOSCALER_ANNOTATIONS.minSize} should be a whole number, got "five"`,
      ]),
    );
    expect(s.cloud).toBe('aws');
    expect(s.region).toBeUndefined();
  });

  it('survives objects of the wrong shape altogether', () => {
    const objects = makeCluster({ name: 'weird' });
    objects[0].spec.topology = 'yes';
    objects[0].status = { phase: 7, conditions: [{ type: 'Available' }, null] };
    objects.push({
      kind: 'Machine',
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      metadata: { name: 'm' },
      spec: null,
      status: [],
    } as KubeObject);
    const s = summarizeCluster(objects);
    expect(s.ref).toBe('default/weird');
    expect(s.errors.length).toBeGreaterThan(0);
  });

  it('reports a set without a Cluster object instead of throwing', () => {
    const objects = makeCluster({ name: 'orphaned' }).filter(
      o => o.kind !== 'Cluster',
    );
    const s = summarizeCluster(objects);
    expect(s).toMatchObject({
      health: { verdict: 'unknown' },
      errors: ['Cluster object not found'],
    });
  });

  it('reports min-size above max-size', () => {
    const s = summarizeCluster(makeCluster({ min: 5, max: 3 }));
    expect(s.workerPools[0].autoscaler).toBeUndefined();
    expect(s.errors).toEqual([
      expect.stringContaining('min-size 5 is greater than max-size 3'),
    ]);
  });

  it('reads the multicloud labels', () => {
    const s = summarizeCluster(
      makeCluster({
        labels: { [MULTICLOUD_LABELS.owner]: 'search', other: 'x' },
      }),
    );
    expect(s.labels).toEqual({ owner: 'search' });
  });
});
