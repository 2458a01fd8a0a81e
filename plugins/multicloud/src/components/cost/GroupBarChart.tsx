import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const ROW_HEIGHT = 36;
const MAX_ROWS = 15;

export interface BarSeries {
  key: string;
  name: string;
  color: string;
}

/**
 * Groups as horizontal bars (stacked when several series), largest first, at most 15. The
 * chart is decorative: the table next to it carries the same numbers for assistive technology.
 */
export function GroupBarChart({
  data,
  bars,
  format,
  integer = false,
}: {
  data: Array<{ label: string } & Record<string, number | string>>;
  bars: BarSeries[];
  format: (value: number) => string;
  /** Counts: no fractional ticks. */
  integer?: boolean;
}) {
  const theme = useTheme();
  const shown = data.slice(0, MAX_ROWS);
  if (shown.length === 0) return null;
  const height = shown.length * ROW_HEIGHT + (bars.length > 1 ? 72 : 48);
  const text = theme.palette.text.secondary;
  return (
    <Box aria-hidden height={height} mb={2}>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 600, height }}
      >
        <BarChart
          data={shown}
          layout="vertical"
          margin={{ left: 16, right: 24 }}
        >
          <CartesianGrid horizontal={false} stroke={theme.palette.divider} />
          <XAxis
            type="number"
            allowDecimals={!integer}
            tickFormatter={format}
            stroke={text}
            tick={{ fill: text }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={160}
            stroke={text}
            tick={{ fill: text }}
          />
          <Tooltip
            formatter={(value: unknown) => format(Number(value))}
            contentStyle={{
              background: theme.palette.background.paper,
              color: theme.palette.text.primary,
              borderColor: theme.palette.divider,
            }}
            cursor={{ fill: theme.palette.action.hover }}
          />
          {bars.length > 1 && <Legend />}
          {bars.map(b => (
            <Bar
              key={b.key}
              dataKey={b.key}
              name={b.name}
              stackId="groups"
              fill={b.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
