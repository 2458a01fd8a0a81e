import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';

/**
 * "eu-west-1 (8), us-east-1 (4), +2 more": the largest counts of a breakdown, each a link
 * to the matching clusters when `linkFor` gives one.
 */
export function CountList({
  counts,
  limit = 3,
  linkFor,
}: {
  counts: Record<string, number>;
  limit?: number;
  linkFor?: (value: string) => string | undefined;
}) {
  const entries = Object.entries(counts).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  const rest = entries.length - limit;
  return (
    <Typography variant="body2" component="span">
      {entries.slice(0, limit).map(([value, count], i) => {
        const href = linkFor?.(value);
        const text = `${value} (${count})`;
        return (
          <Fragment key={value}>
            {i > 0 && ', '}
            {href ? <Link to={href}>{text}</Link> : text}
          </Fragment>
        );
      })}
      {rest > 0 && `, +${rest} more`}
    </Typography>
  );
}
