import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FailoverPlan } from '@internal/plugin-multicloud-common';
import { StepDetails } from './StepDetails';

/** A dry run's result: capacity, warnings, then every step with the patch it will apply. */
export function PlanPreview({ plan }: { plan: FailoverPlan }) {
  const { capacity } = plan;
  return (
    <Box>
      <Typography variant="subtitle1" component="p">
        {plan.action === 'failover' ? 'Failover' : 'Failback'} of {plan.primary}{' '}
        with standby {plan.standby}: {plan.steps.length} steps
      </Typography>
      {capacity && (
        <Typography variant="body2">
          Capacity: the standby gains {capacity.added} {capacity.unit} for the{' '}
          {capacity.needed} {capacity.unit} the primary runs ({capacity.basis}).
        </Typography>
      )}
      {plan.warnings.length > 0 && (
        <Box component="ul" pl={2} aria-label="Warnings">
          {plan.warnings.map(w => (
            <li key={w}>
              <Typography variant="body2">
                <strong>Warning:</strong> {w}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      <Box component="ol" pl={3} aria-label="Planned steps">
        {plan.steps.map(step => (
          <Box component="li" key={step.id} mb={2}>
            <Typography variant="subtitle2">{step.title}</Typography>
            <StepDetails step={step} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
