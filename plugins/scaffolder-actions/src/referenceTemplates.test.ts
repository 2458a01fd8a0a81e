import {
  PriceBook,
  RENDER_COMBINATIONS,
  renderCluster,
  type KubeObject,
  type RenderCombination,
} from '@internal/plugin-multicloud-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { AZURE_ACCOUNT, GCP_ACCOUNT } from './__testUtils__/clusterInputs';

/**
 * Every rendered combination side by side with the official `clusterctl generate cluster`
 * template it mirrors (copies in packages/capi-simulator/provider-templates): same kinds,
 * same provider apiVersions (CAPI core kinds: same group, v1beta2 instead of the deprecated
 * v1beta1), the same references, and the key fields (region, instance types, replicas,
 * version) at the same paths.
 */
const TEMPLATE_DIR = path.join(
  path.dirname(require.resolve('@internal/capi-simulator/package.json')),
  'provider-templates',
);

const REGIONS = {
  aws: 'us-west-2',
  azure: 'westus2',
  gcp: 'us-west1',
} as const;
const VALUES: Record<string, string> = {
  CLUSTER_NAME: 'ref',
  CLUSTER_CLASS_NAME: 'ref-class',
  KUBERNETES_VERSION: 'v1.33.1',
  CONTROL_PLANE_MACHINE_COUNT: '3',
  WORKER_MACHINE_COUNT: '3',
  AWS_REGION: REGIONS.aws,
  AWS_SSH_KEY_NAME: 'default',
  AWS_CONTROL_PLANE_MACHINE_TYPE: 'm5.large',
  AWS_NODE_MACHINE_TYPE: 'm5.xlarge',
  AZURE_LOCATION: REGIONS.azure,
  AZURE_SUBSCRIPTION_ID: AZURE_ACCOUNT.subscriptionId,
  AZURE_TENANT_ID: AZURE_ACCOUNT.tenantId,
  AZURE_CLIENT_ID_USER_ASSIGNED_IDENTITY: AZURE_ACCOUNT.identityClientId,
  AZURE_CONTROL_PLANE_MACHINE_TYPE: 'Standard_D2s_v3',
  AZURE_NODE_MACHINE_TYPE: 'Standard_D4s_v3',
  CLUSTER_IDENTITY_NAME: 'cluster-identity',
  GCP_REGION: REGIONS.gcp,
  GCP_PROJECT: GCP_ACCOUNT.project,
  GCP_NETWORK_NAME: 'default',
  GCP_CONTROL_PLANE_MACHINE_TYPE: 'n2-standard-2',
  GCP_NODE_MACHINE_TYPE: 'n2-standard-4',
  IMAGE_ID: 'projects/k8s-images/global/images/cluster-api-ubuntu-2204-v1-33-1',
  CNI_RESOURCES: '{}',
};

/** `${VAR}` and `${VAR:=default}` (nested defaults resolved innermost first), like clusterctl. */
function substitute(text: string): string {
  const pattern = /\$\{([A-Z0-9_]+)(?::[=-]([^${}]*))?\}/g;
  let out = text;
  while (pattern.test(out)) {
    out = out.replace(
      pattern,
      (_m, name: string, fallback?: string) => VALUES[name] ?? fallback ?? '',
    );
  }
  return out;
}

/** Addons (CNI, CCM, CSI) are delivered by the platform's ClusterResourceSets, not per cluster. */
const ADDON_KINDS = new Set(['ClusterResourceSet', 'ConfigMap', 'Secret']);
const CORE_KINDS = new Set([
  'Cluster',
  'MachineDeployment',
  'MachinePool',
  'MachineHealthCheck',
  'KubeadmControlPlane',
  'KubeadmConfigTemplate',
]);

function official(reference: string): KubeObject[] {
  const text = substitute(
    fs.readFileSync(path.join(TEMPLATE_DIR, reference), 'utf8'),
  );
  return parseAllDocuments(text)
    .map(d => d.toJS() as KubeObject)
    .filter(o => o && !ADDON_KINDS.has(o.kind!));
}

const get = (obj: unknown, dotted: string): any =>
  dotted
    .split('.')
    .reduce<any>(
      (o, k) => (o === undefined || o === null ? undefined : o[k]),
      obj,
    );
const byKind = (objects: KubeObject[], kind: string) =>
  objects.filter(o => o.kind === kind);
const group = (apiVersion: string | undefined) =>
  apiVersion!.slice(0, apiVersion!.lastIndexOf('/'));
/** A reference's kind in either shape (v1beta1 `machineTemplate.infrastructureRef`, v1beta2 `machineTemplate.spec.infrastructureRef`). */
const refKind = (obj: KubeObject, ...paths: string[]) =>
  paths.map(p => get(obj, `${p}.kind`)).find(Boolean);

/** Fields that must be set on both sides, at the same path; `ours` is what we must have rendered. */
type KeyField = [kind: string, path: string, ours: unknown];

function keyFields(
  c: RenderCombination,
  r: ReturnType<typeof renderCluster>,
): KeyField[] {
  const region = REGIONS[c.cloud];
  const cp = r.controlPlaneInstanceType;
  const w = r.instanceType;
  const byReference: Record<RenderCombination['reference'], () => KeyField[]> =
    {
      'aws-cluster-template.yaml': () => [
        ['AWSCluster', 'spec.region', region],
        ['KubeadmControlPlane', 'spec.replicas', 3],
        ['KubeadmControlPlane', 'spec.version', 'v1.33.1'],
        ['AWSMachineTemplate', 'spec.template.spec.instanceType', cp],
        ['MachineDeployment', 'spec.template.spec.version', 'v1.33.1'],
      ],
      'aws-cluster-template-eks.yaml': () => [
        ['AWSManagedControlPlane', 'spec.region', region],
        ['AWSManagedControlPlane', 'spec.version', 'v1.33'],
        ['AWSMachineTemplate', 'spec.template.spec.instanceType', w],
        ['MachineDeployment', 'spec.template.spec.version', 'v1.33.1'],
      ],
      'azure-cluster-template.yaml': () => [
        ['AzureCluster', 'spec.location', region],
        ['AzureCluster', 'spec.subscriptionID', AZURE_ACCOUNT.subscriptionId],
        ['AzureCluster', 'spec.identityRef.kind', 'AzureClusterIdentity'],
        ['AzureClusterIdentity', 'spec.type', 'WorkloadIdentity'],
        ['KubeadmControlPlane', 'spec.replicas', 3],
        ['AzureMachineTemplate', 'spec.template.spec.vmSize', cp],
        ['MachineDeployment', 'spec.template.spec.version', 'v1.33.1'],
      ],
      'azure-cluster-template-aks.yaml': () => [
        ['AzureManagedControlPlane', 'spec.location', region],
        ['AzureManagedControlPlane', 'spec.version', 'v1.33.1'],
        ['AzureManagedControlPlane', 'spec.oidcIssuerProfile.enabled', true],
        ['AzureManagedMachinePool', 'spec.sku', w],
        ['AzureManagedMachinePool', 'spec.mode', 'System'],
        ['MachinePool', 'spec.replicas', 3],
        ['AzureClusterIdentity', 'spec.type', 'WorkloadIdentity'],
      ],
      'gcp-cluster-template.yaml': () => [
        ['GCPCluster', 'spec.region', region],
        ['GCPCluster', 'spec.project', GCP_ACCOUNT.project],
        ['KubeadmControlPlane', 'spec.replicas', 3],
        ['GCPMachineTemplate', 'spec.template.spec.instanceType', cp],
        ['MachineDeployment', 'spec.template.spec.version', 'v1.33.1'],
      ],
      'gcp-cluster-template-gke.yaml': () => [
        ['GCPManagedCluster', 'spec.region', region],
        ['GCPManagedControlPlane', 'spec.location', region],
        ['GCPManagedControlPlane', 'spec.project', GCP_ACCOUNT.project],
        ['MachinePool', 'spec.replicas', 3],
      ],
      'azure-cluster-template-topology.yaml': () =>
        byReference['gcp-cluster-template-topology.yaml'](),
      'gcp-cluster-template-topology.yaml': () => [
        ['Cluster', 'spec.topology.version', 'v1.33.1'],
        ['Cluster', 'spec.topology.controlPlane.replicas', 3],
        ['Cluster', 'spec.topology.workers.machineDeployments.0.name', 'md-0'],
      ],
    };
  return byReference[c.reference]();
}

describe.each(RENDER_COMBINATIONS.map(c => [c.reference, c] as const))(
  'compared with %s',
  (_, combination) => {
    const rendered = renderCluster(
      {
        name: 'ours',
        cloud: combination.cloud,
        region: REGIONS[combination.cloud],
        flavor: combination.flavor,
        mode: combination.mode,
        environment: 'production',
        kubernetesVersion: 'v1.33.1',
        owner: 'platform-team',
        azure: AZURE_ACCOUNT,
        gcp: GCP_ACCOUNT,
      },
      new PriceBook(),
    );
    const ours = rendered.objects as KubeObject[];
    const theirs = official(combination.reference);

    it('has the same kinds (plus a MachineHealthCheck for MachineDeployment workers)', () => {
      const expected = new Set(theirs.map(o => o.kind));
      if (byKind(theirs, 'MachineDeployment').length)
        expected.add('MachineHealthCheck');
      expect([...new Set(ours.map(o => o.kind))].sort()).toEqual(
        [...expected].sort(),
      );
    });

    it('uses the same provider apiVersions, and v1beta2 of the same group for CAPI core kinds', () => {
      const shared = theirs
        .map(o => o.kind!)
        .filter(kind => ours.some(o => o.kind === kind));
      const versions = (objects: KubeObject[]) =>
        Object.fromEntries(
          shared.map(kind => {
            const apiVersion = objects.find(o => o.kind === kind)!.apiVersion;
            return [
              kind,
              CORE_KINDS.has(kind) ? group(apiVersion) : apiVersion,
            ];
          }),
        );
      expect(versions(ours)).toEqual(versions(theirs));
      expect(
        ours.filter(
          o => CORE_KINDS.has(o.kind!) && !o.apiVersion!.endsWith('/v1beta2'),
        ),
      ).toEqual([]);
    });

    it('references the same kinds', () => {
      const refs = (objects: KubeObject[]) => ({
        infrastructure: objects
          .map(
            o => o.kind === 'Cluster' && get(o, 'spec.infrastructureRef.kind'),
          )
          .find(Boolean),
        controlPlane: objects
          .map(o => o.kind === 'Cluster' && get(o, 'spec.controlPlaneRef.kind'))
          .find(Boolean),
        controlPlaneMachines: byKind(objects, 'KubeadmControlPlane').map(o =>
          refKind(
            o,
            'spec.machineTemplate.infrastructureRef',
            'spec.machineTemplate.spec.infrastructureRef',
          ),
        ),
        workerMachines: [
          ...byKind(objects, 'MachineDeployment'),
          ...byKind(objects, 'MachinePool'),
        ]
          .map(o => get(o, 'spec.template.spec.infrastructureRef.kind'))
          .slice(0, 1),
        workerBootstrap: byKind(objects, 'MachineDeployment').map(o =>
          get(o, 'spec.template.spec.bootstrap.configRef.kind'),
        ),
        topologyClass:
          objects
            .map(
              o =>
                o.kind === 'Cluster' &&
                (get(o, 'spec.topology.classRef.name') ??
                  get(o, 'spec.topology.class')) !== undefined,
            )
            .find(Boolean) ?? false,
      });
      expect(refs(ours)).toEqual(refs(theirs));
    });

    it('sets the key fields (region, instance types, replicas, version) at the same paths', () => {
      for (const [kind, field, value] of keyFields(combination, rendered)) {
        const upstreamObject = byKind(theirs, kind)[0];
        const ourObject = byKind(ours, kind)[0];
        expect({
          kind,
          field,
          official: get(upstreamObject, field) !== undefined,
        }).toEqual({ kind, field, official: true });
        expect({ kind, field, ours: get(ourObject, field) }).toEqual({
          kind,
          field,
          ours: value,
        });
      }
    });

    it('scales workers by autoscaler bounds where the official template fixes replicas', () => {
      for (const md of byKind(theirs, 'MachineDeployment'))
        expect(md.spec.replicas).toBe(3);
      for (const md of byKind(ours, 'MachineDeployment')) {
        expect(md.spec.replicas).toBeUndefined();
        expect(
          md.metadata?.annotations?.[
            'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size'
          ],
        ).toBe('3');
      }
    });
  },
);

it('compares one official template per rendered combination', () => {
  const files = fs
    .readdirSync(TEMPLATE_DIR)
    .filter(f => f.endsWith('.yaml'))
    .sort();
  // Not mirrored: AWS MachinePools (AWSMachinePool has no CRD in the set) and the ClusterClass
  // definitions (platform-owned; their template kinds have no CRDs in the set either).
  expect(
    files.filter(f => !RENDER_COMBINATIONS.some(c => c.reference === f)),
  ).toEqual([
    'aws-cluster-template-machinepool.yaml',
    'azure-cluster-template-clusterclass.yaml',
    'gcp-cluster-template-clusterclass.yaml',
  ]);
});
