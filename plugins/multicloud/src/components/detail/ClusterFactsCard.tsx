import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import {
  CLOUD_TITLES,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { FactRow } from '../common/FactRow';
import { RelativeTime } from '../common/RelativeTime';
import { VerdictChip } from '../common/VerdictChip';
import { CARD_TITLE_PROPS } from '../common/cardTitle';

/** Where and what the cluster is, and its verdict with the reasons one click away. */
export function ClusterFactsCard({ cluster }: { cluster: ClusterSummary }) {
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Cluster"
      variant="gridItem"
    >
      <Box component="dl" m={0}>
        <FactRow label="Health">
          <VerdictChip health={cluster.health} />
        </FactRow>
        <FactRow label="Cloud">
          {CLOUD_TITLES[cluster.cloud] ?? cluster.cloud}
          {cluster.infrastructureKind ? ` (${cluster.infrastructureKind})` : ''}
        </FactRow>
        <FactRow label="Region">{cluster.region ?? 'not reported'}</FactRow>
        <FactRow label="Kubernetes version">
          {cluster.kubernetesVersion ?? 'not reported'}
        </FactRow>
        <FactRow label="Phase">{cluster.phase ?? 'not reported'}</FactRow>
        <FactRow label="Namespace">{cluster.namespace}</FactRow>
        {cluster.topology && (
          <FactRow label="ClusterClass">{cluster.topology.classRef}</FactRow>
        )}
        <FactRow label="API version">{cluster.apiVersion}</FactRow>
        <FactRow label="Created">
          <RelativeTime time={cluster.createdAt} />
        </FactRow>
      </Box>
    </InfoCard>
  );
}
