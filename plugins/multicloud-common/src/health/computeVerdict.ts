import type {
  HealthVerdict,
  Verdict,
  VerdictReason,
} from '../model/ClusterSummary';
import type { KubeObject } from '../model/kube';
import { toClusterObjects, type ClusterObjects } from '../fleet/ClusterObjects';
import { FieldReader } from '../fleet/FieldReader';
import {
  readHealthFacts,
  type HealthFacts,
  type ReadCondition,
} from './healthFacts';

/**
 * The health verdict of one cluster. The decision table is in `./README.md`; in short,
 * lifecycle first (deleting, failed, provisioning), then for a provisioned cluster the
 * worst finding wins: unhealthy > degraded > unknown > healthy. Every finding becomes a
 * reason in words, worst first.
 */
export function computeVerdict(
  objects: ClusterObjects | readonly KubeObject[],
): HealthVerdict {
  return verdictOf(toClusterObjects(objects), new FieldReader());
}

/** As `computeVerdict`, reporting malformed fields to the caller's reader. */
export function verdictOf(
  objects: ClusterObjects,
  reader: FieldReader,
): HealthVerdict {
  const cluster = objects.cluster;
  if (!cluster) {
    return verdict('unknown', [
      reason('Cluster', 'Cluster', 'Cluster object not found', 'warning'),
    ]);
  }
  return decideVerdict(readHealthFacts(objects, cluster, reader));
}

type Finding = { verdict: Verdict; reason: VerdictReason };

const ORDER: Verdict[] = ['unhealthy', 'degraded', 'unknown', 'healthy'];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function decideVerdict(facts: HealthFacts): HealthVerdict {
  const { cluster } = facts;
  if (facts.deleting) {
    return verdict('deleting', [
      reason(
        cluster,
        'metadata.deletionTimestamp',
        'cluster is being deleted',
        'info',
      ),
    ]);
  }
  if (facts.failure) {
    return verdict('unhealthy', [
      reason(
        cluster,
        'status.phase',
        `cluster failed: ${facts.failure}`,
        'error',
      ),
    ]);
  }
  if (!facts.hasStatus) {
    return verdict('unknown', [
      reason(
        cluster,
        'status',
        'no status reported by the Cluster API controllers yet',
        'warning',
      ),
    ]);
  }
  const provisioning = provisioningReasons(facts);
  if (provisioning) return verdict('provisioning', provisioning);

  const findings = [
    ...controlPlaneFindings(facts),
    ...workerFindings(facts),
    ...remoteConnectionFindings(facts),
    ...machineFindings(facts),
  ];
  if (
    !findings.some(f => f.verdict === 'unhealthy' || f.verdict === 'degraded')
  ) {
    findings.push(...summaryConditionFindings(facts));
  }
  const worst =
    ORDER.find(v => findings.some(f => f.verdict === v)) ?? 'healthy';
  if (worst === 'healthy') {
    findings.unshift({ verdict: 'healthy', reason: healthySummary(facts) });
  }
  const reasons = findings
    .map(f => f.reason)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return verdict(worst, reasons);
}

function provisioningReasons(facts: HealthFacts): VerdictReason[] | undefined {
  const reasons: VerdictReason[] = [];
  const { infrastructure, controlPlane } = facts;
  if (infrastructure.ready === false) {
    reasons.push(
      reason(
        infrastructure.object,
        'InfrastructureReady',
        withMessage(
          'infrastructure is not provisioned yet',
          infrastructure.condition,
        ),
        'info',
      ),
    );
  }
  if (controlPlane?.initialized === false) {
    reasons.push(
      reason(
        controlPlane.object,
        'ControlPlaneInitialized',
        withMessage(
          'control plane is not initialized yet',
          controlPlane.condition,
        ),
        'info',
      ),
    );
  }
  const unsure =
    infrastructure.ready === undefined &&
    controlPlane?.initialized === undefined;
  if (
    reasons.length === 0 &&
    unsure &&
    (facts.phase === 'Pending' || facts.phase === 'Provisioning')
  ) {
    reasons.push(
      reason(
        facts.cluster,
        'status.phase',
        `cluster phase is ${facts.phase}`,
        'info',
      ),
    );
  }
  return reasons.length > 0 ? reasons : undefined;
}

function controlPlaneFindings(facts: HealthFacts): Finding[] {
  const cp = facts.controlPlane;
  if (!cp) return [];
  if (cp.managed) {
    const c = cp.condition;
    const conditionSaysDown =
      !!c &&
      c.condition.status === 'False' &&
      (c.style === 'v1beta2' || c.condition.severity === 'Error');
    if (cp.providerReady === false || conditionSaysDown) {
      const source =
        cp.providerReady === false || !c ? 'status.ready' : c.condition.type;
      return [
        finding(
          'unhealthy',
          cp.object,
          source,
          withMessage('managed control plane is not ready', c),
          'error',
        ),
      ];
    }
    return [];
  }
  const counts = cp.counts;
  if (!counts || counts.desired === 0) return [];
  const text = `control plane ${counts.available}/${counts.desired} available`;
  const quorum = Math.floor(counts.desired / 2) + 1;
  if (counts.available < quorum) {
    const why = counts.available === 0 ? '' : ' (below etcd quorum)';
    return [
      finding(
        'unhealthy',
        cp.object,
        'ControlPlaneAvailable',
        withMessage(text + why, cp.condition),
        'error',
      ),
    ];
  }
  if (counts.available < counts.desired) {
    return [
      finding(
        'degraded',
        cp.object,
        'ControlPlaneAvailable',
        withMessage(text, cp.condition),
        'warning',
      ),
    ];
  }
  return [];
}

function workerFindings(facts: HealthFacts): Finding[] {
  const { desired, available } = facts.workers;
  if (desired === 0 || available >= desired) return [];
  const text = `workers ${available}/${desired} available`;
  return available === 0
    ? [finding('unhealthy', facts.cluster, 'WorkersAvailable', text, 'error')]
    : [finding('degraded', facts.cluster, 'WorkersAvailable', text, 'warning')];
}

function remoteConnectionFindings(facts: HealthFacts): Finding[] {
  const probe = facts.remoteConnection?.condition;
  if (!probe || probe.status === 'True') return [];
  return probe.status === 'False'
    ? [
        finding(
          'unhealthy',
          facts.cluster,
          'RemoteConnectionProbe',
          withMessage(
            'workload cluster API server is unreachable from the management cluster',
            facts.remoteConnection,
          ),
          'error',
        ),
      ]
    : [
        finding(
          'unknown',
          facts.cluster,
          'RemoteConnectionProbe',
          withMessage(
            'connection to the workload cluster API server is unknown',
            facts.remoteConnection,
          ),
          'warning',
        ),
      ];
}

function machineFindings(facts: HealthFacts): Finding[] {
  const failed = facts.failedMachines;
  if (failed.length === 0) return [];
  const shown = failed.slice(0, 3).join(', ');
  const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
  const noun = failed.length === 1 ? 'machine' : 'machines';
  return [
    finding(
      'degraded',
      facts.cluster,
      'Machine status.phase',
      `${failed.length} ${noun} failed: ${shown}${more}`,
      'warning',
    ),
  ];
}

/**
 * The Cluster's own summary condition, for problems the counts do not show (topology
 * reconcile failures, availability gates). v1beta1 `Ready` is False with severity Warning
 * during ordinary rolling updates, so only severity Error downgrades a v1beta1 cluster.
 */
function summaryConditionFindings(facts: HealthFacts): Finding[] {
  const available = facts.available;
  if (!available) return [];
  const { condition, style } = available;
  if (condition.status === 'Unknown') {
    return [
      finding(
        'unknown',
        facts.cluster,
        condition.type,
        withMessage(`${condition.type} is Unknown`, available),
        'warning',
      ),
    ];
  }
  if (condition.status === 'True') return [];
  if (style === 'v1beta2' || condition.severity === 'Error') {
    return [
      finding(
        'degraded',
        facts.cluster,
        condition.type,
        withMessage(`${condition.type} is False`, available),
        'warning',
      ),
    ];
  }
  return [
    finding(
      'healthy',
      facts.cluster,
      condition.type,
      withMessage(`${condition.type} is False`, available),
      'info',
    ),
  ];
}

function healthySummary(facts: HealthFacts): VerdictReason {
  const parts: string[] = [];
  const counts = facts.controlPlane?.counts;
  if (counts && counts.desired > 0)
    parts.push(`control plane ${counts.available}/${counts.desired} available`);
  else if (facts.controlPlane?.managed)
    parts.push('managed control plane ready');
  if (facts.workers.desired > 0)
    parts.push(
      `workers ${facts.workers.available}/${facts.workers.desired} available`,
    );
  return reason(
    facts.cluster,
    'Available',
    parts.length ? parts.join(', ') : 'all conditions are healthy',
    'info',
  );
}

function withMessage(text: string, c: ReadCondition | undefined): string {
  const detail = c?.condition.message || c?.condition.reason;
  return detail && c?.condition.status !== 'True' ? `${text}: ${detail}` : text;
}

function finding(
  v: Verdict,
  object: string,
  source: string,
  message: string,
  severity: VerdictReason['severity'],
): Finding {
  return { verdict: v, reason: reason(object, source, message, severity) };
}

function reason(
  object: string,
  source: string,
  message: string,
  severity: VerdictReason['severity'],
): VerdictReason {
  return { object, source, message, severity };
}

function verdict(v: Verdict, reasons: VerdictReason[]): HealthVerdict {
  return { verdict: v, reasons };
}
