import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { FailoverConfig } from './failoverConfig';
import type { FailoverMonitor } from './FailoverMonitor';
import type { FailoverService } from './FailoverService';

/**
 * Two tasks every `checkIntervalSeconds`, each on one replica at a time:
 *  - `multicloud-failover-monitor`: health verdicts into the breakers; automatic failover and
 *    failback runs;
 *  - `multicloud-failover-executor`: offers every pending or running run to this replica's
 *    executor, so runs resume after a restart or after the replica executing them died (its
 *    lease expires). Executions continue in the background; the lease keeps them exclusive.
 */
export async function scheduleFailoverTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  monitor: FailoverMonitor;
  service: FailoverService;
  config: FailoverConfig;
}): Promise<void> {
  const { scheduler, logger, monitor, service, config } = options;
  const seconds = config.checkIntervalSeconds;
  await scheduler.scheduleTask({
    id: 'multicloud-failover-monitor',
    frequency: { seconds },
    timeout: { seconds: Math.max(60, 2 * seconds) },
    initialDelay: { seconds: Math.min(15, seconds) },
    fn: () => monitor.check(),
  });
  await scheduler.scheduleTask({
    id: 'multicloud-failover-executor',
    frequency: { seconds },
    timeout: { seconds: 60 },
    initialDelay: { seconds: Math.min(5, seconds) },
    fn: async () => {
      const offered = await service.resumeActiveRuns();
      if (offered > 0)
        logger.debug(`Failover executor: ${offered} active run(s) offered`);
    },
  });
}
