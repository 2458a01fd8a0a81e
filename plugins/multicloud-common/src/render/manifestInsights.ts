import { evaluateCompliance } from '../compliance/evaluateCompliance';
import {
  DEFAULT_COMPLIANCE_RULES,
  type ComplianceRules,
} from '../compliance/rules';
import type { ComplianceReport } from '../compliance/types';
import {
  estimateClusterCost,
  type ClusterCost,
} from '../cost/estimateClusterCost';
import type { PriceBook } from '../cost/PriceBook';
import { FieldReader } from '../fleet/FieldReader';
import { poolScalingOf } from '../fleet/providers';
import { summarizeCluster } from '../fleet/summarizeCluster';
import type { ClusterSummary } from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../model/labels';

type Bound = 'min' | 'max';

const ANNOTATION: Record<Bound, string> = {
  min: CAPI_AUTOSCALER_ANNOTATIONS.minSize,
  max: CAPI_AUTOSCALER_ANNOTATIONS.maxSize,
};

function annotatedBound(
  annotations: Record<string, string> | undefined,
  bound: Bound,
) {
  const raw = annotations?.[ANNOTATION[bound]];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The objects with every worker pool at one end of its autoscaling range. At `min` this is
 * what CAPI's defaulting webhook does on create (a pool without `replicas` starts at the
 * autoscaler minimum, or 1); at `max` it is the most the cluster can grow to.
 */
export function atScale(
  objects: readonly KubeObject[],
  bound: Bound,
): KubeObject[] {
  const copies: KubeObject[] = JSON.parse(JSON.stringify(objects));
  const reader = new FieldReader();
  const byKindName = new Map(
    copies.map(o => [`${o.kind}/${o.metadata?.name}`, o]),
  );
  const scale = (current: unknown, annotated: number | undefined) =>
    bound === 'max' || typeof current !== 'number'
      ? annotated ?? current ?? 1
      : current;
  for (const obj of copies) {
    if (obj.kind === 'MachineDeployment' && obj.spec) {
      obj.spec.replicas = scale(
        obj.spec.replicas,
        annotatedBound(obj.metadata?.annotations, bound),
      );
    } else if (obj.kind === 'MachinePool' && obj.spec) {
      const ref = obj.spec.template?.spec?.infrastructureRef;
      const native = poolScalingOf(
        byKindName.get(`${ref?.kind}/${ref?.name}`),
        reader,
      );
      obj.spec.replicas = scale(
        obj.spec.replicas,
        annotatedBound(obj.metadata?.annotations, bound) ?? native?.[bound],
      );
    } else if (obj.kind === 'Cluster') {
      for (const pool of obj.spec?.topology?.workers?.machineDeployments ??
        []) {
        pool.replicas = scale(
          pool.replicas,
          annotatedBound(pool.metadata?.annotations, bound),
        );
      }
    }
  }
  return copies;
}

/**
 * The fleet's view of not-yet-applied manifests: the same summary, cost and compliance code
 * the portal runs on live clusters. `context` holds objects the manifests rely on but do
 * not contain (a topology cluster's ClusterClass).
 */
export function summarizeManifests(
  objects: readonly KubeObject[],
  context: readonly KubeObject[] = [],
  bound: Bound = 'min',
): ClusterSummary {
  return summarizeCluster([...atScale(objects, bound), ...context]);
}

export interface ManifestCost {
  /** At the autoscaler minimum: what the cluster costs when created. */
  minimum: ClusterCost;
  /** At the autoscaler maximum: the most it can cost. */
  maximum: ClusterCost;
}

export function estimateManifestCost(
  objects: readonly KubeObject[],
  context: readonly KubeObject[],
  prices: PriceBook,
): ManifestCost {
  return {
    minimum: estimateClusterCost(
      summarizeManifests(objects, context, 'min'),
      prices,
    ),
    maximum: estimateClusterCost(
      summarizeManifests(objects, context, 'max'),
      prices,
    ),
  };
}

export function manifestCompliance(
  objects: readonly KubeObject[],
  context: readonly KubeObject[],
  rules: ComplianceRules = DEFAULT_COMPLIANCE_RULES,
): ComplianceReport {
  const all = [...atScale(objects, 'min'), ...context];
  return evaluateCompliance(summarizeCluster(all), all, rules);
}
