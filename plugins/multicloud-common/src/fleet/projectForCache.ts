import type { KubeObject } from '../model/kube';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Machine fields no reader of the fleet model uses (summaries, verdicts, condition tree,
 * machine rows, compliance, cost): node inventory, addresses, bootstrap wiring. Machines
 * are most of a fleet's objects (20 per cluster), so these are most of the cache's memory.
 * A drop list rather than a keep list: a field added to a reader later is never silently
 * missing, and only these known-unread ones are gone.
 */
const MACHINE_SPEC_DROPPED = new Set([
  'bootstrap',
  'failureDomain',
  'nodeDrainTimeout',
  'nodeDeletionTimeout',
  'nodeVolumeDetachTimeout',
  'deletion',
  'readinessGates',
  'minReadySeconds',
]);
const MACHINE_STATUS_DROPPED = new Set([
  'addresses',
  'nodeInfo',
  'lastUpdated',
  'certificatesExpiryDate',
  'deletion',
  'observedGeneration',
]);
const METADATA_DROPPED = new Set(['managedFields', 'finalizers', 'uid']);
const CONDITION_DROPPED = new Set(['observedGeneration']);

/**
 * What the watch cache keeps of an object. Every kind loses `managedFields`, finalizers,
 * uid and the last-applied annotation (client-go's informers drop the same with a
 * transform: they can double an object's size and nothing reads them); Machines also lose
 * the fields listed above. Objects are rebuilt, never mutated: the input may be shared.
 */
export function projectForCache(obj: KubeObject): KubeObject {
  const out: KubeObject = { ...obj };
  if (obj.metadata && typeof obj.metadata === 'object') {
    out.metadata = projectMetadata(obj.metadata);
  }
  if (obj.kind === 'Machine') {
    if (isRecord(obj.spec)) out.spec = without(obj.spec, MACHINE_SPEC_DROPPED);
    if (isRecord(obj.status)) out.status = projectMachineStatus(obj.status);
  }
  return out;
}

function projectMetadata(
  metadata: NonNullable<KubeObject['metadata']>,
): KubeObject['metadata'] {
  const out = without(metadata, METADATA_DROPPED) as NonNullable<
    KubeObject['metadata']
  >;
  const annotations = metadata.annotations;
  if (isRecord(annotations) && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
    out.annotations = rest;
  }
  return out;
}

function projectMachineStatus(
  status: Record<string, unknown>,
): Record<string, unknown> {
  const out = without(status, MACHINE_STATUS_DROPPED);
  if (Array.isArray(status.conditions)) {
    out.conditions = status.conditions.map(c =>
      isRecord(c) && 'observedGeneration' in c
        ? without(c, CONDITION_DROPPED)
        : c,
    );
  }
  return out;
}

function without(
  record: Record<string, any>,
  dropped: ReadonlySet<string>,
): Record<string, any> {
  const out: Record<string, any> = {};
  for (const key of Object.keys(record)) {
    if (!dropped.has(key)) out[key] = record[key];
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
