import {
  Content,
  Progress,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  machineCount,
  type ClusterSummary,
  type ClustersResponse,
} from '@internal/plugin-multicloud-common';
import useAsync from 'react-use/esm/useAsync';

function twoLines(title: string, detail?: string) {
  return (
    <>
      <div>{title}</div>
      {detail && <small>{detail}</small>}
    </>
  );
}

const available = (r?: { available: number; desired: number }) =>
  r ? `${r.available}/${r.desired}` : '—';

/** What our table shows, column for column, as core Table columns (searchable fields). */
const columns: TableColumn<ClusterSummary>[] = [
  { title: 'Name', field: 'name', render: c => twoLines(c.name, c.namespace) },
  {
    title: 'Health',
    field: 'health.verdict',
    render: c =>
      twoLines(
        c.health.verdict,
        c.health.verdict === 'healthy'
          ? undefined
          : c.health.reasons[0]?.message,
      ),
  },
  { title: 'Cloud', field: 'cloud', render: c => twoLines(c.cloud, c.region) },
  {
    title: 'Kubernetes',
    field: 'kubernetesVersion',
    render: c => twoLines(c.kubernetesVersion ?? '—', c.phase),
  },
  {
    title: 'Control plane',
    render: c => twoLines(available(c.controlPlane?.replicas), 'available'),
  },
  {
    title: 'Workers',
    render: c => twoLines(available(c.workers), 'available'),
  },
  { title: 'Machines', render: c => String(machineCount(c)) },
  {
    title: 'Owner',
    field: 'labels.owner',
    render: c => twoLines(c.labels.owner ?? '—', c.labels.system),
  },
  {
    title: 'Environment',
    field: 'labels.environment',
    render: c => twoLines(c.labels.environment ?? '—', c.labels.dataClass),
  },
];

/** Every cluster, loaded from the same endpoint and query as our page, in a core Table. */
export function BaselinePage({ paging }: { paging: boolean }) {
  const discovery = useApi(discoveryApiRef);
  const { fetch } = useApi(fetchApiRef);
  const { value } = useAsync(async () => {
    const base = await discovery.getBaseUrl('multicloud');
    const res = await fetch(`${base}/clusters?sort=name&limit=5000`);
    return ((await res.json()) as ClustersResponse).items;
  }, [discovery, fetch]);

  // The usual plugin pattern: a progress bar until the data is there, then the table.
  if (!value) return <Progress />;
  return (
    <Content>
      <Table<ClusterSummary>
        title="Clusters"
        data={value}
        columns={columns}
        options={{ paging, pageSize: 20, search: true }}
      />
    </Content>
  );
}
