import type { RecordedChange } from '@internal/plugin-multicloud-common';
import type { FailoverRun } from './RunStore';

/**
 * What failback must reverse for a cluster: the changes of every failover run since the last
 * successful failback, oldest first (a retried failover's changes come after the first
 * run's, and failback undoes them newest first, so the oldest recorded values win), and the
 * standby the latest of those runs moved traffic to.
 */
export function recordedChanges(runsNewestFirst: readonly FailoverRun[]): {
  standby?: string;
  changes: RecordedChange[];
} {
  const since = runsNewestFirst.findIndex(
    r => r.action === 'failback' && r.status === 'succeeded',
  );
  const failovers = runsNewestFirst
    .slice(0, since === -1 ? undefined : since)
    .filter(r => r.action === 'failover')
    .reverse();
  const changes = failovers.flatMap(run =>
    run.steps.flatMap(state => {
      const step = run.plan.steps[state.index];
      return step.type === 'patch' && state.revert
        ? [{ action: step.action, target: step.target, revert: state.revert }]
        : [];
    }),
  );
  const withChanges = failovers.filter(run => run.steps.some(s => s.revert));
  return { standby: withChanges[withChanges.length - 1]?.target, changes };
}
