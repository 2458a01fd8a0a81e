import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  failbackDue,
  INITIAL_BREAKER_STATE,
  stepBreaker,
  type BreakerState,
  type FailoverAction,
  type FailoverPolicyReport,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { BreakerStore } from './BreakerStore';
import type { FailoverConfig } from './failoverConfig';
import type { FailoverService } from './FailoverService';
import type { RunStore } from './RunStore';

/** The actor of runs the monitor starts. */
export const MONITOR_ACTOR = 'plugin:multicloud/failover-monitor';

export interface FailoverMonitorOptions {
  fleet: FleetService;
  breakers: BreakerStore;
  runs: RunStore;
  service: FailoverService;
  config: FailoverConfig;
  auditor: AuditorService;
  logger: LoggerService;
  now?: () => number;
}

/**
 * Feeds each health check into the breakers of the clusters that declare a failover policy
 * (only they can fail over, so a large fleet does not write a row per cluster and tick), and
 * starts automatic runs: a failover once per opening of the breaker, a failback once per
 * healthy streak after the hold period. "Once" is read from the run history, so a monitor
 * that crashed between the transition and the run catches up on its next check, and a run
 * that failed is not retried in a loop.
 */
export class FailoverMonitor {
  private readonly now: () => number;

  constructor(private readonly options: FailoverMonitorOptions) {
    this.now = options.now ?? Date.now;
  }

  async check(): Promise<void> {
    const { fleet, breakers, service, config, logger } = this.options;
    if (!fleet.getStatus().synced) {
      logger.info('Skipping the failover check: the fleet has not synced yet');
      return;
    }
    const view = fleet.getFleet();
    const at = this.now();
    const stored = new Map((await breakers.list()).map(b => [b.cluster, b]));
    for (const policy of service.policies(view.clusters)) {
      const cluster = view.clusters.find(c => c.ref === policy.cluster)!;
      // Stale data is no evidence: the management cluster may be what is down.
      const verdict = view.stale ? 'unknown' : cluster.health.verdict;
      const previous = stored.get(policy.cluster);
      const { state, transitions } = stepBreaker(
        previous?.state ?? INITIAL_BREAKER_STATE,
        { verdict, at },
        config.breaker,
      );
      if (
        !previous ||
        previous.lastVerdict !== verdict ||
        !sameState(previous.state, state)
      ) {
        await breakers.save(policy.cluster, state, verdict, at, transitions);
      }
      for (const t of transitions) {
        logger.info(
          `Failover breaker of ${policy.cluster}: ${t.from} → ${t.to} (${t.reason})`,
        );
        if (t.to === 'open' && policy.automatic && !policy.valid) {
          logger.warn(
            `Cannot fail ${
              policy.cluster
            } over automatically: ${policy.problems.join('; ')}`,
          );
        }
      }
      await this.decide(policy, state, at);
    }
  }

  private async decide(
    policy: FailoverPolicyReport,
    state: BreakerState,
    at: number,
  ): Promise<void> {
    if (!policy.automatic) return;
    const [latest] = await this.options.runs.list({
      cluster: policy.cluster,
      limit: 1,
    });
    if (state.position === 'open' && !policy.failedOver && policy.valid) {
      if (!latest || latest.createdAt < state.openedAt!)
        await this.start(policy.cluster, 'failover');
    } else if (
      policy.failedOver &&
      failbackDue(state, at, this.options.config.failbackHoldSeconds)
    ) {
      if (
        !latest ||
        latest.action !== 'failback' ||
        latest.createdAt < state.healthySince!
      ) {
        await this.start(policy.cluster, 'failback');
      }
    }
  }

  private async start(cluster: string, action: FailoverAction): Promise<void> {
    const { service, auditor, logger } = this.options;
    const event = await auditor.createEvent({
      eventId: 'failover-run',
      severityLevel: 'medium',
      meta: { actor: MONITOR_ACTOR, cluster, action, mode: 'automatic' },
    });
    try {
      const { run, created } = await service.startRun(
        { cluster, action },
        MONITOR_ACTOR,
        'automatic',
      );
      await event.success({ meta: { run: run.id, created } });
      if (created)
        logger.info(
          `Started automatic ${action} run ${run.id} of ${cluster} to ${run.target}`,
        );
    } catch (error) {
      await event.fail({ error: error as Error });
      logger.warn(
        `Could not start an automatic ${action} of ${cluster}: ${
          (error as Error).message
        }`,
      );
    }
  }
}

function sameState(a: BreakerState, b: BreakerState): boolean {
  return (
    a.position === b.position &&
    a.consecutiveFailures === b.consecutiveFailures &&
    a.consecutiveSuccesses === b.consecutiveSuccesses &&
    a.unhealthySince === b.unhealthySince &&
    a.healthySince === b.healthySince &&
    a.openedAt === b.openedAt
  );
}
