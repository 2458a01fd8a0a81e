import { PriceBook } from '../cost/PriceBook';
import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  MULTICLOUD_ANNOTATIONS,
  MULTICLOUD_LABELS,
} from '../model/labels';
import { ENVIRONMENTS, InvalidClusterSpecError } from './ClusterSpec';
import { RENDER_COMBINATIONS, type RenderCombination } from './combinations';
import { manifestCompliance } from './manifestInsights';
import { renderCluster } from './renderCluster';
import { crdValidator } from './__testUtils__/crdValidator';
import { specFor } from './__testUtils__/specs';

const prices = new PriceBook();
const [
  awsKubeadm,
  awsEks,
  azureKubeadm,
  azureTopology,
  azureAks,
  gcpKubeadm,
  gcpTopology,
  gcpGke,
] = RENDER_COMBINATIONS;
const byKind = (r: ReturnType<typeof renderCluster>, kind: string) =>
  r.objects.filter(o => o.kind === kind);
const one = (r: ReturnType<typeof renderCluster>, kind: string) =>
  byKind(r, kind)[0];

const cases = RENDER_COMBINATIONS.flatMap(c =>
  ENVIRONMENTS.map(
    env => [`${c.cloud} ${c.flavor} ${c.mode} ${env}`, c, env] as const,
  ),
);

describe('renderCluster: every combination and environment', () => {
  it.each(cases)(
    '%s: every object is valid for its CRD, with no unknown field',
    (_, combination, env) => {
      const rendered = renderCluster(specFor(combination, env), prices);
      expect(rendered.objects.length).toBeGreaterThan(0);
      for (const obj of rendered.objects) {
        const result = crdValidator().validate(obj);
        expect({
          kind: obj.kind,
          causes: result.causes,
          unknownFields: result.unknownFields,
        }).toEqual({
          kind: obj.kind,
          causes: [],
          unknownFields: [],
        });
      }
    },
  );

  it.each(cases)('%s: no compliance check fails', (_, combination, env) => {
    const rendered = renderCluster(specFor(combination, env), prices);
    const report = manifestCompliance(rendered.objects, rendered.context);
    expect(report.checks.filter(c => c.status === 'fail')).toEqual([]);
    expect(report.checks.find(c => c.id === 'data-residency')?.status).toBe(
      'pass',
    );
    expect(report.checks.find(c => c.id === 'kubernetes-version')?.status).toBe(
      'pass',
    );
  });

  it.each(cases)(
    '%s: deterministic files under clusters/<cloud>/<region>/<name>',
    (_, combination, env) => {
      const first = renderCluster(specFor(combination, env), prices);
      const second = renderCluster(specFor(combination, env), prices);
      expect(second.files).toEqual(first.files);
      const dir = `clusters/${combination.cloud}/${first.spec.region}/${first.spec.name}`;
      expect(first.directory).toBe(dir);
      expect(first.files.every(f => f.path.startsWith(`${dir}/`))).toBe(true);
      const kustomization = first.files.find(f =>
        f.path.endsWith('/kustomization.yaml'),
      )!;
      const listed = first.files
        .filter(f => f !== kustomization)
        .map(f => f.path.slice(dir.length + 1));
      for (const file of listed)
        expect(kustomization.content).toContain(`  - ${file}\n`);
      for (const file of first.files)
        expect(file.content).not.toMatch(/[&*]a\d/);
    },
  );
});

describe('environment profiles (the seed: dev single node, staging reduced, prod HA)', () => {
  it('production kubeadm: 3 control-plane nodes, 3–10 autoscaled workers, a MachineHealthCheck', () => {
    const r = renderCluster(specFor(awsKubeadm, 'production'), prices);
    expect(one(r, 'KubeadmControlPlane').spec.replicas).toBe(3);
    const md = one(r, 'MachineDeployment');
    expect(md.spec.replicas).toBeUndefined();
    expect(md.metadata.annotations).toMatchObject({
      [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: '3',
      [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: '10',
    });
    const mhc = one(r, 'MachineHealthCheck');
    expect(mhc.spec.selector.matchLabels).toEqual(md.spec.selector.matchLabels);
  });

  it('development kubeadm: one untainted control-plane node, workers 0–1 with scale-from-zero hints', () => {
    const r = renderCluster(specFor(gcpKubeadm, 'development'), prices);
    const kcp = one(r, 'KubeadmControlPlane');
    expect(kcp.spec.replicas).toBe(1);
    expect(
      kcp.spec.kubeadmConfigSpec.initConfiguration.nodeRegistration.taints,
    ).toEqual([]);
    expect(one(r, 'MachineDeployment').metadata.annotations).toEqual({
      [CAPI_AUTOSCALER_ANNOTATIONS.minSize]: '0',
      [CAPI_AUTOSCALER_ANNOTATIONS.maxSize]: '1',
      'capacity.cluster-autoscaler.kubernetes.io/cpu': '4',
      'capacity.cluster-autoscaler.kubernetes.io/memory': '16Gi',
    });
  });

  it('staging: one control-plane node, 2–5 workers, control plane tainted', () => {
    const r = renderCluster(specFor(azureKubeadm, 'staging'), prices);
    const kcp = one(r, 'KubeadmControlPlane');
    expect(kcp.spec.replicas).toBe(1);
    expect(
      kcp.spec.kubeadmConfigSpec.initConfiguration.nodeRegistration.taints,
    ).toBeUndefined();
    expect(
      one(r, 'MachineDeployment').metadata.annotations?.[
        CAPI_AUTOSCALER_ANNOTATIONS.maxSize
      ],
    ).toBe('5');
  });

  it('managed and topology development clusters have one worker node (no control-plane node to share)', () => {
    const eks = renderCluster(specFor(awsEks, 'development'), prices);
    expect(
      one(eks, 'MachineDeployment').metadata.annotations?.[
        CAPI_AUTOSCALER_ANNOTATIONS.minSize
      ],
    ).toBe('1');
    const aks = renderCluster(specFor(azureAks, 'development'), prices);
    expect(one(aks, 'AzureManagedMachinePool').spec.scaling).toEqual({
      minSize: 1,
      maxSize: 1,
    });
    const topology = renderCluster(
      specFor(azureTopology, 'development'),
      prices,
    );
    const pool = one(topology, 'Cluster').spec.topology.workers
      .machineDeployments[0];
    expect(pool.metadata.annotations[CAPI_AUTOSCALER_ANNOTATIONS.minSize]).toBe(
      '1',
    );
  });

  it('GKE pools span as many zones as their minimum allows (CAPG splits replicas evenly)', () => {
    const zones = (env: (typeof ENVIRONMENTS)[number]) =>
      one(renderCluster(specFor(gcpGke, env), prices), 'GCPManagedMachinePool')
        .spec.nodeLocations;
    expect(zones('development')).toEqual(['us-west1-b']);
    expect(zones('staging')).toEqual(['us-west1-b', 'us-west1-c']);
    expect(zones('production')).toBeUndefined();
    const prod = renderCluster(specFor(gcpGke, 'production'), prices);
    expect(one(prod, 'MachinePool').spec.replicas).toBe(3);
    expect(one(prod, 'GCPManagedMachinePool').spec.scaling).toEqual({
      enableAutoscaling: true,
      minCount: 3,
      maxCount: 10,
    });
  });

  it('AKS production runs the Standard (SLA) tier, other environments Free', () => {
    expect(
      one(
        renderCluster(specFor(azureAks, 'production'), prices),
        'AzureManagedControlPlane',
      ).spec.sku,
    ).toEqual({ tier: 'Standard' });
    expect(
      one(
        renderCluster(specFor(azureAks, 'staging'), prices),
        'AzureManagedControlPlane',
      ).spec.sku,
    ).toEqual({ tier: 'Free' });
  });

  it('topology clusters carry version, replicas, region and instance types as topology fields', () => {
    const r = renderCluster(specFor(gcpTopology, 'production'), prices);
    expect(r.objects.map(o => o.kind)).toEqual(['Cluster']);
    const topology = one(r, 'Cluster').spec.topology;
    expect(topology).toMatchObject({
      classRef: { name: 'gcp-kubeadm' },
      version: 'v1.33.1',
      controlPlane: { replicas: 3 },
      variables: [
        { name: 'region', value: 'us-west1' },
        { name: 'controlPlaneMachineType', value: r.controlPlaneInstanceType },
        { name: 'workerMachineType', value: r.instanceType },
      ],
    });
    expect(topology.workers.machineDeployments[0].healthCheck.enabled).toBe(
      true,
    );
  });
});

describe('labels, annotations and security settings', () => {
  it('puts owner, system, environment, data class, failover and mesh on the Cluster', () => {
    const r = renderCluster(
      specFor(awsKubeadm, 'production', {
        dataClass: 'ccpa',
        failover: {
          targets: ['team-platform/azure-standby', 'default/gcp-standby'],
          mode: 'automatic',
        },
        mesh: true,
      }),
      prices,
    );
    const cluster = one(r, 'Cluster');
    expect(cluster.metadata.labels).toMatchObject({
      [MULTICLOUD_LABELS.owner]: 'platform-team',
      [MULTICLOUD_LABELS.system]: 'trustram',
      [MULTICLOUD_LABELS.environment]: 'production',
      [MULTICLOUD_LABELS.dataClass]: 'ccpa',
      [MULTICLOUD_ANNOTATIONS.meshEnrollment]: 'istio',
    });
    expect(cluster.metadata.annotations).toEqual({
      [MULTICLOUD_ANNOTATIONS.failoverTarget]:
        'team-platform/azure-standby,default/gcp-standby',
      [MULTICLOUD_ANNOTATIONS.failoverMode]: 'automatic',
      [MULTICLOUD_ANNOTATIONS.meshEnrollment]: 'istio',
    });
    expect(
      r.objects
        .filter(o => o.kind !== 'Cluster')
        .every(
          o =>
            o.metadata.labels?.['cluster.x-k8s.io/cluster-name'] ===
            cluster.metadata.name,
        ),
    ).toBe(true);
  });

  it('encrypts node disks on every cloud and uses secret-less identities', () => {
    const aws = renderCluster(specFor(awsKubeadm), prices);
    expect(
      byKind(aws, 'AWSMachineTemplate').map(
        t => t.spec.template.spec.rootVolume.encrypted,
      ),
    ).toEqual([true, true]);
    const azure = renderCluster(specFor(azureKubeadm), prices);
    expect(
      byKind(azure, 'AzureMachineTemplate').map(
        t => t.spec.template.spec.securityProfile,
      ),
    ).toEqual([{ encryptionAtHost: true }, { encryptionAtHost: true }]);
    expect(one(azure, 'AzureClusterIdentity').spec.type).toBe(
      'WorkloadIdentity',
    );
    expect(
      one(renderCluster(specFor(azureAks), prices), 'AzureManagedMachinePool')
        .spec.enableEncryptionAtHost,
    ).toBe(true);
    const gcp = renderCluster(specFor(gcpKubeadm), prices);
    expect(
      one(gcp, 'GCPMachineTemplate').spec.template.spec.rootDiskEncryptionKey,
    ).toEqual({
      keyType: 'Managed',
      managedKey: {
        kmsKeyName:
          'projects/trustram-sim/locations/us-west1/keyRings/capi/cryptoKeys/node-disks',
      },
    });
    expect(one(gcp, 'GCPCluster').spec.credentialsRef).toBeUndefined();
  });

  it('names an AWSClusterRoleIdentity when one is given', () => {
    const r = renderCluster(
      specFor(awsEks, 'production', { aws: { roleIdentityName: 'capa-team' } }),
      prices,
    );
    expect(one(r, 'AWSManagedControlPlane').spec).toMatchObject({
      identityRef: { kind: 'AWSClusterRoleIdentity', name: 'capa-team' },
      version: 'v1.33',
      region: 'us-west-2',
    });
  });
});

describe('instance types', () => {
  it('defaults to the cheapest non-burstable type of the size class in the price book', () => {
    const small = renderCluster(
      specFor(awsKubeadm, 'production', { size: 'small' }),
      prices,
    );
    const spec = prices.specOf('aws', small.instanceType)!;
    expect(spec.vcpu).toBeGreaterThanOrEqual(2);
    expect(spec.memoryGiB).toBeGreaterThanOrEqual(8);
    expect(small.instanceType).not.toMatch(/^t\d/);
    const large = renderCluster(
      specFor(awsKubeadm, 'production', { size: 'large' }),
      prices,
    );
    expect(
      prices.specOf('aws', large.instanceType)!.vcpu,
    ).toBeGreaterThanOrEqual(8);
  });

  it('uses the requested types and warns when the price book does not know one', () => {
    const r = renderCluster(
      specFor(awsKubeadm, 'production', {
        instanceType: 'm7g.large',
        controlPlaneInstanceType: 'm6i.large',
      }),
      prices,
    );
    expect(
      byKind(r, 'AWSMachineTemplate').map(
        t => t.spec.template.spec.instanceType,
      ),
    ).toEqual(['m6i.large', 'm7g.large']);
    expect(r.warnings).toEqual([
      'm7g.large is not in the aws price book: its cost is unknown',
    ]);
  });
});

describe('refusals', () => {
  const problems = (
    overrides: object,
    combination: RenderCombination = awsKubeadm,
  ) => {
    try {
      renderCluster({ ...specFor(combination), ...overrides }, prices);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidClusterSpecError);
      return (e as InvalidClusterSpecError).problems;
    }
    throw new Error('expected a refusal');
  };

  it.each([
    ['../escape'],
    ['Upper'],
    ['a'.repeat(64)],
    ['name with spaces'],
    ['$(rm -rf /)'],
  ])('refuses the cluster name %j', name => {
    expect(problems({ name })[0]).toMatch(/^name: /);
  });

  it('refuses derived names that would not fit their label or provider limit', () => {
    expect(problems({ name: 'a'.repeat(60) })).toEqual([
      expect.stringContaining('MachineDeployment team-platform/aaaa'),
    ]);
    expect(problems({ name: 'g'.repeat(41) }, gcpGke)).toEqual([
      expect.stringContaining(
        'longer than the 40 characters GCPManagedControlPlane allows',
      ),
    ]);
  });

  it('refuses unknown fields, bad regions, versions and label values, naming each field', () => {
    expect(
      problems({
        region: 'us-west-2/../../etc',
        kubernetesVersion: '1.33',
        owner: 'group:default/x',
        extra: 1,
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^region: /),
        expect.stringMatching(/^kubernetesVersion: /),
        expect.stringMatching(/^owner: /),
        expect.stringMatching(/unrecognized key.*extra/i),
      ]),
    );
  });

  it('requires the account settings of Azure and GCP', () => {
    expect(problems({ azure: undefined }, azureKubeadm)).toEqual([
      'azure: is required for Azure clusters (subscriptionId, tenantId, identityClientId)',
    ]);
    expect(problems({ gcp: undefined }, gcpGke)).toEqual([
      'gcp: is required for GCP clusters (project)',
    ]);
  });

  it.each([
    ['aws', 'kubeadm', /CAPA v2.11.1 ships no kubeadm ClusterClass/],
    ['aws', 'managed', /no ClusterClass for EKS, AKS or GKE/],
    ['azure', 'managed', /no ClusterClass for EKS, AKS or GKE/],
    ['gcp', 'managed', /no ClusterClass for EKS, AKS or GKE/],
  ] as const)(
    'refuses %s %s in topology mode: no official template to mirror',
    (cloud, flavor, reason) => {
      const combination = RENDER_COMBINATIONS.find(
        c => c.cloud === cloud && c.flavor === flavor,
      )!;
      expect(problems({ mode: 'topology' }, combination)).toEqual([
        expect.stringMatching(reason),
      ]);
    },
  );
});
