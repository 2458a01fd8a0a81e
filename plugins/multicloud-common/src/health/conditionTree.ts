import type { ReplicaCounts } from '../model/ClusterSummary';
import type { Condition, KubeObject } from '../model/kube';
import {
  resolveRef,
  toClusterObjects,
  type ClusterObjects,
} from '../fleet/ClusterObjects';
import { FieldReader } from '../fleet/FieldReader';
import { machinesByOwner } from '../fleet/machineOwners';
import { kindOf, nameOf, namespaceOf } from '../fleet/objects';
import { replicasOf } from '../fleet/replicas';
import {
  conditionsOf,
  pickCondition,
  severityOf,
  worstSeverity,
  type Severity,
} from './conditions';

/** One condition as shown on a tree node. */
export interface NodeCondition {
  type: string;
  status: Condition['status'];
  reason?: string;
  message?: string;
  severity: Severity;
  lastTransitionTime?: string;
}

/**
 * A node of the cluster's condition tree, the shape of `clusterctl describe cluster`:
 *
 *   Cluster
 *   ├─ ClusterInfrastructure  (AWSCluster, AzureManagedCluster, ...)
 *   ├─ ControlPlane           (KubeadmControlPlane, AWSManagedControlPlane, ...)
 *   │   └─ Machines (siblings in the same state grouped)
 *   └─ Workers                (virtual)
 *       ├─ MachineDeployment / MachinePool
 *       │   └─ Machines (grouped)
 *       └─ Other              (virtual: machines nobody claims)
 *
 * Plain JSON: safe to serialise and send to the browser.
 */
export interface ConditionTreeNode {
  /** Unique in the tree: `Kind/name`, or `Kind/parent/#n` for groups. */
  id: string;
  /** Object kind; `WorkerGroup`/`OtherGroup` for virtual nodes, `<Kind>Group` (e.g. `MachineGroup`) for grouped siblings. */
  kind: string;
  name: string;
  /** clusterctl's name for the node's place in the tree. */
  role?:
    | 'ClusterInfrastructure'
    | 'ControlPlane'
    | 'Workers'
    | 'Other'
    | 'MachineInfrastructure';
  virtual?: boolean;
  /** The node's headline: Available when the object reports it, else Ready. */
  status: Condition['status'];
  severity: Severity;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  ready?: NodeCondition;
  available?: NodeCondition;
  upToDate?: NodeCondition;
  phase?: string;
  replicas?: ReplicaCounts;
  /** Grouped siblings (clusterctl's "echo" grouping): same kind and same Available/Ready/UpToDate state. */
  group?: {
    count: number;
    members: string[];
    ready: number;
    available: number;
    upToDate: number;
  };
  children: ConditionTreeNode[];
}

export function buildConditionTree(
  input: ClusterObjects | readonly KubeObject[],
): ConditionTreeNode {
  const objects = toClusterObjects(input);
  const reader = new FieldReader();
  const cluster = objects.cluster;
  if (!cluster) {
    return {
      id: 'Cluster/?',
      kind: 'Cluster',
      name: '?',
      status: 'Unknown',
      severity: 'warning',
      reason: 'NotFound',
      message: 'Cluster object not found',
      children: [],
    };
  }
  const owners = machinesByOwner(objects);
  const children: ConditionTreeNode[] = [];
  if (objects.infrastructure) {
    children.push({
      ...objectNode(objects.infrastructure, reader),
      role: 'ClusterInfrastructure',
    });
  }
  if (objects.controlPlane) {
    const cp = objectNode(objects.controlPlane, reader);
    children.push({
      ...cp,
      role: 'ControlPlane',
      children: machineNodes(objects, owners.controlPlane, cp.id, reader),
    });
  }

  const workers: ConditionTreeNode[] = [];
  const pools = [
    ...objects.machineDeployments.map(o => ({
      o,
      machines: owners.deployments.get(nameOf(o) ?? ''),
    })),
    ...objects.machinePools.map(o => ({
      o,
      machines: owners.pools.get(nameOf(o) ?? ''),
    })),
  ];
  for (const { o, machines } of pools) {
    const node = objectNode(o, reader);
    workers.push({
      ...node,
      children: machineNodes(objects, machines ?? [], node.id, reader),
    });
  }
  if (owners.other.length > 0) {
    workers.push(
      virtualNode(
        'OtherGroup',
        'Other',
        'Other',
        machineNodes(objects, owners.other, 'OtherGroup/Other', reader),
      ),
    );
  }
  if (workers.length > 0) {
    const workersCondition = pickCondition(
      conditionsOf(cluster, reader),
      'WorkersAvailable',
    );
    const node = virtualNode('WorkerGroup', 'Workers', 'Workers', workers);
    children.push(
      workersCondition
        ? { ...node, ...headline(toNodeCondition(workersCondition.condition)) }
        : node,
    );
  }

  return { ...objectNode(cluster, reader), children };
}

function toNodeCondition(c: Condition): NodeCondition {
  return {
    type: c.type,
    status: c.status,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
    severity: severityOf(c),
    ...(c.lastTransitionTime
      ? { lastTransitionTime: c.lastTransitionTime }
      : {}),
  };
}

function headline(c: NodeCondition) {
  return {
    status: c.status,
    severity: c.severity,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
    ...(c.lastTransitionTime
      ? { lastTransitionTime: c.lastTransitionTime }
      : {}),
  };
}

const REPLICA_KINDS = new Set([
  'MachineDeployment',
  'MachinePool',
  'MachineSet',
]);

function objectNode(obj: KubeObject, reader: FieldReader): ConditionTreeNode {
  const sets = conditionsOf(obj, reader);
  const pick = (type: string) => {
    const found = pickCondition(sets, type);
    return found ? toNodeCondition(found.condition) : undefined;
  };
  let ready = pick('Ready');
  // Provider objects without conditions (GCPCluster) only say `status.ready`.
  const readyFlag = reader.bool(obj, 'status.ready');
  if (!ready && readyFlag !== undefined) {
    ready = {
      type: 'Ready',
      status: readyFlag ? 'True' : 'False',
      severity: readyFlag ? 'none' : 'warning',
    };
  }
  const available = pick('Available');
  const upToDate = pick('UpToDate');
  const top = available ?? ready;
  const kind = kindOf(obj) ?? 'Object';
  const name = nameOf(obj) ?? '?';
  const phase = reader.str(obj, 'status.phase');
  const isReplicaKind = REPLICA_KINDS.has(kind) || !!obj.spec?.machineTemplate;
  return {
    id: `${kind}/${name}`,
    kind,
    name,
    ...(top
      ? headline(top)
      : {
          status: 'Unknown' as const,
          severity: 'info' as const,
          reason: 'NoConditions',
        }),
    ...(ready ? { ready } : {}),
    ...(available ? { available } : {}),
    ...(upToDate ? { upToDate } : {}),
    ...(phase ? { phase } : {}),
    ...(isReplicaKind ? { replicas: replicasOf(obj, reader) } : {}),
    children: [],
  };
}

function virtualNode(
  kind: string,
  name: string,
  role: ConditionTreeNode['role'],
  children: ConditionTreeNode[],
): ConditionTreeNode {
  const severity = worstSeverity(children.map(c => c.severity));
  let status: Condition['status'] = 'Unknown';
  if (children.every(c => c.status === 'True')) status = 'True';
  else if (children.some(c => c.status === 'False')) status = 'False';
  return {
    id: `${kind}/${name}`,
    kind,
    name,
    role,
    virtual: true,
    status,
    severity,
    children,
  };
}

/**
 * Machine nodes with clusterctl's grouping: siblings whose Available, Ready and UpToDate
 * conditions have the same status and reason (v1beta1: Ready status, severity and
 * reason) become one `MachineGroup` node with a count and the member names. A machine
 * left alone shows its infrastructure machine when that one is not ready and says
 * something the machine does not (clusterctl's "echo" rule).
 */
function machineNodes(
  objects: ClusterObjects,
  machines: readonly KubeObject[],
  parentId: string,
  reader: FieldReader,
): ConditionTreeNode[] {
  const byState = new Map<string, ConditionTreeNode[]>();
  for (const machine of machines) {
    const node = objectNode(machine, reader);
    const key = stateKey(node);
    const list = byState.get(key);
    if (list) list.push(node);
    else byState.set(key, [node]);
  }
  const singles: ConditionTreeNode[] = [];
  const groups: ConditionTreeNode[] = [];
  for (const nodes of byState.values()) {
    if (nodes.length === 1)
      singles.push(withEcho(objects, machines, nodes[0], reader));
    else groups.push(groupNode(nodes, `${parentId}/#${groups.length + 1}`));
  }
  singles.sort((a, b) => (a.name < b.name ? -1 : 1));
  return [...singles, ...groups];
}

function stateKey(node: ConditionTreeNode): string {
  const part = (c?: NodeCondition) =>
    c ? `${c.status}|${c.severity}|${c.reason ?? ''}` : '-';
  return `${node.kind}/${part(node.available)}/${part(node.ready)}/${part(
    node.upToDate,
  )}`;
}

function groupNode(nodes: ConditionTreeNode[], id: string): ConditionTreeNode {
  const first = nodes[0];
  const members = nodes.map(n => n.name).sort();
  const count = (pick: (n: ConditionTreeNode) => NodeCondition | undefined) =>
    nodes.filter(n => pick(n)?.status === 'True').length;
  const times = nodes
    .map(n => n.lastTransitionTime)
    .filter((t): t is string => !!t)
    .sort();
  // Messages differ per member; clusterctl drops them from the group too.
  const strip = (c?: NodeCondition) =>
    c ? { ...c, message: undefined, lastTransitionTime: undefined } : undefined;
  return {
    id,
    kind: `${first.kind}Group`,
    name: `${members.length} ${first.kind}s`,
    status: first.status,
    severity: first.severity,
    ...(first.reason ? { reason: first.reason } : {}),
    ...(times.length > 0 ? { lastTransitionTime: times[0] } : {}),
    ...(first.ready ? { ready: strip(first.ready) } : {}),
    ...(first.available ? { available: strip(first.available) } : {}),
    ...(first.upToDate ? { upToDate: strip(first.upToDate) } : {}),
    group: {
      count: members.length,
      members,
      ready: count(n => n.ready),
      available: count(n => n.available),
      upToDate: count(n => n.upToDate),
    },
    children: [],
  };
}

function withEcho(
  objects: ClusterObjects,
  machines: readonly KubeObject[],
  node: ConditionTreeNode,
  reader: FieldReader,
): ConditionTreeNode {
  if (node.ready?.status === 'True') return node;
  const machine = machines.find(m => nameOf(m) === node.name);
  const infra =
    machine &&
    resolveRef(
      objects.byKey,
      machine.spec?.infrastructureRef,
      namespaceOf(machine),
    );
  if (!infra) return node;
  const infraNode = objectNode(infra, reader);
  const echo =
    infraNode.status === node.ready?.status &&
    infraNode.severity === node.ready?.severity &&
    infraNode.reason === node.ready?.reason;
  if (infraNode.status === 'True' || echo) return node;
  return {
    ...node,
    children: [{ ...infraNode, role: 'MachineInfrastructure' }],
  };
}
