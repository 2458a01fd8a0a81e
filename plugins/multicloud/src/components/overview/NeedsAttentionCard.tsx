import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type ClusterQuery,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { usePolling } from '../../hooks/usePolling';
import { clusterProblem } from '../common/clusterProblem';
import { LoadError } from '../common/LoadError';
import { VerdictIcon } from '../common/VerdictIcon';
import { VERDICT_LABELS } from '../common/verdicts';
import { CARD_TITLE_PROPS } from '../common/cardTitle';

const LIMIT = 10;

function where(c: ClusterSummary): string {
  return [CLOUD_TITLES[c.cloud], c.region, c.labels.owner]
    .filter(Boolean)
    .join(' · ');
}

/** The clusters to look at first, worst first, each saying what is wrong in words. */
export function NeedsAttentionCard({ scope }: { scope: ClusterQuery }) {
  const api = useApi(multicloudApiRef);
  const links = useMulticloudLinks();
  const query: ClusterQuery = {
    ...scope,
    verdict: ['unhealthy', 'degraded', 'unknown'],
    sort: 'verdict',
  };
  const { value, error, loading, retry } = usePolling(
    () => api.listClusters({ ...query, limit: LIMIT }),
    [api, scope.owner?.join(',')],
  );
  const allHref = links.clusters(query);

  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Needs attention"
      subheader="Unhealthy, degraded and unknown clusters, worst first"
      deepLink={
        value && value.total > value.items.length && allHref
          ? {
              title: `All ${value.total} clusters needing attention`,
              link: allHref,
            }
          : undefined
      }
    >
      {loading && <Progress />}
      {error && (
        <LoadError
          title="Could not list the clusters needing attention"
          error={error}
          retry={retry}
        />
      )}
      {value && value.items.length === 0 && (
        <Typography color="textSecondary">
          Nothing needs attention right now.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <List dense aria-label="Clusters needing attention">
          {value.items.map(c => {
            const href = links.cluster(c.namespace, c.name);
            return (
              <ListItem key={c.ref} disableGutters alignItems="flex-start">
                <ListItemIcon style={{ minWidth: 32 }}>
                  <VerdictIcon verdict={c.health.verdict} />
                </ListItemIcon>
                <ListItemText
                  primary={
                    <>
                      {href ? <Link to={href}>{c.name}</Link> : c.name}
                      {`: ${clusterProblem(c)}`}
                    </>
                  }
                  secondary={`${VERDICT_LABELS[c.health.verdict]} · ${where(
                    c,
                  )}`}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </InfoCard>
  );
}
