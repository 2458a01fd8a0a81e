import { storageKey } from '../api/registry';
import type { ObjectStore } from '../api/store';
import type { KubeObject } from '../api/types';
import type { ClusterView } from '../capi/clusterView';
import type { MachineContext } from '../capi/machines';
import { cloudOfKind, PROVIDERS, regionOf } from '../capi/providers';
import { CAPI_GROUP, readRef } from '../capi/refs';

export const KEYS = {
  cluster: storageKey(CAPI_GROUP, 'Cluster'),
  machineDeployment: storageKey(CAPI_GROUP, 'MachineDeployment'),
  machineSet: storageKey(CAPI_GROUP, 'MachineSet'),
  machinePool: storageKey(CAPI_GROUP, 'MachinePool'),
  machine: storageKey(CAPI_GROUP, 'Machine'),
  machineHealthCheck: storageKey(CAPI_GROUP, 'MachineHealthCheck'),
  secret: storageKey('', 'Secret'),
};

/** Parsed objects of a kind in a namespace carrying the cluster-name label (label index). */
export function labelled(
  store: ObjectStore,
  key: string,
  namespace: string,
  clusterName: string,
): KubeObject[] {
  return store
    .withLabel(key, namespace, clusterName)
    .map(s => JSON.parse(s.json));
}

export function readReferenced(
  store: ObjectStore,
  namespace: string,
  ref: unknown,
): KubeObject | undefined {
  const r = readRef(ref);
  return r
    ? store.read(storageKey(r.group, r.kind), namespace, r.name)
    : undefined;
}

/** Loads a cluster and everything its reconciliation reads. */
export function loadView(
  store: ObjectStore,
  namespace: string,
  name: string,
): ClusterView | undefined {
  const cluster = store.read(KEYS.cluster, namespace, name);
  if (!cluster) return undefined;
  const machinePools = labelled(store, KEYS.machinePool, namespace, name);
  return {
    cluster,
    infraCluster: readReferenced(
      store,
      namespace,
      cluster.spec?.infrastructureRef,
    ),
    controlPlane: readReferenced(
      store,
      namespace,
      cluster.spec?.controlPlaneRef,
    ),
    machineDeployments: labelled(
      store,
      KEYS.machineDeployment,
      namespace,
      name,
    ),
    machineSets: labelled(store, KEYS.machineSet, namespace, name),
    machinePools,
    infraPools: machinePools
      .map(mp =>
        readReferenced(
          store,
          namespace,
          mp.spec?.template?.spec?.infrastructureRef,
        ),
      )
      .filter((p): p is KubeObject => Boolean(p)),
    machines: labelled(store, KEYS.machine, namespace, name),
  };
}

/** Cloud, region and account of a cluster, read from its infrastructure or control plane. */
export function machineContext(view: ClusterView): MachineContext | undefined {
  const source = [view.infraCluster, view.controlPlane].find(o =>
    cloudOfKind(o?.kind),
  );
  const cloud = cloudOfKind(source?.kind);
  if (!cloud) return undefined;
  const provider = PROVIDERS[cloud];
  const region =
    regionOf(view.infraCluster) ??
    regionOf(view.controlPlane) ??
    { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' }[cloud];
  const account =
    view.infraCluster?.spec?.subscriptionID ??
    view.infraCluster?.spec?.project ??
    view.controlPlane?.spec?.subscriptionID ??
    view.controlPlane?.spec?.project ??
    '000000000000';
  return {
    provider,
    region,
    account,
    clusterName: view.cluster.metadata!.name!,
  };
}
