import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  FAILOVER_ACTIONS,
  type FailoverAction,
  type FailoverPlan,
  type FailoverPlanRequest,
  type FailoverPolicyReport,
  type FailoverRunView,
} from '@internal/plugin-multicloud-common';
import { useState } from 'react';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { LoadError } from '../common/LoadError';
import { PlanPreview } from './PlanPreview';

const ACTION_TITLES: Record<FailoverAction, string> = {
  failover: 'Fail over',
  failback: 'Fail back',
};

/** "Fail over default/a to default/b": what the confirm button does, naming both clusters. */
export function actionSentence(
  action: FailoverAction,
  primary: string,
  standby: string,
): string {
  return action === 'failover'
    ? `Fail over ${primary} to ${standby}`
    : `Fail back ${primary} from ${standby}`;
}

/**
 * Deliberate by construction: choose the action and target, see the dry run's steps and
 * patches, then confirm in a second dialog that names the cluster. Nothing is written before
 * that confirmation.
 */
export function FailoverDialog({
  policy,
  onClose,
  onStarted,
}: {
  policy: FailoverPolicyReport;
  onClose: () => void;
  onStarted: (run: FailoverRunView) => void;
}) {
  const api = useApi(multicloudApiRef);
  const [action, setAction] = useState<FailoverAction>(
    policy.failedOver ? 'failback' : 'failover',
  );
  const [target, setTarget] = useState(policy.target ?? '');
  const [istio, setIstio] = useState(false);
  const [plan, setPlan] = useState<FailoverPlan>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const request: FailoverPlanRequest = {
    cluster: policy.cluster,
    action,
    // Failback returns from the standby the failover recorded; the backend knows which.
    ...(target && action === 'failover' ? { target } : {}),
    ...(istio ? { istioLocalityFailover: true } : {}),
  };
  const call = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e as Error);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    call(async () => setPlan(await api.planFailover(request)));
  const start = () =>
    call(async () => onStarted(await api.startFailover(request)));
  // Any change of the inputs invalidates the preview: confirm only what was shown.
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPlan(undefined);
    };
  const titleId = 'failover-dialog-title';

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>Failover of {policy.cluster}</DialogTitle>
      <DialogContent>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
          <TextField
            select
            id="failover-action"
            label="Action"
            value={action}
            onChange={e => edit(setAction)(e.target.value as FailoverAction)}
            variant="outlined"
            size="small"
            style={{ minWidth: 160 }}
          >
            {FAILOVER_ACTIONS.map(a => (
              <MenuItem key={a} value={a}>
                {ACTION_TITLES[a]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="failover-target"
            label="Standby"
            value={target}
            onChange={e => edit(setTarget)(e.target.value)}
            variant="outlined"
            size="small"
            disabled={action === 'failback'}
            style={{ minWidth: 280 }}
            helperText={
              action === 'failback'
                ? 'failback returns from the standby the failover used'
                : 'the policy’s first valid target unless you pick another'
            }
          >
            {policy.targets.map(t => (
              <MenuItem key={t.ref} value={t.ref} disabled={!t.valid}>
                {t.ref}
                {t.valid ? '' : ` (unusable: ${t.reasons.join('; ')})`}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            label="Propose Istio locality failover (GitOps)"
            control={
              <Checkbox
                color="primary"
                checked={istio}
                onChange={e => edit(setIstio)(e.target.checked)}
              />
            }
          />
        </Box>
        {error && <LoadError title="The backend refused" error={error} />}
        {plan ? (
          <PlanPreview plan={plan} />
        ) : (
          <DialogContentText>
            Preview the plan first: a dry run lists every step and the exact
            patch it applies, and changes nothing.
          </DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button
          onClick={preview}
          disabled={busy}
          variant={plan ? 'outlined' : 'contained'}
          color="primary"
        >
          {plan ? 'Preview again' : 'Preview plan (dry run)'}
        </Button>
        <Button
          onClick={() => setConfirming(true)}
          disabled={!plan || busy}
          variant="contained"
          color="secondary"
        >
          Execute…
        </Button>
      </DialogActions>
      {plan && (
        <Dialog
          open={confirming}
          onClose={() => setConfirming(false)}
          aria-labelledby="failover-confirm-title"
        >
          <DialogTitle id="failover-confirm-title">
            {actionSentence(plan.action, plan.primary, plan.standby)}?
          </DialogTitle>
          <DialogContent>
            <DialogContentText>
              The run applies the {plan.steps.length} steps you previewed to the
              management cluster, one at a time, and is recorded in the audit
              log under your name. You can cancel it while it runs; completed
              steps stay applied until a failback.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button
              onClick={start}
              disabled={busy}
              variant="contained"
              color="secondary"
            >
              {actionSentence(plan.action, plan.primary, plan.standby)}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Dialog>
  );
}
