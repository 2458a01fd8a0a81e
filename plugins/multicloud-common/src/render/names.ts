import type { KubeObject } from '../model/kube';
import { DNS_LABEL, DNS_SUBDOMAIN, LABEL_VALUE } from './ClusterSpec';

/** A name that the API server or a provider would refuse, with the field it is in. */
export interface NameProblem {
  object: string;
  field: string;
  message: string;
}

/** Kinds whose names become label values (`cluster.x-k8s.io/cluster-name`, `deployment-name`, ...). */
const LABEL_NAMED_KINDS = new Set([
  'Cluster',
  'MachineDeployment',
  'MachinePool',
  'MachineSet',
]);
/** GKE cluster names are at most 40 characters; AKS cluster names at most 63. */
const PROVIDER_NAME_LIMITS: Record<string, { field: string; max: number }> = {
  GCPManagedControlPlane: { field: 'spec.clusterName', max: 40 },
  AzureManagedControlPlane: { field: 'metadata.name', max: 63 },
};

function describe(obj: KubeObject): string {
  return `${obj.kind ?? 'object'} ${
    obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''
  }${obj.metadata?.name ?? '(unnamed)'}`;
}

function read(obj: KubeObject, field: string): unknown {
  return field.split('.').reduce<any>((o, k) => o?.[k], obj);
}

/**
 * Names checked before anything is applied: DNS-1123 object names, namespaces and labels,
 * and the tighter limits of names that become label values or cloud resource names (a
 * Cluster name is at most 63 characters and a DNS-1123 label).
 */
export function objectNameProblems(
  objects: readonly KubeObject[],
): NameProblem[] {
  const problems: NameProblem[] = [];
  for (const obj of objects) {
    const object = describe(obj);
    const add = (field: string, message: string) =>
      problems.push({ object, field, message });
    const name = obj.metadata?.name;
    if (!name) {
      add('metadata.name', 'is required');
    } else if (LABEL_NAMED_KINDS.has(obj.kind ?? '')) {
      if (name.length > 63 || !DNS_LABEL.test(name)) {
        add(
          'metadata.name',
          `'${name}' must be a DNS-1123 label of at most 63 characters (it becomes a label value)`,
        );
      }
    } else if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
      add(
        'metadata.name',
        `'${name}' must be a DNS-1123 subdomain of at most 253 characters`,
      );
    }
    const namespace = obj.metadata?.namespace;
    if (
      namespace !== undefined &&
      (namespace.length > 63 || !DNS_LABEL.test(namespace))
    ) {
      add(
        'metadata.namespace',
        `'${namespace}' must be a DNS-1123 label of at most 63 characters`,
      );
    }
    for (const [key, value] of Object.entries(obj.metadata?.labels ?? {})) {
      if (
        typeof value !== 'string' ||
        value.length > 63 ||
        !LABEL_VALUE.test(value)
      ) {
        add(
          `metadata.labels['${key}']`,
          `'${value}' is not a valid label value (at most 63 letters, digits, -, _ and .)`,
        );
      }
    }
    const limit = PROVIDER_NAME_LIMITS[obj.kind ?? ''];
    const limited = limit && read(obj, limit.field);
    if (typeof limited === 'string' && limited.length > limit.max) {
      add(
        limit.field,
        `'${limited}' is longer than the ${limit.max} characters ${obj.kind} allows`,
      );
    }
  }
  return problems;
}
