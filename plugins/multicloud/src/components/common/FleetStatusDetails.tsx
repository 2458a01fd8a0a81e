import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Cell, CellText, Table, Text, type ColumnConfig } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import type { KindSyncState } from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { RelativeTime } from './RelativeTime';

type KindRow = KindSyncState & { id: string };

function kindState(k: KindSyncState): string {
  if (!k.synced) return 'Not synced';
  return k.connected ? 'Watching' : 'Disconnected';
}

const columns: ColumnConfig<KindRow>[] = [
  {
    id: 'kind',
    label: 'Kind',
    isRowHeader: true,
    cell: k => (
      <CellText title={k.kind} description={`${k.group}/${k.version}`} />
    ),
  },
  {
    id: 'state',
    label: 'State',
    cell: k => (
      <Cell>
        <Text color={k.synced && k.connected ? 'success' : 'danger'}>
          {kindState(k)}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'objects',
    label: 'Objects',
    cell: k => <CellText title={String(k.objects)} />,
  },
  {
    id: 'lastSync',
    label: 'Last sync',
    cell: k => (
      <Cell>
        <RelativeTime time={k.lastSyncTime} />
      </Cell>
    ),
  },
  {
    id: 'lastError',
    label: 'Last error',
    cell: k => (
      <CellText
        title={k.lastError ?? '—'}
        description={
          k.consecutiveFailures
            ? `${k.consecutiveFailures} failures in a row`
            : undefined
        }
      />
    ),
  },
];

/** `GET /status`: the sync state behind a stale banner, loaded when the banner shows. */
export function FleetStatusDetails() {
  const api = useApi(multicloudApiRef);
  const { value, loading, error } = useAsync(() => api.getStatus(), [api]);
  if (loading) return <Progress />;
  if (error)
    return (
      <ResponseErrorPanel title="Could not read the sync state" error={error} />
    );
  if (!value) return null;
  return (
    <Box width="100%">
      {value.managementClusters.map(mc => (
        <Box key={mc.name} mb={2}>
          <Typography variant="subtitle1" component="h3">
            Management cluster {mc.name}
            {mc.discovered ? '' : ' (API discovery failed)'}
          </Typography>
          {mc.lastError && (
            <Typography variant="body2" color="error">
              {mc.lastError}
            </Typography>
          )}
          <Table
            columnConfig={columns}
            data={mc.kinds.map(k => ({ ...k, id: `${k.group}/${k.kind}` }))}
            pagination={{ type: 'none' }}
          />
        </Box>
      ))}
      <Typography variant="caption" color="textSecondary">
        Fleet version {value.version}
        {value.lastChangeAt ? ', last change ' : ''}
        {value.lastChangeAt && <RelativeTime time={value.lastChangeAt} />}
      </Typography>
    </Box>
  );
}
