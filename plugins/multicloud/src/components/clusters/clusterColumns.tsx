import { CellText, type ColumnConfig } from '@backstage/ui';
import WarningIcon from '@material-ui/icons/Warning';
import {
  CLOUD_TITLES,
  machineCount,
  type ClusterSortKey,
  type ClusterSummary,
  type ReplicaCounts,
} from '@internal/plugin-multicloud-common';
import { clusterProblem } from '../common/clusterProblem';
import { VerdictIcon } from '../common/VerdictIcon';
import { VERDICT_LABELS } from '../common/verdicts';

export type ClusterRow = ClusterSummary & { id: string };

function available(replicas: ReplicaCounts | undefined): string {
  return replicas ? `${replicas.available}/${replicas.desired}` : '—';
}

/**
 * The columns of every cluster table (Clusters page, entity tabs). Sortable column ids are
 * the backend's sort keys, so a header click becomes `?sort=<id>`.
 */
export const clusterColumns: ColumnConfig<ClusterRow>[] = [
  {
    id: 'name' satisfies ClusterSortKey,
    label: 'Name',
    isRowHeader: true,
    isSortable: true,
    defaultWidth: '2fr',
    cell: c => (
      <CellText
        title={c.name}
        description={
          c.errors.length > 0
            ? `${c.namespace} · ${c.errors.length} unreadable object${
                c.errors.length === 1 ? '' : 's'
              }`
            : c.namespace
        }
        leadingIcon={
          c.errors.length > 0 ? (
            <WarningIcon
              fontSize="small"
              titleAccess="Some objects of this cluster could not be read"
            />
          ) : null
        }
      />
    ),
  },
  {
    id: 'verdict' satisfies ClusterSortKey,
    label: 'Health',
    isSortable: true,
    defaultWidth: '2fr',
    cell: c => (
      <CellText
        leadingIcon={<VerdictIcon verdict={c.health.verdict} />}
        title={VERDICT_LABELS[c.health.verdict] ?? c.health.verdict}
        description={
          c.health.verdict === 'healthy' ? undefined : clusterProblem(c)
        }
      />
    ),
  },
  {
    id: 'cloud' satisfies ClusterSortKey,
    label: 'Cloud',
    isSortable: true,
    cell: c => (
      <CellText
        title={CLOUD_TITLES[c.cloud] ?? c.cloud}
        description={c.region ?? 'no region'}
      />
    ),
  },
  {
    id: 'version' satisfies ClusterSortKey,
    label: 'Kubernetes',
    isSortable: true,
    cell: c => (
      <CellText title={c.kubernetesVersion ?? '—'} description={c.phase} />
    ),
  },
  {
    id: 'controlPlane',
    label: 'Control plane',
    cell: c => (
      <CellText
        title={available(c.controlPlane?.replicas)}
        description={c.controlPlane ? 'available' : undefined}
      />
    ),
  },
  {
    id: 'workers',
    label: 'Workers',
    cell: c => (
      <CellText title={available(c.workers)} description="available" />
    ),
  },
  {
    id: 'machines' satisfies ClusterSortKey,
    label: 'Machines',
    isSortable: true,
    cell: c => <CellText title={String(machineCount(c))} />,
  },
  {
    id: 'owner' satisfies ClusterSortKey,
    label: 'Owner',
    isSortable: true,
    cell: c => (
      <CellText title={c.labels.owner ?? '—'} description={c.labels.system} />
    ),
  },
  {
    id: 'environment' satisfies ClusterSortKey,
    label: 'Environment',
    isSortable: true,
    cell: c => (
      <CellText
        title={c.labels.environment ?? '—'}
        description={c.labels.dataClass}
      />
    ),
  },
];
