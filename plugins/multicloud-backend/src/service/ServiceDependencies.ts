import type { AuthService } from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  RELATION_DEPENDS_ON,
  parseEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { MULTICLOUD_CATALOG_ANNOTATIONS } from '@internal/plugin-multicloud-common';

const TTL_MS = 60_000;

/**
 * Which clusters each catalog service (Component) depends on, through `spec.dependsOn`
 * relations to `kubernetes-cluster` Resources. Read from the catalog with the plugin's own
 * credentials and cached for a minute: cost pages must not query the catalog per request.
 */
export class ServiceDependencies {
  private cache?: { at: number; value: Promise<Record<string, string[]>> };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  get(): Promise<Record<string, string[]>> {
    if (!this.cache || Date.now() - this.cache.at > TTL_MS) {
      const value = this.load();
      this.cache = { at: Date.now(), value };
      value.catch(() => (this.cache = undefined));
    }
    return this.cache.value;
  }

  private async load(): Promise<Record<string, string[]>> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items: clusters } = await this.catalog.getEntities(
      {
        filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          `metadata.annotations.${MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef}`,
        ],
      },
      { credentials },
    );
    const clusterRefOf = new Map(
      clusters
        .map(
          e =>
            [
              stringifyEntityRef(e),
              e.metadata.annotations?.[
                MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef
              ],
            ] as const,
        )
        .filter((pair): pair is readonly [string, string] => !!pair[1]),
    );
    const { items: components } = await this.catalog.getEntities(
      {
        filter: { kind: 'Component' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials },
    );
    const result: Record<string, string[]> = {};
    for (const component of components) {
      const refs = (component.relations ?? [])
        .filter(
          r =>
            r.type === RELATION_DEPENDS_ON &&
            parseEntityRef(r.targetRef).kind === 'resource',
        )
        .map(r => clusterRefOf.get(r.targetRef))
        .filter((ref): ref is string => !!ref);
      if (refs.length > 0) {
        result[stringifyEntityRef(component)] = refs;
      }
    }
    return result;
  }
}
