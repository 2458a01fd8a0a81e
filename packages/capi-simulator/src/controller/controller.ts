import {
  CAPI_LABELS,
  type KnownCloud,
} from '@internal/plugin-multicloud-common';
import { storageKeyOf } from '../api/registry';
import type { ObjectStore, StoreEvent } from '../api/store';
import type { KubeObject } from '../api/types';
import {
  isKubeadmControlPlane,
  ownedBy,
  ownerUid,
  refreshStatuses,
  type ClusterView,
} from '../capi/clusterView';
import { infraStatus, isManagedControlPlaneKind } from '../capi/providers';
import { capiVersionOf, readRef } from '../capi/refs';
import {
  CLUSTER_FINALIZER,
  isoSeconds,
  kubeconfigSecret,
  ownerRef,
} from '../generator/cluster';
import {
  finishDeletion,
  setPhase,
  startDeletion,
  stepMachines,
  type StepContext,
} from './scaling';
import { KEYS, labelled, loadView, machineContext } from './view';
import type { Writer } from './writer';

export interface ControllerOptions {
  store: ObjectStore;
  writer: Writer;
  now: () => Date;
  nameSuffix(): string;
  uid(): string;
  /** Token for the kubeconfig Secret of a cluster created through the API. */
  newWorkloadToken(clusterRef: string): string;
  serverUrl: string;
  caCert: string;
}

const GC_KINDS = [
  KEYS.machineDeployment,
  KEYS.machineSet,
  KEYS.machinePool,
  KEYS.machine,
  KEYS.secret,
];

function refOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function splitRef(ref: string): [string, string] {
  const i = ref.indexOf('/');
  return [ref.slice(0, i), ref.slice(i + 1)];
}

function controlPlaneInitialized(cluster: KubeObject): boolean {
  return capiVersionOf(cluster) === 'v1beta2'
    ? cluster.status?.initialization?.controlPlaneInitialized === true
    : cluster.status?.conditions?.some(
        (c: any) => c.type === 'ControlPlaneInitialized' && c.status === 'True',
      ) === true;
}

/**
 * The simulated CAPI controllers. Store events mark clusters dirty; each tick reconciles the
 * dirty ones by one step (machines advance one phase per tick), and the writes of that step
 * mark them dirty again for the next tick, until nothing changes.
 */
export class Controller {
  private dirty = new Set<string>();
  private deletedOwners = new Set<string>();
  /** Why a cluster is failed: `manual`, `initial` (generated failed) or `region:<cloud>/<region>`. */
  private readonly failures = new Map<string, Set<string>>();
  /** Machines a failure mode turned Failed; healed when its last cause is lifted. */
  private readonly failedMachines = new Map<string, Set<string>>();
  /** Infrastructure and control-plane objects per cluster (they may lack the cluster label). */
  private readonly referencedBy = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(private readonly o: ControllerOptions) {
    // Generated clusters are converged already; only those still on their way need work.
    for (const stored of o.store.all(KEYS.cluster)) {
      const ref = refOf(stored.namespace, stored.name);
      const phase = (JSON.parse(stored.json) as KubeObject).status?.phase;
      if (phase === 'Failed') this.failures.set(ref, new Set(['initial']));
      else if (phase !== 'Provisioned') this.dirty.add(ref);
    }
    this.unsubscribe = o.store.on(event => this.observe(event));
  }

  close(): void {
    this.unsubscribe();
  }

  /** One reconcile step for every cluster that changed since the last tick. */
  tick(): void {
    this.collectGarbage();
    const refs = [...this.dirty];
    this.dirty = new Set();
    for (const ref of refs) this.reconcile(ref);
  }

  failCluster(ref: string): void {
    this.addFailure(ref, 'manual');
  }

  /** Clears every failure cause and heals all failed machines of the cluster. */
  recoverCluster(ref: string): void {
    this.failures.delete(ref);
    this.failedMachines.delete(ref);
    this.heal(ref, () => true);
  }

  regionOutage(cloud: KnownCloud, region: string): string[] {
    const refs = this.clustersIn(cloud, region);
    for (const ref of refs) this.addFailure(ref, `region:${cloud}/${region}`);
    return refs;
  }

  /** Lifts a region outage; clusters heal the machines it failed, unless failed otherwise too. */
  recoverRegion(cloud: KnownCloud, region: string): string[] {
    const cause = `region:${cloud}/${region}`;
    const refs = [...this.failures]
      .filter(([, causes]) => causes.has(cause))
      .map(([ref]) => ref);
    for (const ref of refs) {
      const causes = this.failures.get(ref)!;
      causes.delete(cause);
      if (causes.size > 0) continue;
      this.failures.delete(ref);
      const failed = this.failedMachines.get(ref) ?? new Set<string>();
      this.failedMachines.delete(ref);
      this.heal(ref, m => failed.has(m.metadata!.uid!));
    }
    return refs;
  }

  private addFailure(ref: string, cause: string): void {
    const causes = this.failures.get(ref) ?? new Set<string>();
    causes.add(cause);
    this.failures.set(ref, causes);
    this.reconcile(ref);
  }

  private clustersIn(cloud: KnownCloud, region: string): string[] {
    const refs: string[] = [];
    for (const stored of this.o.store.all(KEYS.cluster)) {
      const view = loadView(this.o.store, stored.namespace, stored.name);
      const ctx = view && machineContext(view);
      if (ctx?.provider.cloud === cloud && ctx.region === region)
        refs.push(refOf(stored.namespace, stored.name));
    }
    return refs.sort();
  }

  private observe(event: StoreEvent): void {
    const { storageKey, object } = event;
    if (event.type === 'DELETED' && object.uid)
      this.deletedOwners.add(object.uid);
    if (storageKey === KEYS.cluster) {
      this.dirty.add(refOf(object.namespace, object.name));
      return;
    }
    const clusterName = object.labels?.[CAPI_LABELS.clusterName];
    const ref = clusterName
      ? refOf(object.namespace, clusterName)
      : this.referencedBy.get(
          `${storageKey}|${object.namespace}/${object.name}`,
        );
    if (ref) this.dirty.add(ref);
  }

  /** Background garbage collection: dependents of deleted owners get deleted. */
  private collectGarbage(): void {
    if (this.deletedOwners.size === 0) return;
    const owners = this.deletedOwners;
    this.deletedOwners = new Set();
    for (const key of GC_KINDS) {
      for (const stored of [...this.o.store.all(key)]) {
        if (!stored.ownerUids.some(uid => owners.has(uid))) continue;
        const obj = JSON.parse(stored.json) as KubeObject;
        if (!obj.metadata?.deletionTimestamp) this.o.writer.delete(obj);
      }
    }
  }

  private stepContext(
    view: ClusterView,
    frozen: boolean,
  ): StepContext | undefined {
    const machine = machineContext(view);
    const { namespace, name } = view.cluster.metadata as {
      namespace: string;
      name: string;
    };
    return (
      machine && {
        writer: this.o.writer,
        store: this.o.store,
        machine,
        namespace,
        clusterName: name,
        now: isoSeconds(this.o.now()),
        nameSuffix: this.o.nameSuffix,
        frozen,
      }
    );
  }

  private reconcile(ref: string): void {
    const [namespace, name] = splitRef(ref);
    const view = loadView(this.o.store, namespace, name);
    if (!view) {
      this.failures.delete(ref);
      return;
    }
    const statusBefore = new Map(
      this.statusObjects(view).map(o => [o, JSON.stringify(o.status)]),
    );
    for (const obj of [view.infraCluster, view.controlPlane]) {
      if (obj)
        this.referencedBy.set(
          `${storageKeyOf(obj)}|${namespace}/${obj.metadata!.name}`,
          ref,
        );
    }
    const { cluster } = view;
    if (cluster.metadata!.deletionTimestamp) {
      this.teardown(view);
    } else {
      if (!cluster.metadata!.finalizers?.includes(CLUSTER_FINALIZER)) {
        cluster.metadata!.finalizers = [
          ...(cluster.metadata!.finalizers ?? []),
          CLUSTER_FINALIZER,
        ];
        this.o.writer.update(cluster);
      }
      const failed = this.failures.has(ref);
      // A new cluster is first observed (Provisioning) before its infrastructure gets ready.
      const provisioned =
        !failed &&
        cluster.status?.phase !== undefined &&
        this.provisionInfrastructure(view);
      const step = this.stepContext(
        view,
        failed || provisioned || view.infraCluster?.status?.ready !== true,
      );
      if (step) {
        this.finishOrphans(view, step);
        this.scaleControlPlane(view, step);
        this.scaleWorkers(view, step);
        if (failed) this.failMachines(ref, view, step);
      }
      this.updatePools(view, failed);
    }
    const failed = this.failures.has(ref);
    refreshStatuses(view, {
      failed,
      failureMessage: failed ? this.failureMessage(ref) : undefined,
      now: isoSeconds(this.o.now()),
    });
    for (const obj of this.statusObjects(view)) {
      if (
        statusBefore.get(obj) !== JSON.stringify(obj.status) &&
        this.o.store.get(storageKeyOf(obj), namespace, obj.metadata!.name!)
      ) {
        this.o.writer.updateStatus(obj);
      }
    }
    if (
      !cluster.metadata!.deletionTimestamp &&
      controlPlaneInitialized(cluster)
    )
      this.ensureKubeconfig(view);
  }

  private statusObjects(view: ClusterView): KubeObject[] {
    return [
      view.cluster,
      view.controlPlane,
      ...view.machineDeployments,
      ...view.machineSets,
      ...view.machinePools,
    ].filter((o): o is KubeObject => Boolean(o));
  }

  private failureMessage(ref: string): string {
    const region = [...(this.failures.get(ref) ?? [])].find(c =>
      c.startsWith('region:'),
    );
    return region
      ? `Region outage: ${region.slice('region:'.length)} is unreachable`
      : 'Control plane and workers unreachable: instances terminated';
  }

  /**
   * The infrastructure provider's part: the infra cluster gets ready (the cluster gets its
   * endpoint), then a managed control plane. Returns whether it changed anything.
   */
  private provisionInfrastructure(view: ClusterView): boolean {
    const { cluster, infraCluster, controlPlane } = view;
    if (infraCluster && infraCluster.status?.ready !== true) {
      infraCluster.status = infraStatus(infraCluster.kind!, true);
      this.o.writer.updateStatus(infraCluster);
      if (!cluster.spec.controlPlaneEndpoint?.host) {
        const endpoint =
          infraCluster.spec?.controlPlaneEndpoint ??
          controlPlane?.spec?.controlPlaneEndpoint;
        cluster.spec.controlPlaneEndpoint = endpoint?.host
          ? endpoint
          : { host: `${cluster.metadata!.name}.sim.local`, port: 6443 };
        this.o.writer.update(cluster);
      }
      return true;
    }
    if (
      controlPlane &&
      isManagedControlPlaneKind(controlPlane.kind!) &&
      controlPlane.status?.ready !== true
    ) {
      controlPlane.status = infraStatus(
        controlPlane.kind!,
        true,
        controlPlane.spec?.version ?? controlPlane.spec?.controlPlaneVersion,
      );
      this.o.writer.updateStatus(controlPlane);
      return true;
    }
    return false;
  }

  /** Machines whose owner is gone (garbage-collected) finish their deletion here. */
  private finishOrphans(view: ClusterView, step: StepContext): void {
    const owners = new Set(
      [view.controlPlane, ...view.machineSets].map(o => o?.metadata?.uid),
    );
    const orphans = view.machines.filter(
      m => m.metadata?.deletionTimestamp && !owners.has(ownerUid(m)),
    );
    for (const machine of orphans) finishDeletion(step, machine);
    view.machines = view.machines.filter(m => !orphans.includes(m));
  }

  private scaleControlPlane(view: ClusterView, step: StepContext): void {
    const kcp = view.controlPlane;
    if (!kcp || !isKubeadmControlPlane(kcp)) return;
    const owned = ownedBy(kcp, view.machines);
    const template =
      capiVersionOf(kcp) === 'v1beta2'
        ? kcp.spec.machineTemplate?.spec
        : kcp.spec.machineTemplate;
    const after = stepMachines(step, {
      owner: kcp,
      desired: kcp.spec.replicas ?? 1,
      machines: owned,
      labels: {
        [CAPI_LABELS.controlPlane]: '',
        'cluster.x-k8s.io/control-plane-name': kcp.metadata!.name!,
      },
      infraTemplateRef: template?.infrastructureRef,
      bootstrapKind: 'KubeadmConfig',
      version: capiVersionOf(kcp),
      kubernetesVersion: kcp.spec.version,
    });
    view.machines = [
      ...view.machines.filter(m => !owned.includes(m)),
      ...after,
    ];
  }

  private scaleWorkers(view: ClusterView, step: StepContext): void {
    for (const md of view.machineDeployments) {
      let [ms] = ownedBy(md, view.machineSets);
      if (!ms) {
        if (step.frozen) continue;
        ms = this.createMachineSet(md, step);
        view.machineSets.push(ms);
      }
      if (ms.spec.replicas !== md.spec.replicas) {
        ms.spec.replicas = md.spec.replicas;
        this.o.writer.update(ms);
      }
      const owned = ownedBy(ms, view.machines);
      const after = stepMachines(step, {
        owner: ms,
        desired: ms.spec.replicas ?? 1,
        machines: owned,
        labels: {
          ...ms.spec.selector?.matchLabels,
          [CAPI_LABELS.deploymentName]: md.metadata!.name!,
          'cluster.x-k8s.io/set-name': ms.metadata!.name!,
        },
        infraTemplateRef: md.spec.template?.spec?.infrastructureRef,
        bootstrapKind:
          readRef(md.spec.template?.spec?.bootstrap?.configRef)?.kind ===
          'EKSConfigTemplate'
            ? 'EKSConfig'
            : 'KubeadmConfig',
        version: capiVersionOf(md),
        kubernetesVersion: md.spec.template?.spec?.version ?? 'v1.33.1',
      });
      view.machines = [
        ...view.machines.filter(m => !owned.includes(m)),
        ...after,
      ];
    }
  }

  private createMachineSet(md: KubeObject, step: StepContext): KubeObject {
    const labels = {
      ...md.spec.selector?.matchLabels,
      'machine-template-hash': `${step.nameSuffix()}${step.nameSuffix()}`,
    };
    return this.o.writer.create({
      apiVersion: md.apiVersion,
      kind: 'MachineSet',
      metadata: {
        name: `${md.metadata!.name}-${step.nameSuffix()}`,
        namespace: step.namespace,
        labels,
        ownerReferences: [ownerRef(md)],
      },
      spec: {
        clusterName: step.clusterName,
        replicas: md.spec.replicas ?? 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: structuredClone(md.spec.template.spec),
        },
      },
    });
  }

  /** Managed node pools (AKS, GKE) are ready while the control plane is and nothing failed. */
  private updatePools(view: ClusterView, failed: boolean): void {
    const ready = !failed && view.controlPlane?.status?.ready === true;
    for (const pool of view.infraPools) {
      if (pool.status?.ready === ready) continue;
      const mp = view.machinePools.find(
        p =>
          readRef(p.spec?.template?.spec?.infrastructureRef)?.name ===
          pool.metadata!.name,
      );
      pool.status = {
        ...pool.status,
        ready,
        replicas: mp?.spec?.replicas ?? 1,
      };
      this.o.writer.updateStatus(pool);
    }
  }

  private failMachines(
    ref: string,
    view: ClusterView,
    step: StepContext,
  ): void {
    const failed = this.failedMachines.get(ref) ?? new Set<string>();
    for (const machine of view.machines) {
      if (
        machine.metadata?.deletionTimestamp ||
        machine.status?.phase === 'Failed'
      )
        continue;
      setPhase(step, machine, 'Failed');
      failed.add(machine.metadata!.uid!);
    }
    this.failedMachines.set(ref, failed);
  }

  private heal(ref: string, which: (machine: KubeObject) => boolean): void {
    const [namespace, name] = splitRef(ref);
    const view = loadView(this.o.store, namespace, name);
    const step = view && this.stepContext(view, false);
    if (!view || !step) return;
    for (const machine of view.machines) {
      if (machine.status?.phase === 'Failed' && which(machine))
        setPhase(step, machine, 'Running');
    }
    this.reconcile(ref);
  }

  private ensureKubeconfig(view: ClusterView): void {
    const { namespace, name } = view.cluster.metadata as {
      namespace: string;
      name: string;
    };
    if (this.o.store.get(KEYS.secret, namespace, `${name}-kubeconfig`)) return;
    this.o.writer.create(
      kubeconfigSecret(view.cluster, {
        serverUrl: this.o.serverUrl,
        caCert: this.o.caCert,
        token: this.o.newWorkloadToken(refOf(namespace, name)),
        uid: this.o.uid(),
        creationTimestamp: isoSeconds(this.o.now()),
      }),
    );
  }

  /**
   * Cluster deletion, a step per tick: machines are marked for deletion, then drained and
   * removed; once none is left, the cluster's other objects go and its finalizer is lifted.
   */
  private teardown(view: ClusterView): void {
    const { cluster } = view;
    const { namespace, name } = cluster.metadata as {
      namespace: string;
      name: string;
    };
    if (view.machines.length > 0) {
      const step = this.stepContext(view, true);
      for (const machine of view.machines) {
        if (step && machine.metadata!.deletionTimestamp)
          finishDeletion(step, machine);
        else if (step) startDeletion(step, machine);
        else if (!machine.metadata!.deletionTimestamp)
          this.o.writer.delete(machine);
        else {
          machine.metadata!.finalizers = [];
          this.o.writer.update(machine);
        }
      }
      view.machines = view.machines.filter(m =>
        this.o.store.get(KEYS.machine, namespace, m.metadata!.name!),
      );
      return;
    }
    const mhcs = labelled(
      this.o.store,
      KEYS.machineHealthCheck,
      namespace,
      name,
    );
    const secret = this.o.store.read(
      KEYS.secret,
      namespace,
      `${name}-kubeconfig`,
    );
    for (const obj of [
      ...view.machineDeployments,
      ...view.machineSets,
      ...view.machinePools,
      ...view.infraPools,
      view.controlPlane,
      view.infraCluster,
      secret,
      ...mhcs,
    ]) {
      if (
        obj &&
        this.o.store.get(storageKeyOf(obj), namespace, obj.metadata!.name!)
      )
        this.o.writer.delete(obj);
    }
    cluster.metadata!.finalizers = cluster.metadata!.finalizers!.filter(
      f => f !== CLUSTER_FINALIZER,
    );
    this.o.writer.update(cluster);
    const ref = refOf(namespace, name);
    this.failures.delete(ref);
    this.failedMachines.delete(ref);
  }
}
