import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { HistoryPoint } from '@internal/plugin-multicloud-common';
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

const HEIGHT = 28;

/**
 * A cloud's cost over the last 30 days as a small line; decorative next to the figure it
 * trends (the Over time card has the numbers). Nothing until there are two points.
 */
export function CostSparkline({ points }: { points?: HistoryPoint[] }) {
  const theme = useTheme();
  if (!points || points.filter(p => p.value !== null).length < 2) return null;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }} aria-hidden>
      <Box flex={1} height={HEIGHT}>
        <ResponsiveContainer
          width="100%"
          height={HEIGHT}
          initialDimension={{ width: 120, height: HEIGHT }}
        >
          <LineChart
            data={points}
            margin={{ top: 2, right: 0, bottom: 2, left: 0 }}
          >
            <YAxis hide domain={['dataMin', 'dataMax']} />
            <Line
              dataKey="value"
              stroke={theme.palette.primary.main}
              dot={false}
              strokeWidth={1.5}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <Typography variant="caption" color="textSecondary">
        30 days
      </Typography>
    </Box>
  );
}
