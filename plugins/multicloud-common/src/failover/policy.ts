import type { ComplianceRules } from '../compliance/rules';
import type { ClusterSummary } from '../model/ClusterSummary';
import type { ClusterRef } from '../model/kube';
import {
  qualifiedClusterRef,
  qualifyingManagementCluster,
} from '../fleet/clusterIdentity';
import { MULTICLOUD_ANNOTATIONS } from '../model/labels';
import { FAILED_OVER_STATE } from './annotations';
import { targetProblems } from './targetProblems';
import {
  FAILOVER_MODES,
  type FailoverDefaults,
  type FailoverMode,
} from './types';

// namespace/name, both DNS-1123 (namespace: label, name: subdomain).
const REF_PATTERN =
  /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\/[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export interface TargetEvaluation {
  ref: ClusterRef;
  valid: boolean;
  /** Why the target cannot be used; empty when valid. */
  reasons: string[];
}

/** A cluster's failover policy as declared on its Cluster object, checked against the fleet. */
export interface FailoverPolicyReport {
  cluster: ClusterRef;
  mode: FailoverMode;
  modeSource: 'annotation' | 'default';
  /** Runs start without a person: mode `automatic` and automatic failover enabled in config. */
  automatic: boolean;
  /** Declared targets in order, each with its verdict. */
  targets: TargetEvaluation[];
  /** The first valid target: where a failover goes. */
  target?: ClusterRef;
  /** A target was chosen. */
  valid: boolean;
  /** Problems with the declaration itself (malformed entries, unknown mode, no valid target). */
  problems: string[];
  /** The primary carries `multicloud.io/failover-state: failed-over`. */
  failedOver: boolean;
}

/** Whether the Cluster declares a failover policy (a target list or a mode). */
export function declaresFailoverPolicy(cluster: ClusterSummary): boolean {
  const a = cluster.annotations;
  return (
    a[MULTICLOUD_ANNOTATIONS.failoverTarget] !== undefined ||
    a[MULTICLOUD_ANNOTATIONS.failoverMode] !== undefined
  );
}

/**
 * Parses and validates the policy annotations of `cluster`; `undefined` when it declares
 * none. Nothing is silently dropped: every malformed entry, unknown mode or unusable target
 * is reported with its reason, and the chosen target is the first valid one.
 */
export function evaluateFailoverPolicy(
  cluster: ClusterSummary,
  lookup: (ref: ClusterRef) => ClusterSummary | undefined,
  rules: ComplianceRules,
  defaults: FailoverDefaults,
): FailoverPolicyReport | undefined {
  if (!declaresFailoverPolicy(cluster)) return undefined;
  const problems: string[] = [];
  const { mode, modeSource } = readMode(cluster, defaults, problems);
  const refs = readTargets(cluster, problems);
  const targets = refs.map(ref => {
    const reasons = targetProblems(cluster, ref, lookup(ref), rules);
    return { ref, valid: reasons.length === 0, reasons };
  });
  const target = targets.find(t => t.valid)?.ref;
  if (refs.length === 0) {
    problems.push(
      `no failover target: set ${MULTICLOUD_ANNOTATIONS.failoverTarget} to namespace/name[,namespace/name...]`,
    );
  } else if (!target) {
    problems.push('none of the declared targets is usable');
  }
  const automatic = mode === 'automatic' && defaults.automaticEnabled;
  if (mode === 'automatic' && !defaults.automaticEnabled) {
    problems.push(
      'mode is automatic but multicloud.failover.automatic is off: runs need a person',
    );
  }
  return {
    cluster: cluster.ref,
    mode,
    modeSource,
    automatic,
    targets,
    ...(target ? { target } : {}),
    valid: target !== undefined,
    problems,
    failedOver:
      cluster.annotations[MULTICLOUD_ANNOTATIONS.failoverState] ===
      FAILED_OVER_STATE,
  };
}

function readMode(
  cluster: ClusterSummary,
  defaults: FailoverDefaults,
  problems: string[],
): { mode: FailoverMode; modeSource: FailoverPolicyReport['modeSource'] } {
  const raw = cluster.annotations[MULTICLOUD_ANNOTATIONS.failoverMode];
  if (raw === undefined)
    return { mode: defaults.defaultMode, modeSource: 'default' };
  const value = raw.trim();
  if ((FAILOVER_MODES as readonly string[]).includes(value)) {
    return { mode: value as FailoverMode, modeSource: 'annotation' };
  }
  problems.push(
    `${
      MULTICLOUD_ANNOTATIONS.failoverMode
    } '${raw}' must be one of ${FAILOVER_MODES.join(', ')}; using the default ${
      defaults.defaultMode
    }`,
  );
  return { mode: defaults.defaultMode, modeSource: 'default' };
}

function readTargets(
  cluster: ClusterSummary,
  problems: string[],
): ClusterRef[] {
  const raw = cluster.annotations[MULTICLOUD_ANNOTATIONS.failoverTarget] ?? '';
  const refs: ClusterRef[] = [];
  for (const entry of raw
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)) {
    if (!REF_PATTERN.test(entry)) {
      problems.push(`target '${entry}' is not namespace/name`);
      continue;
    }
    const ref = targetRef(cluster, entry);
    if (refs.includes(ref)) {
      problems.push(`target ${ref} is listed twice`);
    } else {
      refs.push(ref);
    }
  }
  return refs;
}

/**
 * The annotation lives on the Cluster object in its management cluster, so its
 * `namespace/name` targets are clusters of that same management cluster.
 */
function targetRef(cluster: ClusterSummary, entry: string): ClusterRef {
  const managementCluster = qualifyingManagementCluster(cluster);
  if (!managementCluster) return entry;
  const [namespace, name] = entry.split('/');
  return qualifiedClusterRef(managementCluster, namespace, name);
}
