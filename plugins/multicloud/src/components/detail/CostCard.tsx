import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterCost,
  ClusterSummary,
  CostLine,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { CostFigure } from '../cost/CostFigure';
import { formatUsd, PRICE_PROVENANCE_LABELS } from '../cost/formatCost';
import { machineGroupsOf } from '../cost/machineGroups';
import { RowHeaderCell } from '../cost/RowHeaderCell';

const HEADERS = [
  'Item',
  'Machine group',
  'Count',
  'Unit $/h',
  '$/hour',
  '$/month',
  'Price',
] as const;
const NUMERIC = new Set<string>(['Count', 'Unit $/h', '$/hour', '$/month']);

const usdOrUnknown = (v: number | null) =>
  v === null ? 'unknown' : formatUsd(v);

/** "fallback: us-east-1 price used for us-west-2 · karpenter-aws-pricing" with the source linked. */
function Provenance({ line }: { line: CostLine }) {
  const source = line.sourceUrl ? (
    <Link to={line.sourceUrl}>{line.source}</Link>
  ) : (
    line.source
  );
  return (
    <>
      <strong>{PRICE_PROVENANCE_LABELS[line.provenance]}</strong>
      {line.note && `: ${line.note}`} · {source}
    </>
  );
}

/**
 * What the cluster costs, line by line (instances per type with the machine groups they
 * belong to, and the control-plane fee), each price with its provenance and source.
 */
export function CostCard({
  cost,
  cluster,
}: {
  cost: ClusterCost | null;
  cluster: ClusterSummary;
}) {
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Cost"
      subheader={
        cost ? `Prices from the snapshot of ${cost.priceDate}` : undefined
      }
    >
      {!cost ? (
        <Typography color="textSecondary">
          No cost estimate for this cluster.
        </Typography>
      ) : (
        <>
          <Typography variant="h6" component="p">
            <CostFigure cost={cost} />
          </Typography>
          <Box mt={2}>
            <Table size="small" aria-label="Cost breakdown">
              <TableHead>
                <TableRow>
                  {HEADERS.map(h => (
                    <TableCell
                      key={h}
                      component="th"
                      scope="col"
                      align={NUMERIC.has(h) ? 'right' : 'left'}
                    >
                      {h}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {cost.lines.map(line => (
                  <TableRow key={`${line.kind}:${line.label}`}>
                    <RowHeaderCell>
                      {line.label}
                      {line.spec &&
                        ` (${line.spec.vcpu} vCPU, ${line.spec.memoryGiB} GiB${
                          line.spec.gpu ? `, ${line.spec.gpu} GPU` : ''
                        })`}
                    </RowHeaderCell>
                    <TableCell>
                      {machineGroupsOf(line, cluster).join(', ') || '—'}
                    </TableCell>
                    <TableCell align="right">{line.count}</TableCell>
                    <TableCell align="right">
                      {usdOrUnknown(line.unitPerHour)}
                    </TableCell>
                    <TableCell align="right">
                      {usdOrUnknown(line.perHour)}
                    </TableCell>
                    <TableCell align="right">
                      {usdOrUnknown(line.perMonth)}
                    </TableCell>
                    <TableCell>
                      <Provenance line={line} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </InfoCard>
  );
}
