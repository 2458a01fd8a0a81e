import {
  RELATION_DEPENDS_ON,
  parseEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  MULTICLOUD_CATALOG_ANNOTATIONS,
  clusterFromEntityName,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling, type Polled } from '../../hooks/usePolling';
import { clusterOfEntity, type ClusterLocator } from './clusterRefs';

export interface DependedOnClusters {
  clusters: ClusterSummary[];
  stale: boolean;
  /** Resource refs that name a cluster the fleet does not have (or the user may not see). */
  missing: string[];
}

/**
 * The clusters an entity depends on: its `dependsOn` relations to Resources, resolved
 * through the Resource's cluster-ref annotation when the catalog has it (else the naming
 * rule); Resources of other types are skipped.
 */
export function useDependedOnClusters(
  entity: Entity,
): Polled<DependedOnClusters> {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(multicloudApiRef);
  const targets = (entity.relations ?? [])
    .filter(
      r =>
        r.type === RELATION_DEPENDS_ON &&
        parseEntityRef(r.targetRef).kind === 'resource',
    )
    .map(r => r.targetRef);

  return usePolling(async () => {
    const { items } = targets.length
      ? await catalogApi.getEntitiesByRefs({
          entityRefs: targets,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            `metadata.annotations.${MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef}`,
            'spec.type',
          ],
        })
      : { items: [] };
    const located: Array<{ target: string; cluster: ClusterLocator }> = [];
    targets.forEach((target, i) => {
      const resource = items[i];
      if (!resource) {
        located.push({
          target,
          cluster: clusterFromEntityName(parseEntityRef(target).name),
        });
      } else if (
        resource.spec?.type === 'kubernetes-cluster' ||
        resource.metadata.annotations?.[
          MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef
        ]
      ) {
        located.push({ target, cluster: clusterOfEntity(resource) });
      }
    });
    // One detail request per cluster: services depend on a handful; see README for a batch endpoint.
    const answers = await Promise.all(
      located.map(({ target, cluster }) =>
        api
          .getCluster(
            cluster.namespace,
            cluster.name,
            cluster.managementCluster,
          )
          .then(
            detail => ({ target, detail }),
            error => {
              if ((error as { statusCode?: number }).statusCode === 404)
                return { target, detail: undefined };
              throw error;
            },
          ),
      ),
    );
    return {
      clusters: answers.flatMap(a => (a.detail ? [a.detail.cluster] : [])),
      stale: answers.some(a => a.detail?.stale),
      missing: answers.filter(a => !a.detail).map(a => a.target),
    };
  }, [catalogApi, api, targets.join(',')]);
}
