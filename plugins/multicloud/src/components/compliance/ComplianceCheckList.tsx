import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { ComplianceCheck } from '@internal/plugin-multicloud-common';
import { FactRow } from '../common/FactRow';
import { CheckStatusIcon } from './CheckStatusIcon';
import { evidenceText, sortChecks, STATUS_LABELS } from './checkLabels';

/**
 * Compliance checks, each saying what was found; expanding one shows its evidence (object,
 * field, value), the rule that decided and, for a failure, what to change.
 */
export function ComplianceCheckList({
  checks,
  label,
}: {
  checks: readonly ComplianceCheck[];
  /** Names the list for assistive technology. */
  label: string;
}) {
  return (
    <Box role="list" aria-label={label}>
      {sortChecks(checks).map(check => (
        <Accordion
          key={check.id}
          role="listitem"
          TransitionProps={{ unmountOnExit: true }}
        >
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
              <CheckStatusIcon status={check.status} />
              <Typography variant="body2" component="span">
                <strong>{check.title}</strong> · {check.severity} ·{' '}
                {STATUS_LABELS[check.status].toLocaleLowerCase('en-US')}:{' '}
                {check.message}
              </Typography>
            </Box>
          </AccordionSummary>
          <AccordionDetails>
            <Box component="dl" m={0} width="100%">
              <FactRow label="Evidence">
                {check.evidence.length === 0 ? (
                  'none recorded'
                ) : (
                  <Box component="ul" m={0} pl={2}>
                    {check.evidence.map((e, i) => (
                      <li key={i}>
                        <code>{evidenceText(e)}</code>
                      </li>
                    ))}
                  </Box>
                )}
              </FactRow>
              <FactRow label="Rule">{check.rule}</FactRow>
              {check.remediation && (
                <FactRow label="Remediation">{check.remediation}</FactRow>
              )}
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}
