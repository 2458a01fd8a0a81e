import type { ObjectStore } from '../api/store';
import type { KubeObject } from '../api/types';
import {
  applyInfraMachinePhase,
  applyMachinePhase,
  newInfraMachine,
  newMachine,
  type MachineContext,
  type MachinePhase,
} from '../capi/machines';
import { cloudOfKind, PROVIDERS } from '../capi/providers';
import { storageKey } from '../api/registry';
import { readRef, type CapiVersion } from '../capi/refs';
import { readReferenced } from './view';
import type { Writer } from './writer';

/** A KubeadmControlPlane or MachineSet and what its new machines are made of. */
export interface MachineOwner {
  owner: KubeObject;
  desired: number;
  machines: KubeObject[];
  labels: Record<string, string>;
  infraTemplateRef: unknown;
  bootstrapKind: 'KubeadmConfig' | 'EKSConfig';
  version: CapiVersion;
  kubernetesVersion: string;
}

export interface StepContext {
  writer: Writer;
  store: ObjectStore;
  machine: MachineContext;
  namespace: string;
  clusterName: string;
  now: string;
  nameSuffix(): string;
  /** A failed cluster's machines do not progress (deletions still complete). */
  frozen: boolean;
}

function infraMachineOf(
  ctx: StepContext,
  machine: KubeObject,
): KubeObject | undefined {
  return readReferenced(
    ctx.store,
    ctx.namespace,
    machine.spec?.infrastructureRef,
  );
}

export function setPhase(
  ctx: StepContext,
  machine: KubeObject,
  phase: MachinePhase,
): void {
  const providerID = machine.spec.providerID;
  applyMachinePhase(machine, phase, ctx.machine, ctx.now);
  if (machine.spec.providerID !== providerID) ctx.writer.update(machine);
  ctx.writer.updateStatus(machine);
  const infra = infraMachineOf(ctx, machine);
  if (infra) {
    const infraProviderID = infra.spec.providerID;
    applyInfraMachinePhase(infra, machine, phase, ctx.machine);
    if (infra.spec.providerID !== infraProviderID) ctx.writer.update(infra);
    ctx.writer.updateStatus(infra);
  }
}

function createMachine(ctx: StepContext, owner: MachineOwner): KubeObject {
  const ref = readRef(owner.infraTemplateRef);
  const template = readReferenced(
    ctx.store,
    ctx.namespace,
    owner.infraTemplateRef,
  );
  const provider =
    PROVIDERS[cloudOfKind(ref?.kind) ?? ctx.machine.provider.cloud];
  const zones = provider.zones(ctx.machine.region);
  const index = owner.machines.length;
  const draft = newMachine({
    version: owner.version,
    namespace: ctx.namespace,
    name: freeMachineName(ctx, owner.owner.metadata!.name!),
    clusterName: ctx.clusterName,
    kubernetesVersion: owner.kubernetesVersion,
    zone: zones[index % zones.length],
    labels: owner.labels,
    owner: {
      apiVersion: owner.owner.apiVersion!,
      kind: owner.owner.kind!,
      name: owner.owner.metadata!.name!,
      uid: owner.owner.metadata!.uid!,
    },
    bootstrapKind: owner.bootstrapKind,
    infra: {
      apiVersion: template?.apiVersion ?? provider.infraApiVersion,
      kind: provider.machineKind,
    },
    uid: '',
    creationTimestamp: ctx.now,
  });
  const machine = ctx.writer.create(draft);
  if (template) {
    ctx.writer.create(
      newInfraMachine(
        machine,
        provider,
        template.spec?.template?.spec ?? {},
        '',
      ),
    );
  }
  setPhase(ctx, machine, 'Provisioning');
  return machine;
}

/**
 * A random suffix can repeat one already in use in a large fleet (the generator draws from
 * the same alphabet); a real API server would answer 409, so draw again instead.
 */
function freeMachineName(ctx: StepContext, ownerName: string): string {
  const key = storageKey('cluster.x-k8s.io', 'Machine');
  for (;;) {
    const name = `${ownerName}-${ctx.nameSuffix()}`;
    if (!ctx.store.get(key, ctx.namespace, name)) return name;
  }
}

/** Starts deleting a machine (its finalizer keeps it, phase Deleting, until the next step). */
export function startDeletion(ctx: StepContext, machine: KubeObject): void {
  if (!ctx.writer.delete(machine)) setPhase(ctx, machine, 'Deleting');
}

/** Completes a machine's deletion: its infrastructure machine goes, then the finalizer. */
export function finishDeletion(ctx: StepContext, machine: KubeObject): void {
  const infra = infraMachineOf(ctx, machine);
  if (infra) ctx.writer.delete(infra);
  machine.metadata!.finalizers = [];
  ctx.writer.update(machine);
}

function newestFirst(a: KubeObject, b: KubeObject): number {
  const failed = (m: KubeObject) => (m.status?.phase === 'Failed' ? 1 : 0);
  return (
    failed(b) - failed(a) ||
    (b.metadata!.creationTimestamp ?? '').localeCompare(
      a.metadata!.creationTimestamp ?? '',
    ) ||
    b.metadata!.name!.localeCompare(a.metadata!.name!)
  );
}

/**
 * One reconcile step of an owner's machines: finish deletions, bring provisioning machines
 * up, then create missing or start deleting surplus machines. Returns the owner's machines
 * after the step (removed ones dropped, new ones added).
 */
export function stepMachines(
  ctx: StepContext,
  owner: MachineOwner,
): KubeObject[] {
  const remaining: KubeObject[] = [];
  for (const machine of owner.machines) {
    if (!machine.metadata?.deletionTimestamp) {
      remaining.push(machine);
      continue;
    }
    finishDeletion(ctx, machine);
  }
  if (ctx.frozen) return remaining;
  for (const machine of remaining) {
    if (machine.status?.phase === 'Provisioning' || !machine.status?.phase)
      setPhase(ctx, machine, 'Running');
  }
  const live = remaining.length;
  if (live < owner.desired) {
    for (let i = live; i < owner.desired; i++) {
      remaining.push(createMachine(ctx, { ...owner, machines: remaining }));
    }
  } else if (live > owner.desired) {
    for (const machine of [...remaining]
      .sort(newestFirst)
      .slice(0, live - owner.desired)) {
      startDeletion(ctx, machine);
    }
  }
  return remaining;
}
