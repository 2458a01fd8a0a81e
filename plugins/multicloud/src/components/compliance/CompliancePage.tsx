import {
  ContentHeader,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useTheme } from '@material-ui/core/styles';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { LoadError } from '../common/LoadError';
import { MyTeamToggle } from '../common/MyTeamToggle';
import { NoClusters } from '../common/NoClusters';
import { StaleBanner } from '../common/StaleBanner';
import { GroupBarChart } from '../cost/GroupBarChart';
import { groupLabel } from '../cost/groupLabel';
import { GROUPING_LABELS } from '../cost/grouping';
import { GroupingSwitch } from '../cost/GroupingSwitch';
import { teamEmptyState } from '../cost/teamEmptyState';
import { useInsightsQuery } from '../cost/useInsightsQuery';
import { useScopedCost } from '../cost/useScopedCost';
import { checkTitles } from './checkLabels';
import { complianceGroups } from './complianceGroups';
import { ComplianceSummaryCard } from './ComplianceSummaryCard';
import { ComplianceTable } from './ComplianceTable';
import { FailingClustersCard } from './FailingClustersCard';
import { useScopedCompliance } from './useScopedCompliance';

const clustersText = (n: number) => `${n} ${n === 1 ? 'cluster' : 'clusters'}`;

/**
 * `/multicloud/compliance`: pass rates grouped by cloud, team, environment or service
 * (`?by=`), narrowed by "My team" (`?owner=`), then every failing check with its evidence.
 */
export function CompliancePage() {
  const theme = useTheme();
  const { owners, by, setOwners, setBy } = useInsightsQuery();
  const compliance = useScopedCompliance(owners);
  // Which clusters each service uses comes with the cost roll-up; asked for only when needed.
  const services = useScopedCost(owners, by === 'service');
  const value = compliance.value;
  const groups = value && complianceGroups(value, by, services.value);

  return (
    <>
      <ContentHeader
        title="Compliance"
        description="Data residency and security checks read from the Cluster API objects"
      >
        <MyTeamToggle owners={owners} onChange={setOwners} />
      </ContentHeader>
      <StaleBanner stale={value?.stale} />
      {compliance.error && (
        <LoadError
          title="Could not load the compliance reports"
          error={compliance.error}
          retry={compliance.retry}
        />
      )}
      {compliance.loading && <Progress />}
      {value && value.reports.length === 0 && (
        <NoClusters stale={value.stale} filtered={teamEmptyState(owners)} />
      )}
      {value && groups && value.reports.length > 0 && (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ComplianceSummaryCard
              compliance={value}
              title={owners?.length ? 'Your teams' : 'Fleet'}
            />
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              titleTypographyProps={CARD_TITLE_PROPS}
              title={`Compliance by ${GROUPING_LABELS[by].toLocaleLowerCase(
                'en-US',
              )}`}
              action={<GroupingSwitch value={by} onChange={setBy} />}
            >
              {by === 'service' && services.error && (
                <LoadError
                  title="Could not load which clusters each service uses"
                  error={services.error}
                  retry={services.retry}
                />
              )}
              {by === 'service' && services.loading && <Progress />}
              {'error' in groups ? (
                <WarningPanel
                  severity="warning"
                  title="Compliance per service is unavailable"
                  message={groups.error}
                />
              ) : (
                <>
                  <GroupBarChart
                    data={groups.rows.map(r => ({
                      label: groupLabel(by, r.key),
                      compliant: r.compliant,
                      failing: r.clusters - r.compliant,
                    }))}
                    bars={[
                      {
                        key: 'compliant',
                        name: 'Compliant',
                        color: theme.palette.status.ok,
                      },
                      {
                        key: 'failing',
                        name: 'Failing',
                        color: theme.palette.status.error,
                      },
                    ]}
                    format={clustersText}
                    integer
                  />
                  <ComplianceTable
                    by={by}
                    rows={groups.rows}
                    titles={checkTitles(value.reports)}
                    owners={owners}
                  />
                </>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <FailingClustersCard reports={value.reports} />
          </Grid>
        </Grid>
      )}
    </>
  );
}
