import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type ComplianceReport,
} from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { ClusterRefLink } from '../cost/ClusterRefLink';
import { ComplianceCheckList } from './ComplianceCheckList';
import { failingReports } from './failingReports';

const LIMIT = 50;

/** Every non-compliant cluster (the first 50), worst first, with its failing checks and their evidence. */
export function FailingClustersCard({
  reports,
}: {
  reports: readonly ComplianceReport[];
}) {
  const failing = failingReports(reports);
  const shown = failing.slice(0, LIMIT);
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Failing checks"
      subheader={
        failing.length > LIMIT
          ? `The ${LIMIT} clusters with the most severe failures, of ${failing.length}`
          : 'Most severe first; expand a check for its evidence'
      }
    >
      {shown.length === 0 && (
        <Typography color="textSecondary">
          Every cluster passes every check.
        </Typography>
      )}
      {shown.map(report => (
        <Box key={report.ref} mb={2}>
          <Typography variant="h6" component="h3">
            <ClusterRefLink clusterRef={report.ref} />
          </Typography>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {[CLOUD_TITLES[report.cloud], report.owner, report.environment]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          <ComplianceCheckList
            label={`Failing checks of ${report.ref}`}
            checks={report.checks.filter(c => c.status === 'fail')}
          />
        </Box>
      ))}
    </InfoCard>
  );
}
