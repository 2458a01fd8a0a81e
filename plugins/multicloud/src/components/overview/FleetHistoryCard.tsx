import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CLOUD_TITLES, type Cloud } from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling } from '../../hooks/usePolling';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { LoadError } from '../common/LoadError';
import { verdictColor } from '../common/verdicts';
import { perHour } from '../cost/formatCost';
import { costRows, verdictRows } from './historyRows';
import { TIME_RANGES, tickFormatter, type TimeRangeId } from './timeRanges';

const CHART_HEIGHT = 220;
// Dash patterns tell the lines apart without relying on colour.
const DASHES = ['', '6 3', '2 2', '8 3 2 3'];
// Worst at the bottom of the stack, where it is easiest to read.
const VERDICT_AREAS = ['unhealthy', 'degraded', 'healthy', 'other'] as const;

function seriesLabel(key: string, byOwner: boolean): string {
  return byOwner ? key : CLOUD_TITLES[key as Cloud] ?? key;
}

/**
 * Cost per hour (per cloud, or per team with "My team") and clusters by verdict over time,
 * from `GET /history`. Each chart has a caption in words with its latest values.
 */
export function FleetHistoryCard({ owners }: { owners?: readonly string[] }) {
  const api = useApi(multicloudApiRef);
  const theme = useTheme();
  const [rangeId, setRangeId] = useState<TimeRangeId>('24h');
  const range = TIME_RANGES.find(r => r.id === rangeId)!;
  const byOwner = !!owners?.length;
  const { value, error, loading, retry } = usePolling(async () => {
    const to = Date.now();
    const query = {
      from: to - range.ms,
      to,
      groupBy: byOwner ? ('owner' as const) : ('cloud' as const),
    };
    const [cost, verdicts] = await Promise.all([
      api.getHistory({ ...query, metric: 'cost_per_hour' }),
      api.getHistory({
        ...query,
        metric: 'verdicts',
        groupBy: byOwner ? 'owner' : undefined,
      }),
    ]);
    return {
      cost: costRows(cost.series, owners),
      verdicts: verdictRows(verdicts.series, owners),
    };
  }, [api, rangeId, owners?.join(',')]);

  const palette = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.info.main,
    theme.palette.text.secondary,
  ];
  const areaColor = (v: (typeof VERDICT_AREAS)[number]) =>
    v === 'other' ? theme.palette.text.secondary : verdictColor(theme, v);
  const axis = {
    stroke: theme.palette.text.secondary,
    tick: { fill: theme.palette.text.secondary },
  };
  const time = {
    ...axis,
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain: ['dataMin', 'dataMax'],
    tickFormatter: tickFormatter(range.ms),
  };
  const tooltip = {
    labelFormatter: (t: unknown) => new Date(Number(t)).toLocaleString(),
    contentStyle: {
      background: theme.palette.background.paper,
      color: theme.palette.text.primary,
      borderColor: theme.palette.divider,
    },
  };
  const latestCost = value?.cost.rows[value.cost.rows.length - 1];
  const latestVerdicts = value?.verdicts[value.verdicts.length - 1];
  const empty =
    value && value.cost.rows.length === 0 && value.verdicts.length === 0;

  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Over time"
      subheader={byOwner ? 'Your teams' : 'The whole fleet'}
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={rangeId}
          aria-label="Time range"
          onChange={(_e, next: TimeRangeId | null) => next && setRangeId(next)}
        >
          {TIME_RANGES.map(r => (
            <ToggleButton key={r.id} value={r.id} aria-label={r.label}>
              {r.id}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      {loading && <Progress />}
      {error && (
        <LoadError
          title="Could not load the history"
          error={error}
          retry={retry}
        />
      )}
      {empty && (
        <Typography color="textSecondary">
          No samples in the last {range.label} yet: the backend records the
          fleet every few minutes.
        </Typography>
      )}
      {value && !empty && (
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <Box component="figure" m={0}>
              <Typography component="figcaption" variant="subtitle2">
                Cost per hour by {byOwner ? 'team' : 'cloud'}
                {latestCost &&
                  `; latest: ${value.cost.keys
                    .map(k => {
                      const v = latestCost[k];
                      return `${seriesLabel(k, byOwner)} ${
                        typeof v === 'number' ? perHour(v) : 'unknown'
                      }`;
                    })
                    .join(', ')}`}
              </Typography>
              <Box aria-hidden height={CHART_HEIGHT}>
                <ResponsiveContainer
                  width="100%"
                  height={CHART_HEIGHT}
                  initialDimension={{ width: 500, height: CHART_HEIGHT }}
                >
                  <LineChart data={value.cost.rows}>
                    <CartesianGrid stroke={theme.palette.divider} />
                    <XAxis {...time} />
                    <YAxis
                      {...axis}
                      tickFormatter={(v: number) => perHour(v)}
                      width={80}
                    />
                    <Tooltip
                      {...tooltip}
                      formatter={(v: unknown) => perHour(Number(v))}
                    />
                    <Legend />
                    {value.cost.keys.map((k, i) => (
                      <Line
                        key={k}
                        dataKey={k}
                        name={seriesLabel(k, byOwner)}
                        stroke={palette[i % palette.length]}
                        strokeDasharray={DASHES[i % DASHES.length]}
                        dot={false}
                        isAnimationActive={false}
                      />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </Box>
            </Box>
          </Grid>
          <Grid item xs={12} md={6}>
            <Box component="figure" m={0}>
              <Typography component="figcaption" variant="subtitle2">
                Clusters by verdict
                {latestVerdicts &&
                  `; latest: ${latestVerdicts.healthy} healthy, ${latestVerdicts.degraded} degraded, ${latestVerdicts.unhealthy} unhealthy, ${latestVerdicts.other} other`}
              </Typography>
              <Box aria-hidden height={CHART_HEIGHT}>
                <ResponsiveContainer
                  width="100%"
                  height={CHART_HEIGHT}
                  initialDimension={{ width: 500, height: CHART_HEIGHT }}
                >
                  <AreaChart data={value.verdicts}>
                    <CartesianGrid stroke={theme.palette.divider} />
                    <XAxis {...time} />
                    <YAxis {...axis} allowDecimals={false} width={48} />
                    <Tooltip {...tooltip} />
                    <Legend />
                    {VERDICT_AREAS.map(v => (
                      <Area
                        key={v}
                        dataKey={v}
                        name={v}
                        stackId="verdicts"
                        stroke={areaColor(v)}
                        fill={areaColor(v)}
                        isAnimationActive={false}
                      />
                    ))}
                  </AreaChart>
                </ResponsiveContainer>
              </Box>
            </Box>
          </Grid>
        </Grid>
      )}
    </InfoCard>
  );
}
