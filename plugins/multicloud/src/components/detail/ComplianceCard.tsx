import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ComplianceReport } from '@internal/plugin-multicloud-common';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { checkCounts } from '../compliance/checkLabels';
import { ComplianceCheckList } from '../compliance/ComplianceCheckList';

function verdictText(report: ComplianceReport): string {
  const { applicable, failing } = checkCounts(report);
  return failing === 0
    ? `Compliant: all ${applicable} applicable checks pass`
    : `Not compliant: ${failing} of ${applicable} applicable checks fail`;
}

/** The cluster's compliance checks, failures first, each with its evidence and rule. */
export function ComplianceCard({
  compliance,
}: {
  compliance: ComplianceReport | null;
}) {
  return (
    <InfoCard titleTypographyProps={CARD_TITLE_PROPS} title="Compliance">
      {!compliance ? (
        <Typography color="textSecondary">
          No compliance report for this cluster.
        </Typography>
      ) : (
        <>
          <Typography variant="h6" component="p" gutterBottom>
            {verdictText(compliance)}
          </Typography>
          <ComplianceCheckList
            label="Compliance checks"
            checks={compliance.checks}
          />
        </>
      )}
    </InfoCard>
  );
}
