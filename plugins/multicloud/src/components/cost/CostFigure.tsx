import Typography from '@material-ui/core/Typography';
import type { CostProvenance } from '@internal/plugin-multicloud-common';
import { COST_PROVENANCE_LABELS, perHour, perMonth } from './formatCost';

/**
 * "$1.15/h · $841/month (estimated: some prices are fallbacks)": both units, and the
 * provenance in words whenever the number is not exact.
 */
export function CostFigure({
  cost,
}: {
  cost: {
    perHour: number;
    perMonth: number;
    provenance: CostProvenance;
    unknownLines?: number;
  };
}) {
  const unknown =
    cost.unknownLines && cost.unknownLines > 0
      ? `; ${cost.unknownLines} ${
          cost.unknownLines === 1 ? 'line has' : 'lines have'
        } no price`
      : '';
  return (
    <>
      {perHour(cost.perHour)} · {perMonth(cost.perMonth)}
      {cost.provenance !== 'exact' && (
        <Typography component="span" variant="body2" color="textSecondary">
          {' '}
          ({COST_PROVENANCE_LABELS[cost.provenance]}
          {unknown})
        </Typography>
      )}
    </>
  );
}
