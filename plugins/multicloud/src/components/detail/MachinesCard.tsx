import { InfoCard } from '@backstage/core-components';
import { Cell, CellText, Table, Text, type ColumnConfig } from '@backstage/ui';
import type { MachineRow } from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';

type Row = MachineRow & { id: string };

const PHASE_COLORS: Record<string, 'primary' | 'danger'> = {
  Running: 'primary',
  Failed: 'danger',
};

/** Beyond this many machines the table renders only the rows in view. */
const VIRTUALIZE_FROM = 100;

const columns: ColumnConfig<Row>[] = [
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    defaultWidth: '3fr',
    cell: m => (
      <CellText
        title={m.name}
        description={m.nodeName ? `node ${m.nodeName}` : 'no node'}
      />
    ),
  },
  {
    id: 'role',
    label: 'Role',
    cell: m => (
      <CellText
        title={m.role === 'control-plane' ? 'control plane' : 'worker'}
        description={m.pool}
      />
    ),
  },
  {
    id: 'phase',
    label: 'Phase',
    cell: m => (
      <Cell>
        <Text color={PHASE_COLORS[m.phase] ?? 'warning'}>{m.phase}</Text>
      </Cell>
    ),
  },
  {
    id: 'version',
    label: 'Version',
    cell: m => <CellText title={m.version ?? '—'} />,
  },
  {
    id: 'problem',
    label: 'Problem',
    defaultWidth: '3fr',
    cell: m => (
      <Cell>
        <Text color={m.problem ? 'danger' : 'secondary'}>
          {m.problem ?? 'none'}
        </Text>
      </Cell>
    ),
  },
];

/** Every Machine of the cluster, control plane first, with what is wrong with it. */
export function MachinesCard({
  machines,
}: {
  machines: readonly MachineRow[];
}) {
  const virtualized = machines.length >= VIRTUALIZE_FROM;
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title={`Machines (${machines.length})`}
      noPadding
    >
      <Table
        columnConfig={columns}
        data={machines.map(m => ({ ...m, id: `${m.namespace}/${m.name}` }))}
        pagination={{ type: 'none' }}
        virtualized={virtualized ? { rowHeight: 64 } : undefined}
        style={virtualized ? { height: 640 } : undefined}
        emptyState="No Machine objects: managed node pools do not create them."
      />
    </InfoCard>
  );
}
