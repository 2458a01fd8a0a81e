import type { Entity } from '@backstage/catalog-model';

/**
 * Set by the catalog module on each `kubernetes-cluster` Resource: `<namespace>/<name>` of
 * the CAPI cluster. (Also defined in the catalog module and the backend; see README.)
 */
export const CLUSTER_REF_ANNOTATION = 'multicloud.io/cluster-ref';

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

/**
 * The reverse of the catalog naming rule (`clusterEntityName`): clusters in `default` keep
 * their name, others are `<namespace>--<name>`. Only a fallback: shortened long names
 * cannot be reversed, the annotation can.
 */
export function clusterFromEntityName(entityName: string): ClusterLocator {
  const split = entityName.indexOf('--');
  return split > 0
    ? {
        namespace: entityName.slice(0, split),
        name: entityName.slice(split + 2),
      }
    : { namespace: 'default', name: entityName };
}

/** The CAPI cluster a Resource entity stands for: its annotation, else its name. */
export function clusterOfEntity(
  entity: Pick<Entity, 'metadata'>,
): ClusterLocator {
  const annotated = entity.metadata.annotations?.[CLUSTER_REF_ANNOTATION];
  return (
    (annotated && parseRef(annotated)) ||
    clusterFromEntityName(entity.metadata.name)
  );
}
