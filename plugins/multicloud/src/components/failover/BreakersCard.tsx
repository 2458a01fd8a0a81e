import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { FailoverBreakerView } from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { ClusterRefLink } from '../cost/ClusterRefLink';
import { VERDICT_LABELS } from '../common/verdicts';
import { StatusChip, statusLabel } from './statuses';
import { EpochTime } from './time';

/** Circuit breakers of the clusters with a policy; for one cluster, its transitions too. */
export function BreakersCard({
  breakers,
}: {
  breakers: FailoverBreakerView[];
}) {
  const transitions = breakers.flatMap(b => b.transitions ?? []);
  return (
    <InfoCard titleTypographyProps={CARD_TITLE_PROPS} title="Circuit breakers">
      {breakers.length === 0 ? (
        <Typography>
          No breakers yet: they start with the first health check of a cluster
          that declares a failover policy.
        </Typography>
      ) : (
        <Table size="small" aria-label="Circuit breakers">
          <TableHead>
            <TableRow>
              <TableCell>Cluster</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Last verdict</TableCell>
              <TableCell>Failures in a row</TableCell>
              <TableCell>Last opened</TableCell>
              <TableCell>Checked</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {breakers.map(b => (
              <TableRow key={b.cluster}>
                <TableCell>
                  <ClusterRefLink clusterRef={b.cluster} />
                </TableCell>
                <TableCell>
                  <StatusChip status={b.state.position} />
                </TableCell>
                <TableCell>
                  {VERDICT_LABELS[b.lastVerdict] ?? b.lastVerdict}
                </TableCell>
                <TableCell>{b.state.consecutiveFailures}</TableCell>
                <TableCell>
                  {b.state.openedAt ? (
                    <EpochTime ms={b.state.openedAt} />
                  ) : (
                    'never'
                  )}
                </TableCell>
                <TableCell>
                  <EpochTime ms={b.updatedAt} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {breakers.length === 1 && breakers[0].transitions && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Trips and recoveries ({transitions.length})
          </Typography>
          {transitions.length === 0 ? (
            <Typography variant="body2">
              The breaker has not changed state.
            </Typography>
          ) : (
            <Box component="ol" m={0} pl={3} aria-label="Breaker transitions">
              {transitions.map(t => (
                <li key={`${t.at}-${t.to}`}>
                  <Typography variant="body2">
                    <EpochTime ms={t.at} />: {statusLabel(t.from)} →{' '}
                    {statusLabel(t.to)} ({t.reason})
                  </Typography>
                </li>
              ))}
            </Box>
          )}
        </Box>
      )}
    </InfoCard>
  );
}
