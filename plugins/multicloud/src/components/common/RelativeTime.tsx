const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function relativeTime(time: string, now: number = Date.now()): string {
  const delta = new Date(time).getTime() - now;
  if (Number.isNaN(delta)) return time;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms || unit === 'second') {
      return format.format(Math.round(delta / ms), unit);
    }
  }
  return time;
}

/** "3 minutes ago", with the exact timestamp on hover and for assistive technology. */
export function RelativeTime({ time }: { time: string | undefined }) {
  if (!time) return <>—</>;
  return (
    <time dateTime={time} title={new Date(time).toLocaleString()}>
      {relativeTime(time)}
    </time>
  );
}
