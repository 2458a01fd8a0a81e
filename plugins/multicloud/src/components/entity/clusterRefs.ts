import type { Entity } from '@backstage/catalog-model';
import {
  MULTICLOUD_CATALOG_ANNOTATIONS,
  clusterFromEntityName,
} from '@internal/plugin-multicloud-common';

export interface ClusterLocator {
  namespace: string;
  name: string;
}

function parseRef(ref: string): ClusterLocator | undefined {
  const [namespace, name, ...rest] = ref.split('/');
  return namespace && name && rest.length === 0
    ? { namespace, name }
    : undefined;
}

/** The CAPI cluster a Resource entity stands for: its annotation, else its name. */
export function clusterOfEntity(
  entity: Pick<Entity, 'metadata'>,
): ClusterLocator {
  const annotated =
    entity.metadata.annotations?.[MULTICLOUD_CATALOG_ANNOTATIONS.clusterRef];
  return (
    (annotated && parseRef(annotated)) ||
    clusterFromEntityName(entity.metadata.name)
  );
}
