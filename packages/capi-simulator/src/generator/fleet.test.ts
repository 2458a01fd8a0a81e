import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  CAPI_LABELS,
  createCrdValidator,
  MULTICLOUD_ANNOTATIONS,
  MULTICLOUD_LABELS,
} from '@internal/plugin-multicloud-common';
import type { KubeObject } from '../api/types';
import { loadCrds } from '../crds';
import { kubeconfigToken } from '../kubeconfig';
import { generateFleet, type FleetOptions } from './fleet';
import { REGIONS } from './plan';

const base: FleetOptions = {
  seed: 'test',
  now: new Date('2026-11-24T12:00:00Z'),
  serverUrl: 'https://127.0.0.1:6443',
  caCert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
};

function objects(options: Partial<FleetOptions> = {}): KubeObject[] {
  return [...generateFleet({ ...base, ...options }).objects()];
}

const ofKind = (all: KubeObject[], kind: string) =>
  all.filter(o => o.kind === kind);
const named = (all: KubeObject[], kind: string, name: string) =>
  all.find(o => o.kind === kind && o.metadata?.name === name)!;

describe('generateFleet', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const first = JSON.stringify(objects({ clusters: 20 }));
    expect(JSON.stringify(objects({ clusters: 20 }))).toBe(first);
    expect(JSON.stringify(objects({ clusters: 20, seed: 'other' }))).not.toBe(
      first,
    );
  });

  it('generates the seed document fleet by default', () => {
    const all = objects();
    const clusters = ofKind(all, 'Cluster');
    expect(clusters.map(c => c.metadata!.name)).toEqual([
      'trustram-aws-cluster',
      'trustram-azure-cluster',
      'trustram-gcp-cluster',
    ]);
    const expected = {
      'trustram-aws-cluster': {
        owner: 'team-payments',
        infra: 'AWSCluster',
        region: 'us-west-2',
        template: 'AWSMachineTemplate',
        type: 'm5.xlarge',
      },
      'trustram-azure-cluster': {
        owner: 'team-payments',
        infra: 'AzureCluster',
        region: 'westus2',
        template: 'AzureMachineTemplate',
        type: 'Standard_D4s_v3',
      },
      'trustram-gcp-cluster': {
        owner: 'team-search',
        infra: 'GCPCluster',
        region: 'us-west1',
        template: 'GCPMachineTemplate',
        type: 'n2-standard-4',
      },
    } as const;
    for (const cluster of clusters) {
      const name = cluster.metadata!.name! as keyof typeof expected;
      const want = expected[name];
      expect(cluster.apiVersion).toBe('cluster.x-k8s.io/v1beta2');
      expect(cluster.metadata!.namespace).toBe('default');
      expect(cluster.metadata!.labels).toEqual({
        [MULTICLOUD_LABELS.owner]: want.owner,
        [MULTICLOUD_LABELS.environment]: 'production',
        [MULTICLOUD_LABELS.dataClass]: 'ccpa',
        [MULTICLOUD_LABELS.system]: 'trustram',
      });
      expect(cluster.spec.infrastructureRef).toEqual({
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: want.infra,
        name,
      });
      expect(cluster.spec.controlPlaneRef).toEqual({
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: 'KubeadmControlPlane',
        name: `${name}-control-plane`,
      });
      const infra = named(all, want.infra, name);
      expect(infra.spec.region ?? infra.spec.location).toBe(want.region);
      expect(cluster.status).toMatchObject({
        phase: 'Provisioned',
        initialization: {
          infrastructureProvisioned: true,
          controlPlaneInitialized: true,
        },
        controlPlane: {
          desiredReplicas: 3,
          replicas: 3,
          readyReplicas: 3,
          availableReplicas: 3,
          upToDateReplicas: 3,
        },
        workers: {
          desiredReplicas: 3,
          replicas: 3,
          readyReplicas: 3,
          availableReplicas: 3,
          upToDateReplicas: 3,
        },
      });
      const conditions = Object.fromEntries(
        cluster.status.conditions.map((c: any) => [c.type, c.status]),
      );
      for (const type of [
        'Available',
        'InfrastructureReady',
        'ControlPlaneInitialized',
        'ControlPlaneAvailable',
        'WorkersAvailable',
        'RemoteConnectionProbe',
      ]) {
        expect(conditions[type]).toBe('True');
      }
      const md = named(all, 'MachineDeployment', `${name}-md-0`);
      expect(md.spec.replicas).toBe(3);
      expect(md.metadata!.annotations).toEqual({
        [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: '3',
        [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: '10',
      });
      for (const templateName of [`${name}-md-0`, `${name}-control-plane`]) {
        const template = named(all, want.template, templateName);
        expect(
          template.spec.template.spec.instanceType ??
            template.spec.template.spec.vmSize,
        ).toBe(want.type);
      }
      const machines = ofKind(all, 'Machine').filter(
        m => m.spec.clusterName === name,
      );
      expect(machines).toHaveLength(6);
      expect(
        machines.filter(
          m => m.metadata!.labels![CAPI_LABELS.controlPlane] === '',
        ),
      ).toHaveLength(3);
      for (const m of machines) {
        expect(m.status.phase).toBe('Running');
        expect(m.status.nodeRef.name).toBeTruthy();
        expect(m.spec.providerID).toMatch(/^(aws|azure|gce):\/\//);
        expect(m.metadata!.labels![CAPI_LABELS.clusterName]).toBe(name);
        expect(m.metadata!.ownerReferences![0].kind).toBe(
          m.metadata!.labels![CAPI_LABELS.controlPlane] === ''
            ? 'KubeadmControlPlane'
            : 'MachineSet',
        );
      }
      expect(
        machines.filter(
          m =>
            m.metadata!.labels![CAPI_LABELS.deploymentName] === `${name}-md-0`,
        ),
      ).toHaveLength(3);
    }
    expect(
      named(all, 'Cluster', 'trustram-aws-cluster').metadata!.annotations,
    ).toEqual({
      [MULTICLOUD_ANNOTATIONS.failoverTarget]: 'default/trustram-azure-cluster',
      [MULTICLOUD_ANNOTATIONS.failoverMode]: 'manual',
    });
    const secret = named(all, 'Secret', 'trustram-gcp-cluster-kubeconfig');
    expect(secret).toMatchObject({
      type: 'cluster.x-k8s.io/secret',
      metadata: {
        labels: { [CAPI_LABELS.clusterName]: 'trustram-gcp-cluster' },
      },
    });
    const kubeconfig = Buffer.from(
      (secret.data as { value: string }).value,
      'base64',
    ).toString('utf8');
    expect(kubeconfig).toContain(
      'server: https://127.0.0.1:6443/workload/default/trustram-gcp-cluster',
    );
    expect(ofKind(all, 'Namespace').map(n => n.metadata!.name)).toEqual(
      expect.arrayContaining([
        'default',
        'team-payments',
        'team-search',
        'platform-team',
        'team-data',
        'team-ml',
      ]),
    );
  });

  it('gives every cluster its own token, carrying the secret marker', () => {
    const secrets = ofKind(
      objects({ clusters: 30, secretMarker: 'SECRET-MARKER-42' }),
      'Secret',
    );
    const tokens = secrets.map(
      s =>
        kubeconfigToken(
          Buffer.from((s.data as { value: string }).value, 'base64').toString(
            'utf8',
          ),
        )!,
    );
    expect(tokens.length).toBeGreaterThan(25);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every(t => t.startsWith('SECRET-MARKER-42.'))).toBe(true);
  });

  it('scales to 1,000 clusters of ~20,000 machines, all valid against the CRDs', () => {
    const validator = createCrdValidator(loadCrds());
    const fleet = generateFleet({ ...base, clusters: 1000 });
    const counts: Record<string, number> = {};
    const invalid: string[] = [];
    const clusters: KubeObject[] = [];
    for (const obj of fleet.objects()) {
      counts[obj.kind!] = (counts[obj.kind!] ?? 0) + 1;
      if (obj.kind === 'Cluster') clusters.push(obj);
      if (obj.apiVersion === 'v1') continue;
      const result = validator.validate(obj);
      if (!result.valid || result.unknownFields.length > 0) {
        invalid.push(
          `${obj.kind} ${obj.metadata?.name}: ${JSON.stringify(
            result.causes,
          )} ${result.unknownFields}`,
        );
      }
    }
    expect(invalid.slice(0, 5)).toEqual([]);
    expect(counts.Cluster).toBe(1000);
    expect(counts.Machine).toBeGreaterThan(18_000);
    expect(counts.Machine).toBeLessThan(22_000);
    for (const kind of [
      'AWSManagedControlPlane',
      'AzureManagedControlPlane',
      'GCPManagedControlPlane',
      'ClusterClass',
      'MachinePool',
      'KubeadmControlPlane',
    ]) {
      expect(counts[kind]).toBeGreaterThan(0);
    }
    const versions = new Set(clusters.map(c => c.apiVersion));
    expect(versions).toEqual(
      new Set(['cluster.x-k8s.io/v1beta1', 'cluster.x-k8s.io/v1beta2']),
    );
    expect(clusters.filter(c => c.spec.topology).length).toBeGreaterThan(100);
    const phases = new Set(clusters.map(c => c.status.phase));
    expect(phases).toEqual(new Set(['Provisioned', 'Provisioning', 'Failed']));
    const plans = fleet.plans;
    expect(new Set(plans.map(p => p.region))).toEqual(
      new Set(Object.values(REGIONS).flatMap(r => [...r.us, ...r.eu])),
    );
    expect(new Set(plans.map(p => p.health))).toEqual(
      new Set([
        'healthy',
        'provisioning',
        'degraded-control-plane',
        'degraded-workers',
        'failed',
      ]),
    );
    const euRegions = Object.values(REGIONS).flatMap(r => r.eu);
    expect(
      plans
        .filter(p => p.dataClass === 'gdpr')
        .every(p => euRegions.includes(p.region)),
    ).toBe(true);
    expect(new Set(plans.map(p => p.owner)).size).toBe(5);
    expect(new Set(plans.map(p => p.environment))).toEqual(
      new Set(['production', 'staging', 'development']),
    );
    for (const service of ['payments-api', 'checkout-web', 'search-indexer']) {
      expect(fleet.placements[service].length).toBeGreaterThan(10);
    }
  });
});
