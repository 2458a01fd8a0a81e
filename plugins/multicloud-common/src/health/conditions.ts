import type { Condition, KubeObject } from '../model/kube';
import type { FieldReader } from '../fleet/FieldReader';
import { apiGroupOf, apiVersionPart } from '../fleet/objects';

/**
 * An object's conditions in both Cluster API vocabularies:
 *  - `v1beta2`: metav1.Condition (no severity). On v1beta2 core objects they are
 *    `status.conditions`; v1beta1 core objects written by CAPI ≥ 1.9 carry them under
 *    `status.v1beta2.conditions`.
 *  - `v1beta1`: CAPI's own Condition with `severity` (Error > Warning > Info). On v1beta1
 *    objects they are `status.conditions`; v1beta2 core objects keep them under
 *    `status.deprecated.v1beta1.conditions`. Provider objects (AWSCluster, AzureCluster,
 *    AWSManagedControlPlane, ...) still use this shape whatever their own API version.
 */
export interface ConditionSets {
  v1beta2?: Condition[];
  v1beta1?: Condition[];
}

const V1BETA2_CONDITION_GROUPS = new Set([
  'cluster.x-k8s.io',
  'addons.cluster.x-k8s.io',
]);
const KUBEADM_GROUPS = new Set([
  'controlplane.cluster.x-k8s.io',
  'bootstrap.cluster.x-k8s.io',
]);

/** Whether `status.conditions` are metav1 conditions: core CAPI kinds served as v1beta2. */
function usesV1beta2Conditions(obj: KubeObject): boolean {
  if (apiVersionPart(obj.apiVersion) !== 'v1beta2') return false;
  const group = apiGroupOf(obj.apiVersion);
  return (
    V1BETA2_CONDITION_GROUPS.has(group) ||
    (KUBEADM_GROUPS.has(group) && !!obj.kind?.startsWith('Kubeadm'))
  );
}

export function conditionsOf(
  obj: KubeObject | undefined,
  reader: FieldReader,
): ConditionSets {
  if (!obj) return {};
  if (usesV1beta2Conditions(obj)) {
    return {
      v1beta2: readList(obj, 'status.conditions', reader),
      v1beta1: readList(obj, 'status.deprecated.v1beta1.conditions', reader),
    };
  }
  return {
    v1beta2: readList(obj, 'status.v1beta2.conditions', reader),
    v1beta1: readList(obj, 'status.conditions', reader),
  };
}

const STATUSES = new Set(['True', 'False', 'Unknown']);

function readList(
  obj: KubeObject,
  path: string,
  reader: FieldReader,
): Condition[] | undefined {
  const list = reader.list(obj, path);
  if (!list) return undefined;
  const conditions: Condition[] = [];
  for (const entry of list) {
    const c = entry as Partial<Condition> | null;
    if (c && typeof c.type === 'string' && STATUSES.has(c.status as string)) {
      conditions.push(c as Condition);
    } else {
      reader.report(
        obj,
        `${path} has an entry without a valid type and status`,
      );
    }
  }
  return conditions;
}

function findCondition(
  list: readonly Condition[] | undefined,
  type: string,
): Condition | undefined {
  return list?.find(c => c.type === type);
}

/** The condition of that type, preferring the v1beta2 vocabulary. */
export function pickCondition(
  sets: ConditionSets,
  v1beta2Type: string,
  v1beta1Type: string = v1beta2Type,
): { condition: Condition; style: 'v1beta2' | 'v1beta1' } | undefined {
  const modern = findCondition(sets.v1beta2, v1beta2Type);
  if (modern) return { condition: modern, style: 'v1beta2' };
  const legacy = findCondition(sets.v1beta1, v1beta1Type);
  return legacy ? { condition: legacy, style: 'v1beta1' } : undefined;
}

export type Severity = 'error' | 'warning' | 'info' | 'none';

/**
 * How bad a condition is. v1beta1 says it (`severity`); v1beta2 dropped severity on purpose,
 * so a v1beta2 condition in its abnormal state reads as a warning and the verdict, not the
 * colour, carries the judgement. `negative` marks negative-polarity types (Deleting,
 * RollingOut, ScalingUp...), whose normal state is False.
 */
export function severityOf(
  condition: Condition | undefined,
  negative = false,
): Severity {
  if (!condition) return 'none';
  if (condition.status === 'Unknown') return 'info';
  const abnormal = negative
    ? condition.status === 'True'
    : condition.status === 'False';
  if (!abnormal) return 'none';
  switch (condition.severity) {
    case 'Error':
      return 'error';
    case 'Info':
      return 'info';
    default:
      return 'warning';
  }
}

const SEVERITY_RANK: Record<Severity, number> = {
  error: 3,
  warning: 2,
  info: 1,
  none: 0,
};

export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'none';
  for (const s of severities)
    if (SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
  return worst;
}
