import type { HistorySeries } from '@internal/plugin-multicloud-common';

export type CostRow = { t: number } & Record<string, number | null>;

export interface VerdictRow {
  t: number;
  healthy: number;
  degraded: number;
  unhealthy: number;
  other: number;
}

function selected(
  series: readonly HistorySeries[],
  keys: readonly string[] | undefined,
): HistorySeries[] {
  return keys ? series.filter(s => keys.includes(s.key)) : [...series];
}

/**
 * One row per time with a column per series (cloud or team), for a line per series. A
 * bucket whose value is unknown stays null, so the line has a gap rather than a false 0.
 */
export function costRows(
  series: readonly HistorySeries[],
  keys?: readonly string[],
): { rows: CostRow[]; keys: string[] } {
  const chosen = selected(series, keys);
  const byTime = new Map<number, CostRow>();
  for (const s of chosen) {
    for (const p of s.points) {
      const row = byTime.get(p.t) ?? ({ t: p.t } as CostRow);
      row[s.key] = p.value;
      byTime.set(p.t, row);
    }
  }
  return {
    rows: [...byTime.values()].sort((a, b) => a.t - b.t),
    keys: chosen.map(s => s.key).sort(),
  };
}

/** Cluster-samples per verdict over time, summed over the chosen series (the fleet, or my teams). */
export function verdictRows(
  series: readonly HistorySeries[],
  keys?: readonly string[],
): VerdictRow[] {
  const byTime = new Map<number, VerdictRow>();
  for (const s of selected(series, keys)) {
    for (const p of s.points) {
      if (!p.verdicts) continue;
      const row = byTime.get(p.t) ?? {
        t: p.t,
        healthy: 0,
        degraded: 0,
        unhealthy: 0,
        other: 0,
      };
      row.healthy += p.verdicts.healthy;
      row.degraded += p.verdicts.degraded;
      row.unhealthy += p.verdicts.unhealthy;
      row.other += p.verdicts.other;
      byTime.set(p.t, row);
    }
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}
