import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Popover from '@material-ui/core/Popover';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import type { HealthVerdict } from '@internal/plugin-multicloud-common';
import { VerdictIcon } from './VerdictIcon';
import { VerdictReasons } from './VerdictReasons';
import { VERDICT_LABELS } from './verdicts';

/** The verdict in words; a click (or Enter) shows why. */
export function VerdictChip({ health }: { health: HealthVerdict }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const label = VERDICT_LABELS[health.verdict] ?? health.verdict;
  return (
    <>
      <Chip
        size="small"
        variant="outlined"
        icon={<VerdictIcon verdict={health.verdict} />}
        label={label}
        onClick={event => setAnchor(event.currentTarget)}
        aria-haspopup="dialog"
        aria-expanded={!!anchor}
        aria-label={`${label}: show reasons`}
      />
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        PaperProps={{
          role: 'dialog',
          'aria-label': `Why ${label.toLocaleLowerCase('en-US')}`,
        }}
      >
        <Box p={2} maxWidth={480}>
          <Typography variant="subtitle2">
            Why {label.toLocaleLowerCase('en-US')}
          </Typography>
          <VerdictReasons reasons={health.reasons} />
        </Box>
      </Popover>
    </>
  );
}
