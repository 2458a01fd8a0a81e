import {
  HOURS_PER_MONTH,
  type CostProvenance,
} from '@internal/plugin-multicloud-common';

/** "$0.1920/h ($140/month, estimated)": both units, and the provenance unless exact. */
export function formatHourly(
  perHour: number | null,
  provenance: CostProvenance,
): string {
  if (perHour === null) return `unknown price (${provenance})`;
  const monthly = Math.round(perHour * HOURS_PER_MONTH).toLocaleString('en-US');
  const note = provenance === 'exact' ? '' : `, ${provenance}`;
  return `$${perHour.toFixed(4)}/h ($${monthly}/month${note})`;
}
