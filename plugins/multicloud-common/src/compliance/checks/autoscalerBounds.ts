import type { KubeObject } from '../../model/kube';
import { CAPI_AUTOSCALER_ANNOTATIONS } from '../../model/labels';
import type { PoolObjects } from '../clusterObjects';
import { evidenceAt, metadataEvidence } from '../objectPath';
import type { Evidence } from '../types';
import type { CheckDefinition } from './CheckDefinition';

/** Managed node pools scaled by the provider's own autoscaler: where their bounds live. */
const NATIVE_SCALING = new Map<string, [string, string]>([
  ['AzureManagedMachinePool', ['spec.scaling.minSize', 'spec.scaling.maxSize']],
  ['GCPManagedMachinePool', ['spec.scaling.minCount', 'spec.scaling.maxCount']],
]);

/** A non-negative integer, from a number or an annotation string. */
function count(value: unknown): number | undefined {
  const n =
    typeof value === 'string' && /^\d+$/.test(value.trim())
      ? Number(value)
      : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function bounds({ pool, infrastructure }: PoolObjects): [Evidence, Evidence] {
  const annotations: [Evidence, Evidence] = [
    metadataEvidence(pool, 'annotations', CAPI_AUTOSCALER_ANNOTATIONS.minSize),
    metadataEvidence(pool, 'annotations', CAPI_AUTOSCALER_ANNOTATIONS.maxSize),
  ];
  const native = NATIVE_SCALING.get(infrastructure?.kind ?? '');
  if (annotations.some(e => e.value !== null) || !native) return annotations;
  const infra = infrastructure as KubeObject;
  return [evidenceAt(infra, native[0]), evidenceAt(infra, native[1])];
}

export const autoscalerBoundsCheck: CheckDefinition = {
  id: 'autoscaler-bounds',
  title: 'Autoscaler bounds on every worker pool',
  severity: 'low',
  evaluate({ objects }) {
    const rule =
      'every worker pool: cluster-autoscaler min-size and max-size annotations (or the managed pool scaling bounds) set, integers, min <= max';
    if (objects.workerPools.length === 0) {
      return {
        status: 'not-applicable',
        message: 'The cluster has no worker pools.',
        evidence: [],
        rule,
      };
    }
    const bad: string[] = [];
    const evidence = objects.workerPools.flatMap(p => {
      const [minE, maxE] = bounds(p);
      const min = count(minE.value);
      const max = count(maxE.value);
      if (min === undefined || max === undefined || min > max) {
        bad.push(`${p.pool.kind} ${p.pool.metadata?.name}`);
      }
      return [minE, maxE];
    });
    if (bad.length === 0) {
      return {
        status: 'pass',
        message: `All ${objects.workerPools.length} worker pool(s) have autoscaler bounds with min <= max.`,
        evidence,
        rule,
      };
    }
    return {
      status: 'fail',
      message: `Missing or inverted autoscaler bounds on ${bad.join(', ')}.`,
      evidence,
      rule,
      remediation: `Annotate each pool with ${CAPI_AUTOSCALER_ANNOTATIONS.minSize} and ${CAPI_AUTOSCALER_ANNOTATIONS.maxSize} (integers, min <= max); AKS/GKE pools may set spec.scaling instead.`,
    };
  },
};
