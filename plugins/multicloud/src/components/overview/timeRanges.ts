const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The history charts' ranges; the backend picks the resolution it retains for each. */
export const TIME_RANGES = [
  { id: '24h', label: '24 hours', ms: DAY_MS },
  { id: '7d', label: '7 days', ms: 7 * DAY_MS },
  { id: '30d', label: '30 days', ms: 30 * DAY_MS },
  { id: '90d', label: '90 days', ms: 90 * DAY_MS },
] as const;
export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

/** Axis ticks: the time of day within a day, the date beyond. */
export function tickFormatter(rangeMs: number): (t: number) => string {
  const options: Intl.DateTimeFormatOptions =
    rangeMs <= DAY_MS
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'short', day: 'numeric' };
  const format = new Intl.DateTimeFormat(undefined, options);
  return t => format.format(new Date(t));
}
