import { InfoCard } from '@backstage/core-components';
import { CellText, Table, type ColumnConfig } from '@backstage/ui';
import type {
  ClusterSummary,
  ReplicaCounts,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';

interface PoolRow {
  id: string;
  name: string;
  kind: string;
  replicas?: ReplicaCounts;
  autoscaler?: { min: number; max: number };
  instanceType?: string;
  note?: string;
}

const count = (r: ReplicaCounts | undefined, key: keyof ReplicaCounts) =>
  r ? String(r[key]) : '—';

const columns: ColumnConfig<PoolRow>[] = [
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    defaultWidth: '3fr',
    cell: p => <CellText title={p.name} description={p.kind} />,
  },
  {
    id: 'desired',
    label: 'Desired',
    cell: p => <CellText title={count(p.replicas, 'desired')} />,
  },
  {
    id: 'ready',
    label: 'Ready',
    cell: p => <CellText title={count(p.replicas, 'ready')} />,
  },
  {
    id: 'available',
    label: 'Available',
    cell: p => <CellText title={count(p.replicas, 'available')} />,
  },
  {
    id: 'upToDate',
    label: 'Up to date',
    cell: p => <CellText title={count(p.replicas, 'upToDate')} />,
  },
  {
    id: 'autoscaler',
    label: 'Autoscaler',
    cell: p => (
      <CellText
        title={
          p.autoscaler ? `${p.autoscaler.min}–${p.autoscaler.max}` : 'not set'
        }
      />
    ),
  },
  {
    id: 'instanceType',
    label: 'Instance type',
    cell: p => <CellText title={p.instanceType ?? '—'} description={p.note} />,
  },
];

function rowsOf(cluster: ClusterSummary): PoolRow[] {
  const rows: PoolRow[] = [];
  const cp = cluster.controlPlane;
  if (cp) {
    rows.push({
      id: `control-plane/${cp.kind}`,
      name: 'Control plane',
      kind: [
        cp.kind,
        cp.managed === 'self' ? 'self-managed' : `managed (${cp.managed})`,
        cp.version,
      ]
        .filter(Boolean)
        .join(' · '),
      replicas: cp.replicas,
      instanceType: cp.instanceType,
      note: cp.tier ? `tier ${cp.tier}` : undefined,
    });
  }
  for (const pool of cluster.workerPools) {
    rows.push({
      id: `${pool.kind}/${pool.name}`,
      name: pool.name,
      kind: pool.kind,
      replicas: pool.replicas,
      autoscaler: pool.autoscaler,
      instanceType: pool.instanceType,
    });
  }
  return rows;
}

/** The control plane and each MachineDeployment / MachinePool with replicas and autoscaler bounds. */
export function WorkersCard({ cluster }: { cluster: ClusterSummary }) {
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Control plane and worker pools"
      noPadding
    >
      <Table
        columnConfig={columns}
        data={rowsOf(cluster)}
        pagination={{ type: 'none' }}
        emptyState="No control plane or worker pools reported."
      />
    </InfoCard>
  );
}
