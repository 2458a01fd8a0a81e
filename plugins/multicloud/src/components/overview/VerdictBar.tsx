import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { VERDICTS, type Verdict } from '@internal/plugin-multicloud-common';
import { VerdictIcon } from '../common/VerdictIcon';
import { VERDICT_LABELS, verdictColor } from '../common/verdicts';

const BAR_HEIGHT = 12;

/**
 * Clusters by verdict as one stacked bar. The bar is decorative; the list under it is the
 * text equivalent (and what assistive technology reads).
 */
export function VerdictBar({
  byVerdict,
}: {
  byVerdict: Record<Verdict, number>;
}) {
  const theme = useTheme();
  const present = VERDICTS.filter(v => (byVerdict[v] ?? 0) > 0);
  const total = present.reduce((n, v) => n + byVerdict[v], 0);
  if (total === 0) return null;
  return (
    <Box>
      <Box aria-hidden height={BAR_HEIGHT} mb={1}>
        <ResponsiveContainer
          width="100%"
          height={BAR_HEIGHT}
          initialDimension={{ width: 300, height: BAR_HEIGHT }}
        >
          <BarChart
            data={[byVerdict]}
            layout="vertical"
            margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
            barCategoryGap={0}
          >
            <XAxis type="number" hide domain={[0, total]} />
            <YAxis type="category" hide />
            {present.map(v => (
              <Bar
                key={v}
                dataKey={v}
                stackId="verdicts"
                fill={verdictColor(theme, v)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box
        component="ul"
        aria-label="Clusters by verdict"
        display="flex"
        flexWrap="wrap"
        m={0}
        p={0}
        style={{ listStyle: 'none', gap: 12 }}
      >
        {present.map(v => (
          <Typography key={v} component="li" variant="body2">
            <VerdictIcon verdict={v} /> {byVerdict[v]}{' '}
            {VERDICT_LABELS[v].toLocaleLowerCase('en-US')}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
