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
import { CloudCard } from './CloudCard';
import { NeedsAttentionCard } from './NeedsAttentionCard';

/**
 * `/multicloud`: a card per cloud, then what needs attention. The "My team" switch keeps
 * its owners in the URL (`?owner=team-a`), the same parameter the Clusters page uses.
 */
export function OverviewPage() {
  const { query, setQuery } = useClusterQueryState();
  const scope: ClusterQuery = query.owner ? { owner: query.owner } : {};
  const fleet = useFleetSummary(query.owner);
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
      {fleet.loading && <Progress />}
      {summary && summary.total.clusters === 0 ? (
        <NoClusters
          stale={fleet.value?.stale}
          filtered={
            query.owner && {
              title: 'Your teams own no clusters',
              description: `No cluster carries the owner label ${query.owner.join(
                ' or ',
              )}.`,
            }
          }
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
                />
              </Grid>
            ))}
            <Grid item xs={12}>
              <NeedsAttentionCard scope={scope} />
            </Grid>
          </Grid>
        )
      )}
    </>
  );
}
