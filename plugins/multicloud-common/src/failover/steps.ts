import type { ClusterSummary } from '../model/ClusterSummary';
import {
  MERGE_PATCH_CONTENT_TYPE,
  type FailoverStepAction,
  type GitOpsStep,
  type MergePatch,
  type ObjectTarget,
  type PatchStep,
} from './types';

export function stepId(
  action: FailoverStepAction,
  target: ObjectTarget,
): string {
  return `${action}:${target.kind}/${target.namespace}/${target.name}`;
}

export function patchStep(input: {
  action: FailoverStepAction;
  title: string;
  doneWhen: string;
  target: ObjectTarget;
  patch: MergePatch;
  timeoutSeconds: number;
}): PatchStep {
  return {
    id: stepId(input.action, input.target),
    type: 'patch',
    patchType: MERGE_PATCH_CONTENT_TYPE,
    ...input,
  };
}

/**
 * The Istio side of a failover, proposed through GitOps (the mesh config lives in the GitOps
 * repository, so the portal describes the commit instead of writing to workload clusters):
 * locality failover from the primary's region to the standby's, which Istio only honours
 * with outlier detection on the same DestinationRule.
 */
export function istioLocalityStep(
  action: 'istio-locality-failover' | 'istio-locality-failback',
  primary: ClusterSummary,
  standby: ClusterSummary,
  timeoutSeconds: number,
): GitOpsStep {
  const from = primary.region ?? '(primary region)';
  const to = standby.region ?? '(standby region)';
  const trafficPolicy = {
    loadBalancer: {
      localityLbSetting: { enabled: true, failover: [{ from, to }] },
    },
    outlierDetection: {
      consecutive5xxErrors: 5,
      interval: '10s',
      baseEjectionTime: '30s',
    },
  };
  const failover = action === 'istio-locality-failover';
  return {
    id: `${action}:${primary.ref}`,
    type: 'gitops',
    action,
    title: failover
      ? `Propose Istio locality failover ${from} → ${to} in the GitOps repository`
      : `Propose reverting the Istio locality failover ${from} → ${to} in the GitOps repository`,
    description: failover
      ? `Merge this trafficPolicy into the DestinationRules of the services of ${primary.ref} and open a pull request. Not executed by the portal.`
      : `Revert the pull request that added this trafficPolicy for ${primary.ref}. Not executed by the portal.`,
    doneWhen:
      'never executed here: the change is reviewed and merged in the GitOps repository',
    timeoutSeconds,
    manifest: {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      spec: { trafficPolicy },
    },
  };
}
