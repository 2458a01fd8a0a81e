import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { FleetService } from '@internal/plugin-multicloud-node';
import type { FleetInsights } from '../insights/FleetInsights';
import type { HistoryStore } from './HistoryStore';
import { sampleFleet } from './sampleFleet';

/** Wake-ups of the sampling task per interval. */
const WAKES_PER_TICK = 5;

/**
 * The sampling tick and the roll-up/prune task. Backstage's scheduler runs each on one
 * replica at a time when replicas share Postgres, but its runs drift against wall-clock
 * intervals (a late start makes two runs fall in one interval and none in the next). So
 * the sampler wakes several times per interval and the first wake-up in an interval claims
 * it in the database: one sample per interval, none missed, whichever replica runs.
 */
export async function scheduleHistoryTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  fleet: FleetService;
  insights: FleetInsights;
  store: HistoryStore;
  intervalSeconds: number;
}) {
  const { scheduler, logger, fleet, insights, store, intervalSeconds } =
    options;
  const intervalMs = intervalSeconds * 1000;

  await scheduler.scheduleTask({
    id: 'multicloud-history-sample',
    frequency: {
      seconds: Math.max(1, Math.floor(intervalSeconds / WAKES_PER_TICK)),
    },
    timeout: { seconds: Math.max(30, intervalSeconds) },
    initialDelay: { seconds: Math.min(10, intervalSeconds) },
    fn: async () => {
      if (!fleet.getStatus().synced) {
        logger.info('Skipping history sample: the fleet has not synced yet');
        return;
      }
      const bucket = Math.floor(Date.now() / intervalMs) * intervalMs;
      if (await store.hasTick(bucket)) return;
      const view = fleet.getFleet();
      const { costs, compliance } = insights.current();
      const written = await store.recordTick(
        bucket,
        sampleFleet(view.clusters, costs, cluster => {
          const report = compliance.get(cluster.ref);
          return report
            ? report.checks.filter(c => c.status === 'fail').length
            : null;
        }),
      );
      if (written !== undefined) {
        logger.debug(
          `History sample at ${new Date(
            bucket,
          ).toISOString()}: ${written} clusters`,
        );
      }
    },
  });

  await scheduler.scheduleTask({
    id: 'multicloud-history-rollup',
    frequency: { minutes: 15 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const now = Date.now();
      const rolled = await store.rollUp(now);
      await store.prune(now);
      logger.debug(
        `History roll-up: ${rolled.hourly} hourly, ${rolled.daily} daily rows`,
      );
    },
  });
}
