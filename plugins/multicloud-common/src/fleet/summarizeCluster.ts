import type { Cloud } from '../model/cloud';
import type { ClusterSummary } from '../model/ClusterSummary';
import { clusterRef, type KubeObject } from '../model/kube';
import { MULTICLOUD_LABELS } from '../model/labels';
import { verdictOf } from '../health/computeVerdict';
import { toClusterObjects, type ClusterObjects } from './ClusterObjects';
import { countMachines } from './countMachines';
import { FieldReader } from './FieldReader';
import { apiVersionPart, labelOf, nameOf, namespaceOf } from './objects';
import {
  cloudOfKind,
  normalizeRegion,
  normalizeVersion,
  regionOf,
} from './providers';
import { clusterReplicasOf, sumReplicas } from './replicas';
import { clusterClassInfrastructureRef, directClustersOf } from './references';
import { follow, generatedKind, type SummaryContext } from './SummaryContext';
import { summarizeControlPlane } from './summarizeControlPlane';
import { summarizeWorkerPools } from './summarizeWorkerPools';
import { readTopology, topologyRegion } from './topology';

/**
 * Summarises the objects of one cluster. Never throws: a malformed object leaves a line in
 * `errors` and the cluster stays listed; a set without a Cluster object gives a summary
 * with verdict `unknown`.
 */
export function summarizeCluster(
  input: ClusterObjects | readonly KubeObject[],
): ClusterSummary {
  const objects = toClusterObjects(input);
  const reader = new FieldReader();
  const cluster = objects.cluster;
  if (!cluster || !nameOf(cluster)) {
    return placeholderSummary(objects, ['Cluster object not found']);
  }
  try {
    return buildSummary({
      objects,
      cluster,
      reader,
      topology: readTopology(cluster, reader),
    });
  } catch (e) {
    // Last guard: a shape no reader anticipated must not take the fleet down.
    return placeholderSummary(objects, [
      ...reader.errors,
      `could not summarise: ${String(e)}`,
    ]);
  }
}

function buildSummary(ctx: SummaryContext): ClusterSummary {
  const { objects, cluster, reader, topology } = ctx;
  const namespace = namespaceOf(cluster);
  const name = nameOf(cluster)!;
  const classInfra = objects.clusterClass
    ? follow(
        ctx,
        objects.clusterClass,
        clusterClassInfrastructureRef(objects.clusterClass),
      )
    : undefined;
  const infrastructureKind =
    reader.str(cluster, 'spec.infrastructureRef.kind') ??
    objects.infrastructure?.kind ??
    generatedKind(classInfra?.kind);
  const controlPlane = summarizeControlPlane(ctx);
  const cloud: Cloud =
    cloudOfKind(infrastructureKind) ??
    cloudOfKind(controlPlane?.kind) ??
    'other';
  const topologyRegionValue = topology && topologyRegion(topology);
  const region =
    regionOf(objects.infrastructure, reader) ??
    regionOf(objects.controlPlane, reader) ??
    (topologyRegionValue
      ? normalizeRegion(cloud, topologyRegionValue)
      : undefined) ??
    regionOf(classInfra, reader);

  const pools = summarizeWorkerPools(ctx);
  const machines = countMachines(ctx, controlPlane, pools);
  const health = verdictOf(objects, reader);
  const kubernetesVersion =
    controlPlane?.version ??
    normalizeVersion(topology?.version) ??
    normalizeVersion(
      objects.machineDeployments
        .map(md => reader.str(md, 'spec.template.spec.version'))
        .find(Boolean),
    );
  const phase = reader.str(cluster, 'status.phase');
  const createdAt = cluster.metadata?.creationTimestamp;

  return {
    ref: clusterRef(namespace, name),
    namespace,
    name,
    apiVersion: apiVersionPart(cluster.apiVersion),
    cloud,
    ...(region ? { region } : {}),
    ...(infrastructureKind ? { infrastructureKind } : {}),
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
    ...(phase ? { phase } : {}),
    ...(topology ? { topology: { classRef: topology.className } } : {}),
    ...(controlPlane ? { controlPlane } : {}),
    workers:
      clusterReplicasOf(cluster, 'workers', reader) ??
      sumReplicas(pools.map(p => p.replicas)),
    workerPools: pools.map(({ object: _object, ...pool }) => pool),
    machinesByInstanceType: machines.byInstanceType,
    machinesByPhase: machines.byPhase,
    labels: labelsOf(cluster),
    annotations: stringEntries(cluster.metadata?.annotations),
    health,
    errors: [...objects.problems, ...reader.errors],
    ...(typeof createdAt === 'string' ? { createdAt } : {}),
  };
}

function labelsOf(cluster: KubeObject): ClusterSummary['labels'] {
  const labels: ClusterSummary['labels'] = {};
  for (const [field, key] of Object.entries(MULTICLOUD_LABELS)) {
    const value = labelOf(cluster, key);
    if (value) labels[field as keyof ClusterSummary['labels']] = value;
  }
  return labels;
}

function stringEntries(map: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (map && typeof map === 'object') {
    for (const [k, v] of Object.entries(map))
      if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** For object sets without a usable Cluster: named after the cluster the objects point at. */
function placeholderSummary(
  objects: ClusterObjects,
  errors: string[],
): ClusterSummary {
  const first = objects.cluster ?? [...objects.byKey.values()][0];
  const ref = (first && directClustersOf(first)[0]) ?? 'unknown/unknown';
  const [namespace, name] = ref.split('/');
  return {
    ref,
    namespace,
    name,
    apiVersion: first ? apiVersionPart(first.apiVersion) : '',
    cloud: 'other',
    workers: { desired: 0, ready: 0, available: 0, upToDate: 0 },
    workerPools: [],
    machinesByInstanceType: {},
    machinesByPhase: {},
    labels: {},
    annotations: {},
    health: {
      verdict: 'unknown',
      reasons: [
        {
          object: ref,
          source: 'Cluster',
          message: errors[0],
          severity: 'warning',
        },
      ],
    },
    errors: [...objects.problems, ...errors],
  };
}
