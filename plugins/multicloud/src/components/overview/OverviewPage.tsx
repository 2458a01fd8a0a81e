import { ContentHeader, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import {
  CLOUDS,
  type Cloud,
  type ClusterQuery,
} from '@internal/plugin-multicloud-common';
import { useClusterQueryState } from '../../hooks/useClusterQueryState';
import { useFleetSummary } from '../../hooks/useFleetSummary';
import { LoadError } from '../common/LoadError';
import { MyTeamToggle } from '../common/MyTeamToggle';
import { NoClusters } from '../common/NoClusters';
import { StaleBanner } from '../common/StaleBanner';
import { useScopedCompliance } from '../compliance/useScopedCompliance';
import { teamEmptyState } from '../cost/teamEmptyState';
import { useScopedCost } from '../cost/useScopedCost';
import { CloudCard } from './CloudCard';
import { useCostTrend } from './useCostTrend';
import { FleetHistoryCard } from './FleetHistoryCard';
import { NeedsAttentionCard } from './NeedsAttentionCard';

/**
 * `/multicloud`: a card per cloud, what needs attention, then cost and verdicts over time.
 * The "My team" switch keeps its owners in the URL (`?owner=team-a`), the same parameter
 * the Clusters page uses. Cost and compliance load on their own: either failing leaves the
 * rest of the page as it is.
 */
export function OverviewPage() {
  const { query, setQuery } = useClusterQueryState();
  const scope: ClusterQuery = query.owner ? { owner: query.owner } : {};
  const fleet = useFleetSummary(query.owner);
  const cost = useScopedCost(query.owner);
  const compliance = useScopedCompliance(query.owner);
  const costTrend = useCostTrend(query.owner);
  const summary = fleet.value?.summary;
  // AWS, Azure and GCP always; Other only when something runs there.
  const clouds: Cloud[] = summary?.byCloud.other.clusters
    ? [...CLOUDS, 'other']
    : [...CLOUDS];

  return (
    <>
      <ContentHeader
        title="Multicloud fleet"
        description="Cluster API clusters across AWS, Azure and GCP"
      >
        <MyTeamToggle
          owners={query.owner}
          onChange={owner => setQuery({ owner })}
        />
      </ContentHeader>
      <StaleBanner stale={fleet.value?.stale} />
      {fleet.error && (
        <LoadError
          title="Could not load the fleet summary"
          error={fleet.error}
          retry={fleet.retry}
        />
      )}
      {cost.error && (
        <LoadError
          title="Could not load the fleet's cost"
          error={cost.error}
          retry={cost.retry}
        />
      )}
      {compliance.error && (
        <LoadError
          title="Could not load the compliance reports"
          error={compliance.error}
          retry={compliance.retry}
        />
      )}
      {fleet.loading && <Progress />}
      {summary && summary.total.clusters === 0 ? (
        <NoClusters
          stale={fleet.value?.stale}
          filtered={teamEmptyState(query.owner)}
        />
      ) : (
        summary && (
          <Grid container spacing={3}>
            {clouds.map(cloud => (
              <Grid
                item
                key={cloud}
                xs={12}
                md={clouds.length > 3 ? 6 : 4}
                lg={clouds.length > 3 ? 3 : 4}
              >
                <CloudCard
                  cloud={cloud}
                  bucket={summary.byCloud[cloud]}
                  scope={scope}
                  cost={cost.value?.by.cloud.find(r => r.key === cloud)}
                  costTrend={costTrend?.[cloud]}
                  compliance={compliance.value?.rates.cloud.groups.find(
                    g => g.key === cloud,
                  )}
                />
              </Grid>
            ))}
            <Grid item xs={12}>
              <NeedsAttentionCard
                scope={scope}
                cost={cost.value}
                compliance={compliance.value}
              />
            </Grid>
            <Grid item xs={12}>
              <FleetHistoryCard owners={query.owner} />
            </Grid>
          </Grid>
        )
      )}
    </>
  );
}
