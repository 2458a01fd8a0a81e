import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  MULTICLOUD_ANNOTATIONS,
  MULTICLOUD_LABELS,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';
import { FactRow } from '../common/FactRow';
import { CARD_TITLE_PROPS } from '../common/cardTitle';

const LABEL_TITLES: Record<keyof ClusterSummary['labels'], string> = {
  owner: 'Owner',
  system: 'System',
  environment: 'Environment',
  dataClass: 'Data class',
};

const ANNOTATION_TITLES: Record<keyof typeof MULTICLOUD_ANNOTATIONS, string> = {
  failoverTarget: 'Failover targets',
  failoverMode: 'Failover mode',
  failoverState: 'Failover state',
  trafficWeight: 'Traffic weight',
  meshEnrollment: 'Mesh',
};

/**
 * Ownership labels and failover annotations, read-only: they are changed in the GitOps
 * repository, not here. The key is shown on hover so people know what to edit.
 */
export function LabelsCard({ cluster }: { cluster: ClusterSummary }) {
  const failover = (
    Object.keys(ANNOTATION_TITLES) as Array<keyof typeof MULTICLOUD_ANNOTATIONS>
  )
    .map(key => ({
      title: ANNOTATION_TITLES[key],
      annotation: MULTICLOUD_ANNOTATIONS[key],
    }))
    .filter(a => cluster.annotations[a.annotation] !== undefined);
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Labels and failover"
      variant="gridItem"
    >
      <Box component="dl" m={0}>
        {(
          Object.keys(LABEL_TITLES) as Array<keyof ClusterSummary['labels']>
        ).map(key => (
          <FactRow key={key} label={LABEL_TITLES[key]}>
            <span title={MULTICLOUD_LABELS[key]}>
              {cluster.labels[key] ?? 'not set'}
            </span>
          </FactRow>
        ))}
        {failover.map(a => (
          <FactRow key={a.annotation} label={a.title}>
            <span title={a.annotation}>
              {cluster.annotations[a.annotation]}
            </span>
          </FactRow>
        ))}
      </Box>
      {failover.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No failover policy annotations on this cluster.
        </Typography>
      )}
    </InfoCard>
  );
}
