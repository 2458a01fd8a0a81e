import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type {
  CatalogProcessor,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { clusterEntityNameOf } from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';

const WARN_EVERY_MS = 60 * 60 * 1000;

/**
 * Warns when a Component depends on a Resource that is neither a cluster of the fleet nor
 * any entity in the catalog: usually a cluster that was renamed, deleted or mistyped.
 * It only warns (once an hour per entity and reference); it never fails processing.
 */
export class ClusterDependencyProcessor implements CatalogProcessor {
  private readonly warnedAt = new Map<string, number>();
  private names?: { version: number; set: ReadonlySet<string> };

  constructor(
    private readonly options: {
      fleet: FleetService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  getProcessorName(): string {
    return 'MulticloudClusterDependencyProcessor';
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    if (
      entity.kind.toLocaleLowerCase('en-US') !== 'component' ||
      !this.options.fleet.getStatus().synced
    ) {
      return entity;
    }
    const dependsOn = (entity.spec?.dependsOn as unknown[] | undefined) ?? [];
    const resourceRefs = dependsOn
      .filter((ref): ref is string => typeof ref === 'string')
      .map(ref => safeParse(ref, entity.metadata.namespace))
      .filter(ref => ref?.kind.toLocaleLowerCase('en-US') === 'resource');
    if (resourceRefs.length === 0) return entity;

    const clusterNames = this.clusterNames();
    for (const ref of resourceRefs) {
      if (!ref || (ref.namespace === 'default' && clusterNames.has(ref.name)))
        continue;
      const target = stringifyEntityRef(ref);
      if (await this.existsInCatalog(target)) continue;
      this.warnOnce(stringifyEntityRef(entity), target);
    }
    return entity;
  }

  /** Catalog names of the fleet's clusters, built once per fleet version, not per entity. */
  private clusterNames(): ReadonlySet<string> {
    const fleet = this.options.fleet.getFleet();
    if (!this.names || this.names.version !== fleet.version) {
      this.names = {
        version: fleet.version,
        set: new Set(fleet.clusters.map(clusterEntityNameOf)),
      };
    }
    return this.names.set;
  }

  private async existsInCatalog(ref: string): Promise<boolean> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    return !!(await this.options.catalog.getEntityByRef(ref, { credentials }));
  }

  private warnOnce(entityRef: string, target: string) {
    const now = (this.options.now ?? Date.now)();
    const key = `${entityRef}>${target}`;
    if (now - (this.warnedAt.get(key) ?? -Infinity) < WARN_EVERY_MS) return;
    this.warnedAt.set(key, now);
    this.options.logger.warn(
      `${entityRef} depends on ${target}, which is neither a cluster of the multicloud fleet nor a catalog entity`,
    );
  }
}

function safeParse(ref: string, namespace = 'default') {
  try {
    return parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: namespace,
    });
  } catch {
    return undefined;
  }
}
