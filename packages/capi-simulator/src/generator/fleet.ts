import type { KnownCloud } from '@internal/plugin-multicloud-common';
import type { KubeObject } from '../api/types';
import { PROVIDERS } from '../capi/providers';
import { BOOTSTRAP_GROUP, CONTROLPLANE_GROUP, INFRA_GROUP } from '../capi/refs';
import {
  buildClusterObjects,
  isoSeconds,
  type ClusterBuildContext,
} from './cluster';
import { planFleet, TEAMS, type ClusterPlan } from './plan';
import { createRng, type Rng } from './prng';
import { placeServices } from './workloads';

export interface FleetOptions {
  seed: string;
  /** Number of clusters; undefined: the seed document's three. */
  clusters?: number;
  now: Date;
  /** Base URL of the simulator, for the workload kubeconfigs (`https://127.0.0.1:6443`). */
  serverUrl: string;
  caCert: string;
  /** Embedded into every generated token (security tests search outputs for it). */
  secretMarker?: string;
}

export interface Fleet {
  /** Generates the objects (again on every call: one cluster at a time keeps memory flat). */
  objects(): Generator<KubeObject>;
  plans: ClusterPlan[];
  /** Catalog service → `namespace/name` of the clusters it runs on. */
  placements: Record<string, string[]>;
}

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'capi-system',
];
const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A bearer token from the seed, carrying the marker when one is set. */
export function generateToken(rng: Rng, marker?: string): string {
  const random = rng.chars(40, TOKEN_ALPHABET);
  return marker ? `${marker}.${random}` : random;
}

function namespaceObject(name: string, rng: Rng, created: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: rng.uuid(),
      creationTimestamp: created,
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** Cloud account per owner namespace: AWS account id, Azure subscription, GCP project. */
function account(rng: Rng, cloud: KnownCloud, namespace: string): string {
  const r = rng.fork(`account/${cloud}/${namespace}`);
  if (cloud === 'aws') return r.chars(12, '0123456789');
  if (cloud === 'azure') return r.uuid();
  return `${namespace.replace(/^team-|-team$/g, '')}-prod-${r.chars(
    6,
    '0123456789',
  )}`;
}

/**
 * Identities clusters reference: role-based AWS identities and Azure workload identity, except
 * one team still on a static service-principal secret (a compliance finding to show).
 */
function identities(
  namespace: string,
  rng: Rng,
  created: string,
): {
  objects: KubeObject[];
  refs: Partial<Record<KnownCloud, ClusterBuildContext['identity']>>;
} {
  const r = rng.fork(`identity/${namespace}`);
  const awsName = `capa-${namespace}`;
  const azureType =
    namespace === 'team-data' ? 'ManualServicePrincipal' : 'WorkloadIdentity';
  const aws: KubeObject = {
    apiVersion: `${INFRA_GROUP}/v1beta2`,
    kind: 'AWSClusterRoleIdentity',
    metadata: {
      name: awsName,
      uid: r.uuid(),
      generation: 1,
      creationTimestamp: created,
    },
    spec: {
      roleARN: `arn:aws:iam::${account(
        rng,
        'aws',
        namespace,
      )}:role/capa-controller-${namespace}`,
      sessionName: `capa-${namespace}`,
      allowedNamespaces: { list: [namespace] },
      sourceIdentityRef: {
        kind: 'AWSClusterControllerIdentity',
        name: 'default',
      },
    },
  };
  const azure: KubeObject = {
    apiVersion: `${INFRA_GROUP}/v1beta1`,
    kind: 'AzureClusterIdentity',
    metadata: {
      name: 'capz-identity',
      namespace,
      uid: r.uuid(),
      generation: 1,
      creationTimestamp: created,
    },
    spec: {
      type: azureType,
      clientID: r.uuid(),
      tenantID: r.uuid(),
      allowedNamespaces: {},
      ...(azureType === 'ManualServicePrincipal'
        ? { clientSecret: { name: 'capz-sp-secret', namespace } }
        : {}),
    },
  };
  return {
    objects: [aws, azure],
    refs: {
      aws: { apiVersion: aws.apiVersion!, kind: aws.kind!, name: awsName },
      azure: {
        apiVersion: azure.apiVersion!,
        kind: azure.kind!,
        name: 'capz-identity',
        namespace,
      },
    },
  };
}

/** A ClusterClass per cloud and namespace, with the templates it references that are served. */
function clusterClass(
  cloud: KnownCloud,
  namespace: string,
  rng: Rng,
  created: string,
): KubeObject[] {
  const provider = PROVIDERS[cloud];
  const name = `${cloud}-kubeadm`;
  const r = rng.fork(`class/${namespace}/${cloud}`);
  const meta = (n: string) => ({
    name: n,
    namespace,
    uid: r.uuid(),
    generation: 1,
    creationTimestamp: created,
  });
  const instance = {
    aws: 'm5.xlarge',
    azure: 'Standard_D4s_v3',
    gcp: 'n2-standard-4',
  }[cloud];
  const spec =
    cloud === 'azure'
      ? { vmSize: instance, osDisk: { osType: 'Linux', diskSizeGB: 128 } }
      : { instanceType: instance };
  const cpTemplate = {
    apiVersion: provider.infraApiVersion,
    kind: provider.machineTemplateKind,
    metadata: meta(`${name}-control-plane`),
    spec: { template: { spec } },
  };
  const workerTemplate = {
    apiVersion: provider.infraApiVersion,
    kind: provider.machineTemplateKind,
    metadata: meta(`${name}-worker`),
    spec: { template: { spec } },
  };
  const bootstrap = {
    apiVersion: `${BOOTSTRAP_GROUP}/v1beta2`,
    kind: 'KubeadmConfigTemplate',
    metadata: meta(`${name}-worker`),
    spec: {
      template: {
        spec: {
          joinConfiguration: {
            nodeRegistration: {
              kubeletExtraArgs: [{ name: 'cloud-provider', value: 'external' }],
            },
          },
        },
      },
    },
  };
  const ref = (o: KubeObject) => ({
    apiVersion: o.apiVersion!,
    kind: o.kind!,
    name: o.metadata!.name!,
  });
  const cc: KubeObject = {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'ClusterClass',
    metadata: meta(name),
    spec: {
      infrastructure: {
        templateRef: {
          apiVersion: provider.infraApiVersion,
          kind: `${provider.clusterKind}Template`,
          name: `${name}-cluster`,
        },
      },
      controlPlane: {
        templateRef: {
          apiVersion: `${CONTROLPLANE_GROUP}/v1beta2`,
          kind: 'KubeadmControlPlaneTemplate',
          name: `${name}-control-plane`,
        },
        machineInfrastructure: { templateRef: ref(cpTemplate) },
      },
      workers: {
        machineDeployments: [
          {
            class: 'default-worker',
            bootstrap: { templateRef: ref(bootstrap) },
            infrastructure: { templateRef: ref(workerTemplate) },
          },
        ],
      },
      variables: [
        {
          name: 'region',
          required: true,
          schema: { openAPIV3Schema: { type: 'string' } },
        },
      ],
    },
  };
  return [cc, cpTemplate, workerTemplate, bootstrap];
}

/**
 * Plans the management cluster's fleet from a seed. Each cluster draws from its own random
 * stream, so a cluster's objects do not depend on how many others were generated.
 */
export function generateFleet(options: FleetOptions): Fleet {
  const rng = createRng(options.seed);
  const plans = planFleet(rng.fork('plan'), options.clusters);
  const created = isoSeconds(new Date(options.now.getTime() - 500 * 86400_000));
  function* objects(): Generator<KubeObject> {
    const namespaces = [
      ...new Set([
        ...SYSTEM_NAMESPACES,
        ...TEAMS,
        ...plans.map(p => p.namespace),
      ]),
    ];
    for (const ns of namespaces)
      yield namespaceObject(ns, rng.fork(`ns/${ns}`), created);
    const identityRefs = new Map<
      string,
      Partial<Record<KnownCloud, ClusterBuildContext['identity']>>
    >();
    for (const ns of new Set(plans.map(p => p.namespace))) {
      const { objects: identityObjects, refs } = identities(ns, rng, created);
      yield* identityObjects;
      identityRefs.set(ns, refs);
    }
    const classes = new Set<string>();
    for (const plan of plans) {
      const ref = `${plan.namespace}/${plan.name}`;
      const clusterRng = rng.fork(`cluster/${ref}`);
      if (plan.topology && !classes.has(`${plan.namespace}/${plan.cloud}`)) {
        classes.add(`${plan.namespace}/${plan.cloud}`);
        yield* clusterClass(plan.cloud, plan.namespace, rng, created);
      }
      const withIdentity = clusterRng.fork('identity').chance(0.9);
      yield* buildClusterObjects(plan, {
        rng: clusterRng,
        now: options.now,
        serverUrl: options.serverUrl,
        caCert: options.caCert,
        token: generateToken(rng.fork(`token/${ref}`), options.secretMarker),
        account: account(rng, plan.cloud, plan.namespace),
        identity: withIdentity
          ? identityRefs.get(plan.namespace)?.[plan.cloud]
          : undefined,
        clusterClass: `${plan.cloud}-kubeadm`,
      });
    }
  }
  return {
    objects,
    plans,
    placements: placeServices(rng.fork('placements'), plans),
  };
}
