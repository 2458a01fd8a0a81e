import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ObjectTarget,
  PlanStep,
} from '@internal/plugin-multicloud-common';

const useStyles = makeStyles(theme => ({
  code: {
    margin: 0,
    padding: theme.spacing(1),
    overflowX: 'auto',
    fontSize: theme.typography.body2.fontSize,
    background: theme.palette.background.default,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

function objectName(target: ObjectTarget): string {
  return `${target.kind} ${target.namespace}/${target.name} (${target.apiVersion})`;
}

/**
 * What a step does, exactly: the object and the merge patch it sends, the availability it
 * waits for, or the GitOps change it only describes.
 */
export function StepDetails({ step }: { step: PlanStep }) {
  const classes = useStyles();
  let body;
  if (step.type === 'patch') {
    body = (
      <>
        <Typography variant="body2">
          PATCH {objectName(step.target)} · {step.patchType}
        </Typography>
        <pre
          className={classes.code}
          aria-label={`Patch of ${step.target.kind} ${step.target.namespace}/${step.target.name}`}
        >
          {JSON.stringify(step.patch, null, 2)}
        </pre>
      </>
    );
  } else if (step.type === 'wait') {
    body = (
      <Box component="ul" m={0} pl={2}>
        {step.targets.map(t => (
          <li key={objectName(t.target)}>
            <Typography variant="body2">
              {objectName(t.target)}: at least {t.availableReplicas} available
              replicas
            </Typography>
          </li>
        ))}
      </Box>
    );
  } else {
    body = (
      <>
        <Typography variant="body2">{step.description}</Typography>
        <pre className={classes.code}>
          {JSON.stringify(step.manifest, null, 2)}
        </pre>
      </>
    );
  }
  return (
    <Box>
      {body}
      <Typography variant="caption" color="textSecondary" display="block">
        Done when {step.doneWhen}; times out after {step.timeoutSeconds} s.
      </Typography>
    </Box>
  );
}
