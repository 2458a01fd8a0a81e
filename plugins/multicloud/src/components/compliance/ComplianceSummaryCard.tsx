import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ComplianceResponse } from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { FactRow } from '../common/FactRow';
import { checkTitles, failuresByCount } from './checkLabels';
import { countFailingChecks } from './failingReports';
import { percent } from './percent';

/** How many clusters pass every check, how many checks fail, and which checks fail most. */
export function ComplianceSummaryCard({
  compliance,
  title,
}: {
  compliance: ComplianceResponse;
  title: string;
}) {
  const { reports } = compliance;
  const compliant = reports.filter(r => r.compliant).length;
  const failingClusters = reports.length - compliant;
  const titles = checkTitles(reports);
  const byCheck = failuresByCount(compliance.rates.cloud.failuresByCheck);
  return (
    <InfoCard titleTypographyProps={CARD_TITLE_PROPS} title={title}>
      <Typography variant="h5" component="p">
        {compliant} of {reports.length} clusters compliant (
        {percent(compliant, reports.length)})
      </Typography>
      <Typography variant="body1" component="p" gutterBottom>
        {failingClusters}{' '}
        {failingClusters === 1 ? 'cluster fails' : 'clusters fail'}{' '}
        {countFailingChecks(reports)} checks in all
      </Typography>
      {byCheck.length > 0 && (
        <Box
          component="dl"
          mt={2}
          mb={0}
          aria-label="Clusters failing each check"
        >
          {byCheck.map(([id, n]) => (
            <FactRow key={id} label={titles.get(id) ?? id}>
              {n} {n === 1 ? 'cluster' : 'clusters'}
            </FactRow>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
