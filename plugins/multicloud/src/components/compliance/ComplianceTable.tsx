import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { ComplianceCheckId } from '@internal/plugin-multicloud-common';
import { failuresByCount } from './checkLabels';
import { GroupClusters } from '../cost/GroupClusters';
import { groupLabel } from '../cost/groupLabel';
import { GROUPING_LABELS, type Grouping } from '../cost/grouping';
import type { ComplianceGroupRow } from './complianceGroups';
import { percent } from './percent';
import { RowHeaderCell } from '../cost/RowHeaderCell';

/** "Node disk encryption (2), Workload identity (1)", by the checks' own titles. */
function failuresText(
  failures: ComplianceGroupRow['failuresByCheck'],
  titles: ReadonlyMap<ComplianceCheckId, string>,
): string {
  const entries = failuresByCount(failures);
  if (entries.length === 0) return 'none';
  return entries.map(([id, n]) => `${titles.get(id) ?? id} (${n})`).join(', ');
}

/** One row per group: clusters, how many pass, the rate and the failing checks. */
export function ComplianceTable({
  by,
  rows,
  titles,
  owners,
}: {
  by: Grouping;
  rows: ComplianceGroupRow[];
  /** The checks' titles by id. */
  titles: ReadonlyMap<ComplianceCheckId, string>;
  owners?: readonly string[];
}) {
  return (
    <Table
      size="small"
      aria-label={`Compliance by ${GROUPING_LABELS[by].toLocaleLowerCase(
        'en-US',
      )}`}
    >
      <TableHead>
        <TableRow>
          {[
            GROUPING_LABELS[by],
            'Clusters',
            'Compliant',
            'Rate',
            'Failing checks',
          ].map(h => (
            <TableCell key={h} component="th" scope="col">
              {h}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            <RowHeaderCell title={row.key}>
              {groupLabel(by, row.key)}
            </RowHeaderCell>
            <TableCell>
              <GroupClusters
                by={by}
                groupKey={row.key}
                clusters={row.refs}
                owners={owners}
              />
            </TableCell>
            <TableCell>
              {row.compliant} of {row.clusters}
            </TableCell>
            <TableCell>{percent(row.compliant, row.clusters)}</TableCell>
            <TableCell>{failuresText(row.failuresByCheck, titles)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
