import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import type {
  ClusterFacet,
  FacetCount,
} from '@internal/plugin-multicloud-common';
import { FACET_TITLES, facetValueLabel } from './facetLabels';

/** Beyond this, values hide behind "+N more" (regions and owners can be many). */
const VISIBLE_VALUES = 8;

/**
 * One filter as toggle chips, each with the count that selecting it would give (the
 * backend counts each facet with the other filters applied).
 */
export function FacetChips({
  facet,
  counts,
  selected,
  onToggle,
}: {
  facet: ClusterFacet;
  counts: readonly FacetCount[];
  selected: readonly string[];
  onToggle: (value: string) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const title = FACET_TITLES[facet];
  const visible = expanded
    ? counts
    : counts.filter((c, i) => i < VISIBLE_VALUES || selected.includes(c.value));
  const hidden = counts.length - visible.length;
  if (counts.length === 0) return null;

  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      mb={1}
      role="group"
      aria-label={title}
      style={{ gap: 6 }}
    >
      <Typography
        variant="body2"
        color="textSecondary"
        component="span"
        style={{ minWidth: 96 }}
      >
        {title}
      </Typography>
      {visible.map(({ value, count }) => {
        const isSelected = selected.includes(value);
        return (
          <Chip
            key={value}
            size="small"
            clickable
            color={isSelected ? 'primary' : 'default'}
            variant={isSelected ? 'default' : 'outlined'}
            label={`${facetValueLabel(facet, value)} ${count}`}
            aria-pressed={isSelected}
            onClick={() => onToggle(value)}
          />
        );
      })}
      {hidden > 0 && (
        <Button size="small" onClick={() => setExpanded(true)}>
          +{hidden} more
        </Button>
      )}
    </Box>
  );
}
