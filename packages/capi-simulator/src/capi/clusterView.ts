import { CAPI_LABELS } from '@internal/plugin-multicloud-common';
import type { KubeObject } from '../api/types';
import { isManagedControlPlaneKind } from './providers';
import {
  addCounts,
  clusterStatus,
  countMachines,
  kubeadmControlPlaneStatus,
  machineDeploymentStatus,
  machinePoolStatus,
  machineSetStatus,
  NO_REPLICAS,
  selectorString,
  type ClusterPhase,
  type ReplicaCounts,
} from './status';

/** One cluster and every object its status is computed from, parsed. */
export interface ClusterView {
  cluster: KubeObject;
  infraCluster?: KubeObject;
  /** KubeadmControlPlane or a managed control plane (EKS, AKS, GKE). */
  controlPlane?: KubeObject;
  machineDeployments: KubeObject[];
  machineSets: KubeObject[];
  machinePools: KubeObject[];
  /** AzureManagedMachinePool / GCPManagedMachinePool objects behind the MachinePools. */
  infraPools: KubeObject[];
  machines: KubeObject[];
}

export function ownerUid(obj: KubeObject): string | undefined {
  return obj.metadata?.ownerReferences?.find(o => o.controller)?.uid;
}

export function ownedBy(
  owner: KubeObject,
  objects: KubeObject[],
): KubeObject[] {
  const uid = owner.metadata?.uid;
  return objects.filter(o => ownerUid(o) === uid);
}

export function isKubeadmControlPlane(obj: KubeObject | undefined): boolean {
  return obj?.kind === 'KubeadmControlPlane';
}

/** Machines of the control plane or of one MachineDeployment (via its MachineSets). */
export function deploymentMachines(
  view: ClusterView,
  md: KubeObject,
): KubeObject[] {
  return ownedBy(md, view.machineSets).flatMap(ms =>
    ownedBy(ms, view.machines),
  );
}

export interface StatusOptions {
  failed: boolean;
  failureMessage?: string;
  now: string;
}

/**
 * Recomputes the status of every object in the view from its machines and children, the way
 * the CAPI controllers summarise them. Both the fleet generator and the controller loop call
 * this, so a generated fleet is already a fixed point of the controller.
 */
export function refreshStatuses(
  view: ClusterView,
  options: StatusOptions,
): void {
  const { cluster, controlPlane } = view;
  const clusterName = cluster.metadata!.name!;
  const { now } = options;
  let controlPlaneCounts: ReplicaCounts | undefined;
  let cpInitialized = false;
  let cpAvailable = false;
  if (controlPlane && isKubeadmControlPlane(controlPlane)) {
    const machines = ownedBy(controlPlane, view.machines);
    controlPlaneCounts = countMachines(
      controlPlane.spec?.replicas ?? 1,
      machines,
    );
    const selector = selectorString({
      [CAPI_LABELS.clusterName]: clusterName,
      [CAPI_LABELS.controlPlane]: '',
    });
    controlPlane.status = kubeadmControlPlaneStatus(
      controlPlane,
      controlPlaneCounts,
      selector,
      now,
    );
    cpInitialized =
      controlPlane.status.initialized ??
      controlPlane.status.initialization.controlPlaneInitialized;
    cpAvailable =
      controlPlaneCounts.ready >
      Math.floor(
        Math.max(controlPlaneCounts.desired, controlPlaneCounts.replicas) / 2,
      );
  } else if (controlPlane && isManagedControlPlaneKind(controlPlane.kind!)) {
    cpInitialized = controlPlane.status?.initialized === true;
    cpAvailable = controlPlane.status?.ready === true;
  }

  let workers = NO_REPLICAS;
  const unavailable: string[] = [];
  for (const md of view.machineDeployments) {
    const labels = {
      [CAPI_LABELS.clusterName]: clusterName,
      [CAPI_LABELS.deploymentName]: md.metadata!.name!,
    };
    for (const ms of ownedBy(md, view.machineSets)) {
      const counts = countMachines(
        ms.spec?.replicas ?? 0,
        ownedBy(ms, view.machines),
      );
      ms.status = machineSetStatus(ms, counts, selectorString(labels), now);
    }
    const counts = countMachines(
      md.spec?.replicas ?? 1,
      deploymentMachines(view, md),
    );
    md.status = machineDeploymentStatus(
      md,
      counts,
      selectorString(labels),
      now,
    );
    workers = addCounts(workers, counts);
    if (counts.available < counts.desired) {
      unavailable.push(
        `MachineDeployment ${md.metadata!.name}: ${
          counts.available
        } available replicas, at least ${counts.desired} required`,
      );
    }
  }
  for (const mp of view.machinePools) {
    const infraName = mp.spec?.template?.spec?.infrastructureRef?.name;
    const ready =
      !options.failed &&
      view.infraPools.some(
        p => p.metadata?.name === infraName && p.status?.ready === true,
      );
    mp.status = machinePoolStatus(mp, ready, now);
    const desired = mp.spec?.replicas ?? 1;
    workers = addCounts(workers, {
      desired,
      replicas: desired,
      ready: ready ? desired : 0,
      available: ready ? desired : 0,
      upToDate: desired,
    });
    if (!ready) unavailable.push(`MachinePool ${mp.metadata!.name}: not ready`);
  }

  const infrastructureReady = view.infraCluster?.status?.ready === true;
  let phase: ClusterPhase = infrastructureReady
    ? 'Provisioned'
    : 'Provisioning';
  if (options.failed) phase = 'Failed';
  if (cluster.metadata?.deletionTimestamp) phase = 'Deleting';
  const zones = [
    ...new Set(
      view.machines
        .filter(
          m => m.metadata?.labels?.[CAPI_LABELS.controlPlane] !== undefined,
        )
        .map(m => m.spec?.failureDomain),
    ),
  ]
    .filter(Boolean)
    .sort();
  cluster.status = clusterStatus(
    cluster,
    {
      phase,
      infrastructureReady,
      infrastructureKind: view.infraCluster?.kind ?? 'InfrastructureCluster',
      controlPlaneKind: controlPlane?.kind ?? 'ControlPlane',
      controlPlaneInitialized: cpInitialized,
      controlPlaneAvailable: cpAvailable,
      controlPlane: controlPlaneCounts,
      workers,
      unavailableWorkers: unavailable,
      topology: Boolean(cluster.spec?.topology),
      zones,
      failureMessage: options.failureMessage,
    },
    now,
  );
}
