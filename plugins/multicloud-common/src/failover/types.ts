import type { ClusterRef } from '../model/kube';

export const FAILOVER_MODES = ['manual', 'automatic'] as const;
export type FailoverMode = (typeof FAILOVER_MODES)[number];

export const FAILOVER_ACTIONS = ['failover', 'failback'] as const;
export type FailoverAction = (typeof FAILOVER_ACTIONS)[number];

/** Config defaults for policies (`multicloud.failover.defaultMode`, `.automatic`). */
export interface FailoverDefaults {
  /** Mode of a policy whose Cluster has no `multicloud.io/failover-mode` annotation. */
  defaultMode: FailoverMode;
  /** Whether `automatic` policies may start runs at all; off, they behave as `manual`. */
  automaticEnabled: boolean;
}

export const DEFAULT_FAILOVER_DEFAULTS: FailoverDefaults = {
  defaultMode: 'manual',
  automaticEnabled: false,
};

/** The Kubernetes object a step reads or patches on the management cluster. */
export interface ObjectTarget {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  /** Set when the fleet spans several management clusters: the one that holds the object. */
  managementCluster?: string;
}

/**
 * An RFC 7386 JSON merge patch restricted to objects and scalars: `null` removes a field.
 * No arrays, because a merge patch replaces arrays wholesale and no failover step needs one.
 */
export interface MergePatch {
  [key: string]: MergePatchValue;
}
export type MergePatchValue = string | number | boolean | null | MergePatch;

export const MERGE_PATCH_CONTENT_TYPE = 'application/merge-patch+json';

export type FailoverStepAction =
  | 'scale-standby'
  | 'wait-standby'
  | 'shift-traffic'
  | 'mark-primary'
  | 'istio-locality-failover'
  | 'restore-traffic'
  | 'restore-standby'
  | 'unmark-primary'
  | 'istio-locality-failback';

interface StepBase {
  /** Stable within a plan, e.g. `scale-standby:default/azure-md-0`. */
  id: string;
  action: FailoverStepAction;
  title: string;
  /** What "already done" means for this step, in words; the executor checks it before writing. */
  doneWhen: string;
  timeoutSeconds: number;
}

/** One merge patch on one object. Done when every patched field already has its value. */
export interface PatchStep extends StepBase {
  type: 'patch';
  target: ObjectTarget;
  patchType: typeof MERGE_PATCH_CONTENT_TYPE;
  patch: MergePatch;
}

/** Waits until each MachineDeployment reports at least `availableReplicas`. */
export interface WaitStep extends StepBase {
  type: 'wait';
  targets: Array<{ target: ObjectTarget; availableReplicas: number }>;
}

/** A change to propose through GitOps; shown in the plan, never executed by the portal. */
export interface GitOpsStep extends StepBase {
  type: 'gitops';
  description: string;
  /** The manifest (or fragment) the change would commit. */
  manifest: Record<string, unknown>;
}

export type PlanStep = PatchStep | WaitStep | GitOpsStep;

/** A change a failover run applied, with the values it replaced (recorded before its first write). */
export interface RecordedChange {
  action: FailoverStepAction;
  target: ObjectTarget;
  revert: MergePatch;
}

/** How much worker capacity the standby gains, and from which pools. */
export interface CapacityPlan {
  /** `vcpu` when every pool involved has an instance type the price book knows; else `nodes`. */
  unit: 'vcpu' | 'nodes';
  /** Why that unit, in words. */
  basis: string;
  /** Worker capacity of the primary (desired replicas), the amount the standby must add. */
  needed: number;
  /** Capacity the planned pools add. */
  added: number;
  pools: Array<{
    name: string;
    instanceType?: string;
    /** Capacity of one node in `unit`. */
    perNode: number;
    /** Nodes this failover adds to the pool; pools with 0 get no step. */
    nodesAdded: number;
    /** The pool's size before any failover (a retried failover plans from the first run's record). */
    replicasBefore: number;
    replicasAfter: number;
    minBefore: number;
    minAfter: number;
    max: number;
  }>;
}

export interface FailoverPlan {
  action: FailoverAction;
  primary: ClusterRef;
  standby: ClusterRef;
  /** Failover only. */
  capacity?: CapacityPlan;
  steps: PlanStep[];
  warnings: string[];
}

/**
 * Why no plan: `target` when the standby itself is not acceptable (missing, unhealthy,
 * non-compliant), `capacity` when it cannot cover the primary, `state` when the clusters
 * are not in a state the action applies to.
 */
export interface PlanRefusal {
  kind: 'target' | 'capacity' | 'state';
  reason: string;
}

export type PlanResult =
  | { ok: true; plan: FailoverPlan }
  | { ok: false; refusals: PlanRefusal[] };
