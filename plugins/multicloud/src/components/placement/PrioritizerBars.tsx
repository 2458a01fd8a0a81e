import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { PrioritizerScore } from '@internal/plugin-multicloud-common';
import { PRIORITIZER_TITLES } from './prioritizers';

/**
 * One bar per prioritizer (0–100) with its weight, its share of the total and why it scored
 * so: the total is the sum of the contributions, so the bars explain the rank.
 */
export function PrioritizerBars({ scores }: { scores: PrioritizerScore[] }) {
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {scores.map(s => {
        const title = PRIORITIZER_TITLES[s.prioritizer];
        return (
          <Box component="li" key={s.prioritizer} mb={1}>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <Typography variant="body2" style={{ minWidth: 80 }}>
                {title}
              </Typography>
              <Box flexGrow={1}>
                <LinearProgress
                  variant="determinate"
                  value={s.score}
                  aria-label={`${title} score`}
                  aria-valuetext={`${s.score} of 100`}
                />
              </Box>
              <Typography
                variant="body2"
                style={{ minWidth: 170, textAlign: 'right' }}
              >
                {s.score} × weight {s.weight} → {s.contribution}
              </Typography>
            </Box>
            <Typography variant="caption" color="textSecondary">
              {s.reason}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
