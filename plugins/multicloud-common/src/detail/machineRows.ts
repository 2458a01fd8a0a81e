import { CAPI_LABELS } from '../model/labels';
import type { KubeObject } from '../model/kube';

/** One Machine of a cluster as the detail view lists it. */
export interface MachineRow {
  name: string;
  namespace: string;
  role: 'control-plane' | 'worker';
  /** MachineDeployment or MachinePool name for workers. */
  pool?: string;
  phase: string;
  version?: string;
  nodeName?: string;
  providerID?: string;
  /** Why a machine failed or is not ready, from `status.failureMessage` or its Ready condition. */
  problem?: string;
  createdAt?: string;
}

/**
 * The Machines among a cluster's objects, control plane first, then by pool and name.
 * Reads defensively: a malformed machine still yields a row with what it has.
 */
export function machineRows(objects: readonly KubeObject[]): MachineRow[] {
  const rows = objects
    .filter(
      o =>
        o?.kind === 'Machine' && o.apiVersion?.startsWith('cluster.x-k8s.io/'),
    )
    .map(toRow);
  const roleOrder = (row: MachineRow) => (row.role === 'control-plane' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      roleOrder(a) - roleOrder(b) ||
      (a.pool ?? '').localeCompare(b.pool ?? '') ||
      a.name.localeCompare(b.name),
  );
}

function toRow(machine: KubeObject): MachineRow {
  const labels = machine.metadata?.labels ?? {};
  const status = isRecord(machine.status) ? machine.status : {};
  const spec = isRecord(machine.spec) ? machine.spec : {};
  const conditions: any[] = Array.isArray(status.conditions)
    ? status.conditions
    : [];
  const notReady = conditions.find(
    c => c?.type === 'Ready' && c?.status !== 'True',
  );
  const problem =
    stringOf(status.failureMessage) ??
    stringOf(status.deprecated?.v1beta1?.failureMessage) ??
    (notReady
      ? stringOf(notReady.message) ?? stringOf(notReady.reason)
      : undefined);
  return {
    name: machine.metadata?.name ?? '(unnamed)',
    namespace: machine.metadata?.namespace ?? 'default',
    role: CAPI_LABELS.controlPlane in labels ? 'control-plane' : 'worker',
    pool:
      labels[CAPI_LABELS.deploymentName] ?? labels[CAPI_LABELS.machinePoolName],
    phase: stringOf(status.phase) ?? 'Unknown',
    version: stringOf(spec.version),
    nodeName: stringOf(status.nodeRef?.name),
    providerID: stringOf(spec.providerID),
    problem,
    createdAt: machine.metadata?.creationTimestamp,
  };
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
