import type { ClusterSummary } from '../model/ClusterSummary';
import { qualifyingManagementCluster } from '../fleet/clusterIdentity';

/** Catalog entity names: [a-z0-9A-Z] separated by [-_.], at most 63 characters. */
const MAX_NAME_LENGTH = 63;

/**
 * A catalog name for a CAPI cluster that is unique across namespaces and valid: clusters in
 * `default` keep their own name (the common case, and what people type), others are
 * prefixed with their namespace, and with their management cluster too when given (the
 * fleet spans several). Over-long names are shortened with a stable hash suffix so two
 * long names never collide.
 */
export function clusterEntityName(
  namespace: string,
  name: string,
  managementCluster?: string,
): string {
  const base = managementCluster
    ? `${managementCluster}--${namespace}--${name}`
    : namespaceQualified(namespace, name);
  const cleaned = base
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (cleaned.length <= MAX_NAME_LENGTH && cleaned === base) {
    return cleaned;
  }
  const suffix = fnv1a(
    managementCluster
      ? `${managementCluster}/${namespace}/${name}`
      : `${namespace}/${name}`,
  );
  const head = cleaned
    .slice(0, MAX_NAME_LENGTH - suffix.length - 1)
    .replace(/[^A-Za-z0-9]+$/, '');
  return `${head}-${suffix}`;
}

function namespaceQualified(namespace: string, name: string): string {
  return namespace === 'default' ? name : `${namespace}--${name}`;
}

/** The catalog name of a fleet cluster: qualified when its ref is (several management clusters). */
export function clusterEntityNameOf(
  cluster: Pick<
    ClusterSummary,
    'ref' | 'namespace' | 'name' | 'managementCluster'
  >,
): string {
  return clusterEntityName(
    cluster.namespace,
    cluster.name,
    qualifyingManagementCluster(cluster),
  );
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The reverse of `clusterEntityName` for names it did not shorten; a fallback for entities
 * without the `multicloud.io/cluster-ref` annotation, which is authoritative.
 */
export function clusterFromEntityName(entityName: string): {
  namespace: string;
  name: string;
} {
  const split = entityName.indexOf('--');
  return split > 0
    ? {
        namespace: entityName.slice(0, split),
        name: entityName.slice(split + 2),
      }
    : { namespace: 'default', name: entityName };
}
