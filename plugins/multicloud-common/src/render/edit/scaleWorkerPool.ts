import { CAPI_AUTOSCALER_ANNOTATIONS } from '../../model/labels';
import {
  ManifestEditError,
  ManifestSet,
  type ManifestEditResult,
  type ManifestEntry,
  type ManifestFileInput,
} from './ManifestSet';

export interface ScaleRequest {
  /** MachineDeployment, MachinePool or topology worker name; default: every worker pool. */
  pool?: string;
  minNodes: number;
  maxNodes: number;
}

/** Managed node pools scaled by the cloud's own autoscaler, and where their bounds live. */
const NATIVE_SCALING: Record<string, { min: string; max: string }> = {
  AzureManagedMachinePool: { min: 'minSize', max: 'maxSize' },
  GCPManagedMachinePool: { min: 'minCount', max: 'maxCount' },
};

const clamp = (n: number, min: number, max: number) =>
  Math.min(max, Math.max(min, n));

function validate({ minNodes, maxNodes }: ScaleRequest): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(minNodes) || minNodes < 0)
    problems.push('minNodes: must be a whole number >= 0');
  if (!Number.isInteger(maxNodes) || maxNodes < 1)
    problems.push('maxNodes: must be a whole number >= 1');
  if (problems.length === 0 && minNodes > maxNodes)
    problems.push(
      `minNodes (${minNodes}) must not exceed maxNodes (${maxNodes})`,
    );
  return problems;
}

/** A pool's explicit `replicas`, kept inside the new bounds (absent replicas belong to the autoscaler). */
function clampReplicas(
  set: ManifestSet,
  entry: ManifestEntry,
  path: Array<string | number>,
  value: unknown,
  req: ScaleRequest,
  step = 1,
) {
  if (typeof value !== 'number') return;
  let replicas = clamp(value, req.minNodes, req.maxNodes);
  replicas = Math.ceil(replicas / step) * step;
  if (replicas > req.maxNodes) {
    throw new ManifestEditError([
      `${entry.label} spans ${step} zones: its replicas must be a multiple of ${step}, and none lies within ${req.minNodes}–${req.maxNodes}`,
    ]);
  }
  set.set(entry, path, replicas);
}

function annotate(
  set: ManifestSet,
  entry: ManifestEntry,
  base: Array<string | number>,
  req: ScaleRequest,
) {
  set.set(
    entry,
    [...base, CAPI_AUTOSCALER_ANNOTATIONS.minSize],
    String(req.minNodes),
  );
  set.set(
    entry,
    [...base, CAPI_AUTOSCALER_ANNOTATIONS.maxSize],
    String(req.maxNodes),
  );
}

/**
 * New autoscaling bounds for worker pools: the cluster-autoscaler annotations of a
 * MachineDeployment (or topology worker), or the managed pool's own `spec.scaling` for AKS
 * and GKE. Explicit replicas are moved inside the bounds; GKE pools keep replicas a multiple
 * of their zones (CAPG refuses others).
 */
export function scaleWorkerPool(
  files: readonly ManifestFileInput[],
  request: ScaleRequest,
): ManifestEditResult {
  const problems = validate(request);
  if (problems.length) throw new ManifestEditError(problems);
  const set = new ManifestSet(files);
  const entries = set.entries();
  const wanted = (name: string | undefined) =>
    !request.pool || request.pool === name;
  const available: string[] = [];
  let matched = 0;

  for (const entry of entries) {
    const { kind, metadata, spec } = entry.object;
    if (kind === 'MachineDeployment') {
      available.push(metadata?.name);
      if (!wanted(metadata?.name)) continue;
      matched++;
      annotate(set, entry, ['metadata', 'annotations'], request);
      clampReplicas(set, entry, ['spec', 'replicas'], spec?.replicas, request);
      if (
        request.minNodes === 0 &&
        !metadata?.annotations?.[
          'capacity.cluster-autoscaler.kubernetes.io/cpu'
        ]
      ) {
        set.notes.push(
          `${entry.label} may now scale to zero: the autoscaler needs the capacity.cluster-autoscaler.kubernetes.io/{cpu,memory} annotations or the machine template's status.capacity to scale it up again.`,
        );
      }
    } else if (kind === 'Cluster') {
      const pools: any[] = spec?.topology?.workers?.machineDeployments ?? [];
      for (const [i, pool] of pools.entries()) {
        available.push(pool?.name);
        if (!wanted(pool?.name)) continue;
        matched++;
        const base = ['spec', 'topology', 'workers', 'machineDeployments', i];
        annotate(set, entry, [...base, 'metadata', 'annotations'], request);
        clampReplicas(
          set,
          entry,
          [...base, 'replicas'],
          pool?.replicas,
          request,
        );
      }
    } else if (kind === 'MachinePool') {
      available.push(metadata?.name);
      if (!wanted(metadata?.name)) continue;
      matched++;
      const ref = spec?.template?.spec?.infrastructureRef;
      const infra = entries.find(
        e =>
          e.object.kind === ref?.kind && e.object.metadata?.name === ref?.name,
      );
      const native = infra && NATIVE_SCALING[infra.object.kind];
      let zones = 1;
      if (infra && native) {
        if (
          infra.object.kind === 'AzureManagedMachinePool' &&
          infra.object.spec?.mode === 'System' &&
          request.minNodes < 1
        ) {
          throw new ManifestEditError([
            `${infra.label} is an AKS System pool: it needs at least one node`,
          ]);
        }
        if (infra.object.kind === 'GCPManagedMachinePool') {
          zones = infra.object.spec?.nodeLocations?.length || 3;
        }
        set.set(infra, ['spec', 'scaling', native.min], request.minNodes);
        set.set(infra, ['spec', 'scaling', native.max], request.maxNodes);
      } else {
        annotate(set, entry, ['metadata', 'annotations'], request);
      }
      clampReplicas(
        set,
        entry,
        ['spec', 'replicas'],
        spec?.replicas,
        request,
        zones,
      );
    }
  }
  if (matched === 0) {
    throw new ManifestEditError([
      request.pool
        ? `no worker pool named '${request.pool}' (pools: ${
            available.filter(Boolean).join(', ') || 'none'
          })`
        : 'no worker pool (MachineDeployment, MachinePool or topology worker) found',
    ]);
  }
  if (set.result().changes.length === 0) {
    set.notes.push(
      `The pools already scale between ${request.minNodes} and ${request.maxNodes} nodes: nothing to change.`,
    );
  }
  return set.result();
}
