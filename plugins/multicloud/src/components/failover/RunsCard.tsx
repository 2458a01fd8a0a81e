import { InfoCard, Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { FailoverRunView } from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { StatusChip } from './statuses';
import { EpochTime } from './time';

/** Runs, newest first; each opens its step timeline. */
export function RunsCard({
  runs,
  runLink,
}: {
  runs: FailoverRunView[];
  runLink: (id: string) => string | undefined;
}) {
  return (
    <InfoCard titleTypographyProps={CARD_TITLE_PROPS} title="Runs">
      {runs.length === 0 ? (
        <Typography>No failover or failback has run.</Typography>
      ) : (
        <Table size="small" aria-label="Failover runs">
          <TableHead>
            <TableRow>
              <TableCell>Started</TableCell>
              <TableCell>Run</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>By</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {runs.map(run => {
              const to = runLink(run.id);
              const text = `${run.action} ${run.cluster} → ${run.target}`;
              return (
                <TableRow key={run.id}>
                  <TableCell>
                    <EpochTime ms={run.createdAt} />
                  </TableCell>
                  <TableCell>
                    {to ? <Link to={to}>{text}</Link> : text}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={run.status} />
                  </TableCell>
                  <TableCell>
                    {run.actor} ({run.mode})
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
