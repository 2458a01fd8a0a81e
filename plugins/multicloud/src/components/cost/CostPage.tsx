import {
  ContentHeader,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { LoadError } from '../common/LoadError';
import { MyTeamToggle } from '../common/MyTeamToggle';
import { NoClusters } from '../common/NoClusters';
import { StaleBanner } from '../common/StaleBanner';
import { costGroupRows } from './costGroupRows';
import { CostFigure } from './CostFigure';
import { CostTable } from './CostTable';
import { formatUsd } from './formatCost';
import { GroupBarChart } from './GroupBarChart';
import { groupLabel } from './groupLabel';
import { GROUPING_LABELS } from './grouping';
import { GroupingSwitch } from './GroupingSwitch';
import { MostExpensiveCard } from './MostExpensiveCard';
import { teamEmptyState } from './teamEmptyState';
import { useInsightsQuery } from './useInsightsQuery';
import { useScopedCost } from './useScopedCost';

/**
 * `/multicloud/cost`: what the fleet costs, grouped by cloud, team, environment or service
 * (`?by=`), narrowed by "My team" (`?owner=`), with the most expensive clusters.
 */
export function CostPage() {
  const theme = useTheme();
  const { owners, by, setOwners, setBy } = useInsightsQuery();
  const { value, error, loading, retry } = useScopedCost(owners);
  const groups = value && costGroupRows(value, by);

  return (
    <>
      <ContentHeader
        title="Cost"
        description="Estimated from a dated price snapshot; every figure says whether its prices are exact"
      >
        <MyTeamToggle owners={owners} onChange={setOwners} />
      </ContentHeader>
      <StaleBanner stale={value?.stale} />
      {error && (
        <LoadError
          title="Could not load the fleet's cost"
          error={error}
          retry={retry}
        />
      )}
      {loading && <Progress />}
      {value && value.clusters.length === 0 && (
        <NoClusters stale={value.stale} filtered={teamEmptyState(owners)} />
      )}
      {value && groups && value.clusters.length > 0 && (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <InfoCard
              titleTypographyProps={CARD_TITLE_PROPS}
              title={owners?.length ? 'Cost of your teams' : 'Fleet cost'}
              subheader={`${value.total.clusters} ${
                value.total.clusters === 1 ? 'cluster' : 'clusters'
              }; prices from the snapshot of ${value.priceDate}`}
            >
              <Typography variant="h5" component="p">
                <CostFigure cost={value.total} />
              </Typography>
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              titleTypographyProps={CARD_TITLE_PROPS}
              title={`Cost by ${GROUPING_LABELS[by].toLocaleLowerCase(
                'en-US',
              )}`}
              action={<GroupingSwitch value={by} onChange={setBy} />}
            >
              {'error' in groups ? (
                <WarningPanel
                  severity="warning"
                  title="Cost per service is unavailable"
                  message={groups.error}
                />
              ) : (
                <>
                  <GroupBarChart
                    data={groups.rows.map(r => ({
                      label: r.unallocated
                        ? 'Unallocated'
                        : groupLabel(by, r.key),
                      perMonth: r.perMonth,
                    }))}
                    bars={[
                      {
                        key: 'perMonth',
                        name: '$/month',
                        color: theme.palette.primary.main,
                      },
                    ]}
                    format={formatUsd}
                  />
                  <CostTable
                    by={by}
                    rows={groups.rows}
                    totalPerHour={value.total.perHour}
                    owners={owners}
                  />
                  {groups.splitRule && (
                    <Box mt={2}>
                      <Typography variant="body2" color="textSecondary">
                        {groups.splitRule}
                      </Typography>
                    </Box>
                  )}
                </>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <MostExpensiveCard clusters={value.clusters} />
          </Grid>
        </Grid>
      )}
    </>
  );
}
