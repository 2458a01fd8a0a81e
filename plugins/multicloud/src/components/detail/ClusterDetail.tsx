import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { useMulticloudLinks } from '../../hooks/useMulticloudLinks';
import { usePolling } from '../../hooks/usePolling';
import { LoadError } from '../common/LoadError';
import { StaleBanner } from '../common/StaleBanner';
import { ClusterErrorsPanel } from './ClusterErrorsPanel';
import { ClusterFactsCard } from './ClusterFactsCard';
import { ComplianceCard } from './ComplianceCard';
import { CostCard } from './CostCard';
import { ConditionTree } from './ConditionTree';
import { FailoverCard } from './FailoverCard';
import { LabelsCard } from './LabelsCard';
import { MachinesCard } from './MachinesCard';
import { WorkersCard } from './WorkersCard';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { refOf, type ClusterLocator } from '../entity/clusterRefs';

function isNotFound(error: Error): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

/**
 * One cluster: facts and verdict, labels, condition tree, pools and machines, cost and
 * compliance, failover. Shared by the detail page and the Resource entity tab.
 */
export function ClusterDetail(located: ClusterLocator) {
  const { namespace, name, managementCluster } = located;
  const api = useApi(multicloudApiRef);
  const links = useMulticloudLinks();
  const { value, error, loading, retry } = usePolling(
    () => api.getCluster(namespace, name, managementCluster),
    [api, namespace, name, managementCluster],
  );

  if (loading) return <Progress />;
  if (error && !value) {
    if (isNotFound(error)) {
      const all = links.clusters();
      return (
        <EmptyState
          missing="data"
          title={`Cluster ${refOf(located)} not found`}
          description="It does not exist on any management cluster, or you may not see it."
          action={all ? <Link to={all}>All clusters</Link> : undefined}
        />
      );
    }
    return (
      <LoadError
        title={`Could not load cluster ${refOf(located)}`}
        error={error}
        retry={retry}
      />
    );
  }
  if (!value) return null;

  const { cluster, conditionTree, machines } = value;
  return (
    <>
      <StaleBanner stale={value.stale} />
      {error && (
        <LoadError
          title="Refreshing failed; showing the previous answer"
          error={error}
          retry={retry}
        />
      )}
      <ClusterErrorsPanel errors={cluster.errors} />
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <ClusterFactsCard cluster={cluster} />
        </Grid>
        <Grid item xs={12} md={6}>
          <LabelsCard cluster={cluster} />
        </Grid>
        <Grid item xs={12}>
          <InfoCard titleTypographyProps={CARD_TITLE_PROPS} title="Conditions">
            <ConditionTree tree={conditionTree} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <WorkersCard cluster={cluster} />
        </Grid>
        <Grid item xs={12}>
          <MachinesCard machines={machines} />
        </Grid>
        <Grid item xs={12}>
          <CostCard cost={value.cost} cluster={cluster} />
        </Grid>
        <Grid item xs={12}>
          <ComplianceCard compliance={value.compliance} />
        </Grid>
        <Grid item xs={12}>
          <FailoverCard clusterRef={cluster.ref} />
        </Grid>
      </Grid>
    </>
  );
}
