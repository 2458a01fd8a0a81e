import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { percent } from '../compliance/percent';
import type { CostGroupRow } from './costGroupRows';
import { COST_PROVENANCE_LABELS, formatUsd } from './formatCost';
import { GroupClusters } from './GroupClusters';
import { groupLabel } from './groupLabel';
import { GROUPING_LABELS, type Grouping } from './grouping';
import { RowHeaderCell } from './RowHeaderCell';

/** One row per group: clusters, $/h, $/month, share of the total and where the prices come from. */
export function CostTable({
  by,
  rows,
  totalPerHour,
  owners,
}: {
  by: Grouping;
  rows: CostGroupRow[];
  totalPerHour: number;
  owners?: readonly string[];
}) {
  return (
    <Table
      size="small"
      aria-label={`Cost by ${GROUPING_LABELS[by].toLocaleLowerCase('en-US')}`}
    >
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {GROUPING_LABELS[by]}
          </TableCell>
          <TableCell component="th" scope="col">
            Clusters
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            $/hour
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            $/month
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Share
          </TableCell>
          <TableCell component="th" scope="col">
            Prices
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.unallocated ? '\u0000unallocated' : row.key}>
            <RowHeaderCell title={row.key}>
              {row.unallocated
                ? 'Unallocated (no service depends on these)'
                : groupLabel(by, row.key)}
            </RowHeaderCell>
            <TableCell>
              <GroupClusters
                by={by}
                groupKey={row.key}
                clusters={row.clusters}
                owners={owners}
              />
            </TableCell>
            <TableCell align="right">{formatUsd(row.perHour)}</TableCell>
            <TableCell align="right">{formatUsd(row.perMonth)}</TableCell>
            <TableCell align="right">
              {percent(row.perHour, totalPerHour)}
            </TableCell>
            <TableCell>{COST_PROVENANCE_LABELS[row.provenance]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
