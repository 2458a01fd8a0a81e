import type {
  ClusterCost,
  ManifestCost,
} from '@internal/plugin-multicloud-common';
import { table } from './markdown';
import { perMonth } from './money';

/** The monthly estimate as an action output: numbers with their unit and provenance. */
export interface MonthlyCostOutput {
  currency: 'USD';
  /** At the autoscaler minimum (what the cluster costs when created). */
  minimum: number;
  /** At the autoscaler maximum. */
  maximum: number;
  /** `exact`, `estimated` (a labelled fallback price), `partial` or `unknown`. */
  provenance: string;
  priceDate: string;
  notes: string[];
}

function notes(cost: ClusterCost): string[] {
  return [
    ...new Set(
      cost.lines.flatMap(l => (l.note ? [`${l.label}: ${l.note}`] : [])),
    ),
  ];
}

export function monthlyCostOutput(cost: ManifestCost): MonthlyCostOutput {
  return {
    currency: 'USD',
    minimum: Math.round(cost.minimum.perMonth * 100) / 100,
    maximum: Math.round(cost.maximum.perMonth * 100) / 100,
    provenance: cost.maximum.provenance,
    priceDate: cost.minimum.priceDate,
    notes: notes(cost.maximum),
  };
}

/** The cost section of a summary: headline, one row per line, footnotes for estimates. */
export function costMarkdown(cost: ManifestCost): string {
  const { minimum, maximum } = cost;
  const range =
    Math.round(minimum.perMonth) === Math.round(maximum.perMonth)
      ? perMonth(minimum.perMonth)
      : `${perMonth(
          minimum.perMonth,
        )} at the autoscaler minimum, up to ${perMonth(
          maximum.perMonth,
        )} at the maximum`;
  const rows = maximum.lines.map(line => {
    const atMin = minimum.lines.find(
      l => l.label.replace(/^\d+ × /, '') === line.label.replace(/^\d+ × /, ''),
    );
    return [
      atMin && atMin.count !== line.count
        ? `${atMin.count}–${line.label}`
        : line.label,
      line.unitPerHour === null
        ? 'unknown'
        : `$${line.unitPerHour.toFixed(4)}/h`,
      line.perMonth === null ? 'unknown' : perMonth(line.perMonth),
      line.provenance,
    ];
  });
  return [
    `**Estimated cost:** ${range} (USD, ${maximum.provenance}; price snapshot ${maximum.priceDate}).`,
    '',
    table(['Item (min–max)', 'Unit price', 'At maximum', 'Provenance'], rows),
    ...notes(maximum).map(n => `\n- ${n}`),
  ].join('\n');
}
