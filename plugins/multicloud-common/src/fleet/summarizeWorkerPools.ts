import type { WorkerPoolSummary } from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../model/labels';
import type { FieldReader } from './FieldReader';
import { labelOf, nameOf } from './objects';
import { instanceTypeOf, poolScalingOf } from './providers';
import { clusterClassWorkerTemplateRef } from './references';
import { replicasOf, ZERO_REPLICAS } from './replicas';
import { follow, type SummaryContext } from './SummaryContext';
import {
  TOPOLOGY_LABELS,
  topologyWorkerType,
  type TopologyPool,
} from './topology';

/** A worker pool plus the object it was read from (absent for topology pools not generated yet). */
export interface WorkerPool extends WorkerPoolSummary {
  object?: KubeObject;
}

/**
 * MachineDeployments and MachinePools, then topology pools that have no generated object
 * yet (their desired replicas, so a new topology cluster can be priced before it exists).
 */
export function summarizeWorkerPools(ctx: SummaryContext): WorkerPool[] {
  const { objects, topology, reader } = ctx;
  const pools: WorkerPool[] = [];
  const generated = new Set<string>();

  const fromObject = (obj: KubeObject, kind: WorkerPool['kind']) => {
    const name = nameOf(obj);
    if (!name) return;
    const infraRef = obj.spec?.template?.spec?.infrastructureRef;
    const infra = follow(ctx, obj, infraRef);
    const topologyName = labelOf(
      obj,
      kind === 'MachineDeployment'
        ? TOPOLOGY_LABELS.deploymentName
        : TOPOLOGY_LABELS.poolName,
    );
    if (topologyName) generated.add(`${kind}/${topologyName}`);
    const topologyPool = topologyName
      ? topologyPoolOf(ctx, kind, topologyName)
      : undefined;
    const autoscaler =
      autoscalerOf(obj.metadata?.annotations, obj, reader) ??
      poolScalingOf(infra, reader);
    const instanceType =
      instanceTypeOf(infra, reader) ??
      (topologyPool && instanceTypeOfTopologyPool(ctx, kind, topologyPool));
    pools.push({
      name,
      kind,
      replicas: replicasOf(obj, reader),
      ...(autoscaler ? { autoscaler } : {}),
      ...(instanceType ? { instanceType } : {}),
      object: obj,
    });
  };
  objects.machineDeployments.forEach(md => fromObject(md, 'MachineDeployment'));
  objects.machinePools.forEach(mp => fromObject(mp, 'MachinePool'));

  if (topology) {
    const placeholders = (list: TopologyPool[], kind: WorkerPool['kind']) => {
      for (const pool of list) {
        if (generated.has(`${kind}/${pool.name}`)) continue;
        const autoscaler = autoscalerOf(
          pool.annotations,
          ctx.cluster,
          ctx.reader,
        );
        const instanceType = instanceTypeOfTopologyPool(ctx, kind, pool);
        pools.push({
          name: pool.name,
          kind,
          // CAPI creates the MachineDeployment with 1 replica when the topology leaves it to the autoscaler.
          replicas: {
            ...ZERO_REPLICAS,
            desired: pool.replicas ?? autoscaler?.min ?? 1,
          },
          ...(autoscaler ? { autoscaler } : {}),
          ...(instanceType ? { instanceType } : {}),
        });
      }
    };
    placeholders(topology.machineDeployments, 'MachineDeployment');
    placeholders(topology.machinePools, 'MachinePool');
  }
  return pools;
}

function topologyPoolOf(
  ctx: SummaryContext,
  kind: WorkerPool['kind'],
  name: string,
): TopologyPool | undefined {
  const list =
    kind === 'MachineDeployment'
      ? ctx.topology?.machineDeployments
      : ctx.topology?.machinePools;
  return list?.find(p => p.name === name);
}

function instanceTypeOfTopologyPool(
  ctx: SummaryContext,
  kind: WorkerPool['kind'],
  pool: TopologyPool,
): string | undefined {
  const fromVariables = topologyWorkerType(pool);
  if (fromVariables) return fromVariables;
  const clusterClass = ctx.objects.clusterClass;
  if (!clusterClass) return undefined;
  const classes =
    kind === 'MachineDeployment' ? 'machineDeployments' : 'machinePools';
  const template = follow(
    ctx,
    clusterClass,
    clusterClassWorkerTemplateRef(clusterClass, classes, pool.class),
  );
  return instanceTypeOf(template, ctx.reader);
}

/**
 * Cluster-autoscaler bounds from the `cluster.x-k8s.io/cluster-api-autoscaler-node-group-{min,max}-size`
 * annotations, on a MachineDeployment/MachinePool or in a topology pool's metadata (then
 * problems are reported on the Cluster).
 */
function autoscalerOf(
  annotations: Record<string, string> | undefined,
  subject: KubeObject,
  reader: FieldReader,
): { min: number; max: number } | undefined {
  const count = (key: string) => {
    const raw = annotations?.[key];
    if (raw === undefined) return undefined;
    if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw);
    reader.report(
      subject,
      `annotation ${key} should be a whole number, got ${JSON.stringify(raw)}`,
    );
    return undefined;
  };
  const min = count(CAPI_AUTOSCALER_ANNOTATIONS.minSize);
  const max = count(CAPI_AUTOSCALER_ANNOTATIONS.maxSize);
  if (min === undefined || max === undefined) return undefined;
  if (min > max) {
    reader.report(
      subject,
      `autoscaler min-size ${min} is greater than max-size ${max}`,
    );
    return undefined;
  }
  return { min, max };
}
