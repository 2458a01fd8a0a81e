import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { ClusterSummary } from '@internal/plugin-multicloud-common';
import type { FleetService, FleetView } from '@internal/plugin-multicloud-node';
import { clusterToEntity, type ClusterEntityOptions } from './clusterToEntity';

/**
 * Keeps one `kubernetes-cluster` Resource per CAPI cluster in the catalog: a delta
 * mutation whenever the fleet changes (only the entities that changed), and a full
 * mutation on a schedule that repairs anything missed.
 */
export class ClusterEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private applied = new Map<string, string>();
  private readonly warned = new Set<string>();
  /**
   * The fleet reuses the summary object of every cluster that did not change, so each
   * cluster is mapped once per change, not once per fleet version.
   */
  private readonly mapped = new WeakMap<
    ClusterSummary,
    { ref: string; entity: Entity; hash: string }
  >();
  private unsubscribe?: () => void;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      fleet: FleetService;
      logger: LoggerService;
      schedule: SchedulerServiceTaskRunner;
      entity: Omit<ClusterEntityOptions, 'managementCluster'> & {
        managementCluster: string;
      };
    },
  ) {}

  getProviderName(): string {
    return `multicloud-clusters:${this.options.entity.managementCluster}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.unsubscribe?.();
    this.unsubscribe = this.options.fleet.subscribe(fleet =>
      this.enqueue(() => this.applyDelta(fleet)),
    );
    await this.options.schedule.run({
      id: `${this.getProviderName()}:full`,
      fn: () =>
        this.enqueue(() => this.applyFull(this.options.fleet.getFleet())),
    });
  }

  /** Mutations are applied one at a time so a delta never races a full refresh. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue
      .then(work)
      .catch(error =>
        this.options.logger.error(`Cluster entity update failed: ${error}`),
      );
    return this.queue;
  }

  private entitiesOf(
    fleet: FleetView,
  ): Map<string, { entity: Entity; hash: string }> {
    const result = new Map<
      string,
      { ref: string; entity: Entity; hash: string }
    >();
    for (const cluster of fleet.clusters) {
      let mapped = this.mapped.get(cluster);
      if (!mapped) {
        const { entity, warnings } = clusterToEntity(
          cluster,
          this.options.entity,
        );
        for (const warning of warnings) {
          const key = `${cluster.ref}:${warning}`;
          if (!this.warned.has(key)) {
            this.warned.add(key);
            this.options.logger.warn(`Cluster ${cluster.ref}: ${warning}`);
          }
        }
        mapped = {
          ref: stringifyEntityRef(entity),
          entity,
          hash: JSON.stringify(entity),
        };
        this.mapped.set(cluster, mapped);
      }
      result.set(mapped.ref, mapped);
    }
    return result;
  }

  private async applyFull(fleet: FleetView): Promise<void> {
    if (!this.connection || !this.hasData()) return;
    const next = this.entitiesOf(fleet);
    await this.connection.applyMutation({
      type: 'full',
      entities: [...next.values()].map(e => this.deferred(e.entity)),
    });
    this.applied = new Map([...next].map(([ref, e]) => [ref, e.hash]));
  }

  private async applyDelta(fleet: FleetView): Promise<void> {
    if (!this.connection || !this.hasData()) return;
    const next = this.entitiesOf(fleet);
    const added = [...next]
      .filter(([ref, e]) => this.applied.get(ref) !== e.hash)
      .map(([, e]) => this.deferred(e.entity));
    const removed = [...this.applied.keys()]
      .filter(ref => !next.has(ref))
      .map(entityRef => ({ entityRef, locationKey: this.getProviderName() }));
    if (added.length === 0 && removed.length === 0) return;
    await this.connection.applyMutation({ type: 'delta', added, removed });
    this.applied = new Map([...next].map(([ref, e]) => [ref, e.hash]));
  }

  /**
   * Until every kind has been listed once, an empty or partial fleet means "not known yet",
   * not "clusters were deleted". Later outages keep the last state, which is safe to apply.
   */
  private hasData(): boolean {
    return this.options.fleet.getStatus().synced;
  }

  private deferred(entity: Entity): DeferredEntity {
    return { entity, locationKey: this.getProviderName() };
  }
}
