import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  CLOUD_TITLES,
  type ClusterCostSummary,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { ClusterRefLink } from './ClusterRefLink';
import { COST_PROVENANCE_LABELS, formatUsd } from './formatCost';
import { RowHeaderCell } from './RowHeaderCell';

const LIMIT = 10;

/** The clusters that cost most, with where they run and who owns them. */
export function MostExpensiveCard({
  clusters,
}: {
  clusters: readonly ClusterCostSummary[];
}) {
  const top = [...clusters]
    .sort((a, b) => b.perHour - a.perHour || a.ref.localeCompare(b.ref))
    .slice(0, LIMIT);
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Most expensive clusters"
      subheader={
        clusters.length > LIMIT
          ? `The ${LIMIT} highest of ${clusters.length}`
          : 'Every cluster, highest first'
      }
    >
      <Table size="small" aria-label="Most expensive clusters">
        <TableHead>
          <TableRow style={{ whiteSpace: 'nowrap' }}>
            {['Cluster', 'Cloud', 'Region', 'Team', 'Environment'].map(h => (
              <TableCell key={h} component="th" scope="col">
                {h}
              </TableCell>
            ))}
            <TableCell component="th" scope="col" align="right">
              $/hour
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              $/month
            </TableCell>
            <TableCell component="th" scope="col">
              Prices
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {top.map(c => (
            <TableRow key={c.ref}>
              <RowHeaderCell>
                <ClusterRefLink clusterRef={c.ref} />
              </RowHeaderCell>
              <TableCell>{CLOUD_TITLES[c.cloud]}</TableCell>
              <TableCell>{c.region ?? '—'}</TableCell>
              <TableCell>{c.owner ?? '—'}</TableCell>
              <TableCell>{c.environment ?? '—'}</TableCell>
              <TableCell align="right">{formatUsd(c.perHour)}</TableCell>
              <TableCell align="right">{formatUsd(c.perMonth)}</TableCell>
              <TableCell>{COST_PROVENANCE_LABELS[c.provenance]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
