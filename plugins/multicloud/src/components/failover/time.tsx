import { RelativeTime } from '../common/RelativeTime';

/** The failover API's epoch milliseconds as "3 minutes ago" with the exact time on hover. */
export function EpochTime({ ms }: { ms: number | undefined }) {
  return (
    <RelativeTime
      time={ms === undefined ? undefined : new Date(ms).toISOString()}
    />
  );
}
