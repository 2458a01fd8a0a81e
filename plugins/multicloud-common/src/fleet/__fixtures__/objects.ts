import type { Condition, KubeObject } from '../../model/kube';

/** Test-only builders for Kubernetes object parts. Not exported from the package. */

export const FIXTURE_TIME = '2026-01-01T00:00:00Z';

let resourceVersion = 0;

/** Every built object gets a new resourceVersion, so re-built objects count as changes in a FleetIndex. */
export function meta(
  name: string,
  namespace: string,
  extra: Partial<NonNullable<KubeObject['metadata']>> = {},
): NonNullable<KubeObject['metadata']> {
  resourceVersion += 1;
  return {
    name,
    namespace,
    uid: `uid-${namespace}-${name}`,
    resourceVersion: String(resourceVersion),
    generation: 1,
    creationTimestamp: FIXTURE_TIME,
    ...extra,
  };
}

export function owner(kind: string, apiVersion: string, name: string) {
  return { apiVersion, kind, name, uid: `uid-${name}`, controller: true };
}

type Status = Condition['status'];

/** A v1beta2 (metav1) condition. */
export function condition(
  type: string,
  status: Status,
  reason?: string,
  message?: string,
): Condition {
  return {
    type,
    status,
    reason: reason ?? (status === 'True' ? type : `Not${type}`),
    ...(message ? { message } : {}),
    lastTransitionTime: FIXTURE_TIME,
  };
}

/** A v1beta1 condition: severity only when False, as CAPI sets it. */
export function legacyCondition(
  type: string,
  status: Status,
  severity: 'Error' | 'Warning' | 'Info' = 'Warning',
  reason?: string,
  message?: string,
): Condition {
  if (status === 'True')
    return { type, status, lastTransitionTime: FIXTURE_TIME };
  return {
    type,
    status,
    severity,
    reason: reason ?? `${type}Failed`,
    ...(message ? { message } : {}),
    lastTransitionTime: FIXTURE_TIME,
  };
}

export function bool(ok: boolean): Status {
  return ok ? 'True' : 'False';
}

/** A v1beta2 reference `{apiGroup, kind, name}` or a v1beta1 one `{apiVersion, kind, name, namespace}`. */
export function ref(
  style: 'v1beta1' | 'v1beta2',
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string,
) {
  return style === 'v1beta2'
    ? { apiGroup: apiVersion.split('/')[0], kind, name }
    : { apiVersion, kind, name, namespace };
}
