import { CAPI_LABELS } from '../model/labels';
import { clusterRef, type ClusterRef, type KubeObject } from '../model/kube';
import {
  apiGroupOf,
  isCoreKind,
  keyOf,
  labelOf,
  namespaceOf,
  nameOf,
  refTarget,
  type ObjectKey,
} from './objects';

/**
 * How objects find their cluster. Two kinds of evidence:
 *  - direct: the object names its cluster (the Cluster itself, `spec.clusterName`, the
 *    `cluster.x-k8s.io/cluster-name` label, an owner reference to a Cluster);
 *  - by reference: the object is referenced by one that belongs to a cluster (the
 *    Cluster's infrastructure/control plane/ClusterClass, machine templates of a
 *    MachineDeployment, KubeadmControlPlane or ClusterClass). Shared objects such as a
 *    ClusterClass and its templates belong to every cluster that uses them.
 */

export function directClustersOf(obj: KubeObject): ClusterRef[] {
  const ns = namespaceOf(obj);
  const name = nameOf(obj);
  if (isCoreKind(obj, 'Cluster')) return name ? [clusterRef(ns, name)] : [];

  // Usually one name said up to three times: a small array beats a Set here.
  const found: ClusterRef[] = [];
  const add = (clusterName: unknown) => {
    if (typeof clusterName !== 'string' || !clusterName) return;
    const ref = clusterRef(ns, clusterName);
    if (!found.includes(ref)) found.push(ref);
  };
  add(obj.spec?.clusterName);
  add(labelOf(obj, CAPI_LABELS.clusterName));
  const owners = obj.metadata?.ownerReferences;
  if (Array.isArray(owners)) {
    for (const owner of owners) {
      if (
        owner?.kind === 'Cluster' &&
        apiGroupOf(owner.apiVersion) === 'cluster.x-k8s.io'
      ) {
        add(owner.name);
      }
    }
  }
  return found;
}

/** Key of the ClusterClass a topology Cluster uses (v1beta1 `class`, v1beta2 `classRef`). */
export function clusterClassKeyOf(cluster: KubeObject): ObjectKey | undefined {
  const topology = cluster.spec?.topology;
  if (!topology || typeof topology !== 'object') return undefined;
  const ns = namespaceOf(cluster);
  if (topology.classRef && typeof topology.classRef === 'object') {
    const { name, namespace } = topology.classRef;
    if (typeof name === 'string' && name) {
      return keyOf(
        'ClusterClass',
        typeof namespace === 'string' && namespace ? namespace : ns,
        name,
      );
    }
  }
  if (typeof topology.class === 'string' && topology.class) {
    const classNs = topology.classNamespace;
    return keyOf(
      'ClusterClass',
      typeof classNs === 'string' && classNs ? classNs : ns,
      topology.class,
    );
  }
  return undefined;
}

/** The control plane's machine template (v1beta1 `machineTemplate.infrastructureRef`, v1beta2 `machineTemplate.spec.infrastructureRef`). */
export function controlPlaneTemplateRef(controlPlane: KubeObject): unknown {
  const template = controlPlane.spec?.machineTemplate;
  return template?.spec?.infrastructureRef ?? template?.infrastructureRef;
}

/** ClusterClass references, v1beta2 `templateRef` or v1beta1 `ref`. */
function classRef(holder: any): unknown {
  return holder?.templateRef ?? holder?.ref;
}

export function clusterClassWorkerTemplateRef(
  clusterClass: KubeObject,
  pool: 'machineDeployments' | 'machinePools',
  className: string,
): unknown {
  const classes = clusterClass.spec?.workers?.[pool];
  if (!Array.isArray(classes)) return undefined;
  const entry = classes.find(c => c?.class === className);
  // v1beta2: `infrastructure.templateRef`; v1beta1: `template.infrastructure.ref`.
  return (
    classRef(entry?.infrastructure) ?? classRef(entry?.template?.infrastructure)
  );
}

export function clusterClassInfrastructureRef(
  clusterClass: KubeObject,
): unknown {
  return classRef(clusterClass.spec?.infrastructure);
}

export function clusterClassControlPlaneTemplateRef(
  clusterClass: KubeObject,
): unknown {
  return classRef(clusterClass.spec?.controlPlane?.machineInfrastructure);
}

/** Objects this object points at, which therefore belong to the same cluster(s). */
export function referencedKeysOf(obj: KubeObject): ObjectKey[] {
  const ns = namespaceOf(obj);
  const refs: unknown[] = [];
  if (isCoreKind(obj, 'Cluster')) {
    refs.push(obj.spec?.infrastructureRef, obj.spec?.controlPlaneRef);
    const classKey = clusterClassKeyOf(obj);
    const keys = collect(refs, ns);
    return classKey ? [...keys, classKey] : keys;
  }
  if (isCoreKind(obj, 'ClusterClass')) {
    refs.push(
      clusterClassInfrastructureRef(obj),
      classRef(obj.spec?.controlPlane),
      clusterClassControlPlaneTemplateRef(obj),
    );
    for (const pool of ['machineDeployments', 'machinePools'] as const) {
      const classes = obj.spec?.workers?.[pool];
      if (Array.isArray(classes)) {
        for (const entry of classes) {
          refs.push(
            classRef(entry?.infrastructure) ??
              classRef(entry?.template?.infrastructure),
          );
        }
      }
    }
    return collect(refs, ns);
  }
  // Machines and MachineSets are left out on purpose: CAPI labels the infrastructure
  // machines (and pools) it creates with the cluster name, and a MachineSet's template is
  // its MachineDeployment's; following them would add an edge for each of 20,000 machines.
  if (isCoreKind(obj, 'MachineDeployment') || isCoreKind(obj, 'MachinePool')) {
    refs.push(obj.spec?.template?.spec?.infrastructureRef);
  } else if (obj.spec?.machineTemplate) {
    refs.push(controlPlaneTemplateRef(obj));
  }
  return collect(refs, ns);
}

function collect(refs: unknown[], ns: string): ObjectKey[] {
  const keys: ObjectKey[] = [];
  for (const ref of refs) {
    const target = refTarget(ref, ns);
    if (target) keys.push(target.key);
  }
  return keys;
}
