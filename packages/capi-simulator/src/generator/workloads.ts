import { BACKSTAGE_KUBERNETES_ID_LABEL } from '@internal/plugin-multicloud-common';
import type { KubeObject } from '../api/types';
import { hash32 } from '../capi/machines';
import { isoSeconds } from './cluster';
import type { ClusterPlan } from './plan';
import { NAME_SUFFIX_ALPHABET, type Rng } from './prng';

interface CatalogService {
  owner: string;
  namespace: string;
  image: string;
  port: number;
  replicas: number;
  cpu: string;
  memory: string;
}

/** The example catalog's services (examples/entities.yaml), as their pods run. */
export const CATALOG_SERVICES: Record<string, CatalogService> = {
  'payments-api': {
    owner: 'team-payments',
    namespace: 'payments',
    image: 'ghcr.io/trustram/payments-api:4.4.2',
    port: 8080,
    replicas: 3,
    cpu: '500m',
    memory: '512Mi',
  },
  'checkout-web': {
    owner: 'team-payments',
    namespace: 'checkout',
    image: 'ghcr.io/trustram/checkout-web:2.9.0',
    port: 3000,
    replicas: 2,
    cpu: '250m',
    memory: '256Mi',
  },
  'search-indexer': {
    owner: 'team-search',
    namespace: 'search',
    image: 'ghcr.io/trustram/search-indexer:1.17.3',
    port: 9090,
    replicas: 2,
    cpu: '1',
    memory: '2Gi',
  },
};

/** Where the catalog services run in the default fleet (`namespace/name` of clusters). */
export const DEFAULT_SERVICE_PLACEMENTS: Readonly<
  Record<string, readonly string[]>
> = {
  'payments-api': [
    'default/trustram-aws-cluster',
    'default/trustram-azure-cluster',
  ],
  'checkout-web': ['default/trustram-aws-cluster'],
  'search-indexer': ['default/trustram-gcp-cluster'],
};

/** Larger fleets add clusters of the owning team, about a quarter of them per service. */
export function placeServices(
  rng: Rng,
  plans: ClusterPlan[],
): Record<string, string[]> {
  const placements: Record<string, string[]> = {};
  const refs = new Set(plans.map(p => `${p.namespace}/${p.name}`));
  for (const [service, def] of Object.entries(CATALOG_SERVICES)) {
    placements[service] = DEFAULT_SERVICE_PLACEMENTS[service].filter(ref =>
      refs.has(ref),
    );
    for (const plan of plans) {
      if (
        plan.namespace !== 'default' &&
        plan.owner === def.owner &&
        rng.chance(0.25)
      ) {
        placements[service].push(`${plan.namespace}/${plan.name}`);
      }
    }
  }
  return placements;
}

export function servicesOn(
  placements: Record<string, readonly string[]>,
  clusterRef: string,
): string[] {
  return Object.entries(placements)
    .filter(([, refs]) => refs.includes(clusterRef))
    .map(([service]) => service);
}

interface App {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  image: string;
  port: number;
  replicas: number;
  cpu: string;
  memory: string;
}

function ip(seed: string, prefix: string): string {
  const h = hash32(seed);
  return `${prefix}.${(h >>> 8) & 255}.${h & 255}`;
}

function appObjects(
  app: App,
  nodes: string[],
  rng: Rng,
  created: string,
): KubeObject[] {
  const meta = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    namespace: app.namespace,
    uid: rng.uuid(),
    creationTimestamp: created,
    labels: app.labels,
    ...extra,
  });
  const selector = { app: app.name };
  const container = {
    name: app.name,
    image: app.image,
    ports: [{ name: 'http', containerPort: app.port, protocol: 'TCP' }],
    resources: {
      requests: { cpu: app.cpu, memory: app.memory },
      limits: { memory: app.memory },
    },
  };
  const hash = rng.chars(10, NAME_SUFFIX_ALPHABET);
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(app.name, {
      generation: 1,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    }),
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: app.labels },
        spec: { containers: [container] },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: app.replicas,
      updatedReplicas: app.replicas,
      readyReplicas: app.replicas,
      availableReplicas: app.replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: created,
          lastTransitionTime: created,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${app.name}-${hash}" has successfully progressed.`,
          lastUpdateTime: created,
          lastTransitionTime: created,
        },
      ],
    },
  };
  const podLabels = { ...app.labels, 'pod-template-hash': hash };
  const owner = (o: KubeObject) => [
    {
      apiVersion: o.apiVersion!,
      kind: o.kind!,
      name: o.metadata!.name!,
      uid: o.metadata!.uid!,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  const replicaSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...meta(`${app.name}-${hash}`, { generation: 1 }),
      labels: podLabels,
      ownerReferences: owner(deployment),
    },
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: { ...selector, 'pod-template-hash': hash } },
      template: {
        metadata: { labels: podLabels },
        spec: { containers: [container] },
      },
    },
    status: {
      replicas: app.replicas,
      fullyLabeledReplicas: app.replicas,
      readyReplicas: app.replicas,
      availableReplicas: app.replicas,
      observedGeneration: 1,
    },
  };
  const pods = Array.from({ length: app.replicas }, (_, i) => {
    const name = `${replicaSet.metadata!.name}-${rng.chars(
      5,
      NAME_SUFFIX_ALPHABET,
    )}`;
    const node = nodes[i % nodes.length];
    const condition = (type: string) => ({
      type,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: created,
    });
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta(name),
        labels: podLabels,
        ownerReferences: owner(replicaSet),
      },
      spec: {
        nodeName: node,
        containers: [container],
        restartPolicy: 'Always',
        serviceAccountName: 'default',
      },
      status: {
        phase: 'Running',
        conditions: [
          'Initialized',
          'Ready',
          'ContainersReady',
          'PodScheduled',
        ].map(condition),
        hostIP: ip(node, '10.0'),
        podIP: ip(`${app.namespace}/${name}`, '192.168'),
        startTime: created,
        containerStatuses: [
          {
            name: app.name,
            ready: true,
            started: true,
            restartCount: 0,
            image: app.image,
            imageID: `${app.image.split(':')[0]}@sha256:${hash32(app.image)
              .toString(16)
              .padStart(8, '0')
              .repeat(8)}`,
            containerID: `containerd://${rng.chars(64)}`,
            state: { running: { startedAt: created } },
          },
        ],
        qosClass: 'Burstable',
      },
    } as KubeObject;
  });
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(app.name),
    spec: {
      type: 'ClusterIP',
      clusterIP: ip(`${app.namespace}/${app.name}`, '10.96'),
      ports: [
        { name: 'http', port: 80, targetPort: app.port, protocol: 'TCP' },
      ],
      selector,
    },
    status: { loadBalancer: {} },
  };
  return [deployment, replicaSet, ...pods, service];
}

/** A workload cluster's objects: CoreDNS plus the catalog services placed on it. */
export function buildWorkloadObjects(input: {
  services: string[];
  nodes: string[];
  rng: Rng;
  now: Date;
}): KubeObject[] {
  const created = isoSeconds(new Date(input.now.getTime() - 7 * 86400_000));
  const nodes = input.nodes.length ? input.nodes : ['node-0'];
  const apps: App[] = [
    {
      name: 'coredns',
      namespace: 'kube-system',
      labels: { app: 'coredns', 'k8s-app': 'kube-dns' },
      image: 'registry.k8s.io/coredns/coredns:v1.12.0',
      port: 53,
      replicas: 2,
      cpu: '100m',
      memory: '70Mi',
    },
    ...input.services.map(service => {
      const def = CATALOG_SERVICES[service];
      return {
        name: service,
        namespace: def.namespace,
        labels: {
          app: service,
          'app.kubernetes.io/name': service,
          [BACKSTAGE_KUBERNETES_ID_LABEL]: service,
        },
        image: def.image,
        port: def.port,
        replicas: def.replicas,
        cpu: def.cpu,
        memory: def.memory,
      };
    }),
  ];
  const namespaces = [
    ...new Set([
      'default',
      'kube-system',
      'kube-public',
      ...apps.map(a => a.namespace),
    ]),
  ];
  return [
    ...namespaces.map(name => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: input.rng.uuid(),
        creationTimestamp: created,
        labels: { 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    })),
    ...apps.flatMap(app => appObjects(app, nodes, input.rng, created)),
  ];
}
