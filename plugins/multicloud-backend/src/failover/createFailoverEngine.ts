import type {
  AuditorService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  ComplianceRules,
  InstanceSpecs,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import { BreakerStore } from './BreakerStore';
import type { FailoverConfig } from './failoverConfig';
import { migrateDatabase } from '../database/migrateDatabase';
import { FailoverExecutor } from './FailoverExecutor';
import { FailoverMonitor } from './FailoverMonitor';
import { FailoverService } from './FailoverService';
import { LeaseStore } from './LeaseStore';
import type { ObjectClient } from './ObjectClient';
import { RunStore } from './RunStore';

export interface FailoverEngineOptions {
  database: DatabaseService;
  fleet: FleetService;
  /** Writes to the management cluster(s): `new KubeObjectClient(readManagementClusters(config))`. */
  client: ObjectClient;
  auditor: AuditorService;
  logger: LoggerService;
  config: FailoverConfig;
  /** Instance specs for capacity planning (the plugin's PriceBook). */
  specs: InstanceSpecs;
  rules: ComplianceRules;
  /** Poll interval of wait steps (default 5 s). */
  pollMs?: number;
  now?: () => number;
}

export interface FailoverEngine {
  service: FailoverService;
  monitor: FailoverMonitor;
  executor: FailoverExecutor;
  breakers: BreakerStore;
}

/** The stores, executor, service and monitor of failover, wired on the plugin database. */
export async function createFailoverEngine(
  options: FailoverEngineOptions,
): Promise<FailoverEngine> {
  const { fleet, client, auditor, logger, config, now } = options;
  const knex = await migrateDatabase(options.database);
  const runs = new RunStore(knex);
  const breakers = new BreakerStore(knex);
  const executor = new FailoverExecutor({
    runs,
    leases: new LeaseStore(knex, now),
    client,
    auditor,
    logger,
    pollMs: options.pollMs,
    now,
  });
  const service = new FailoverService({
    fleet,
    runs,
    executor,
    specs: options.specs,
    rules: options.rules,
    config,
    logger,
    now,
  });
  const monitor = new FailoverMonitor({
    fleet,
    breakers,
    runs,
    service,
    config,
    auditor,
    logger,
    now,
  });
  return { service, monitor, executor, breakers };
}
