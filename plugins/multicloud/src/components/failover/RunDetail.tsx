import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { FailoverRunView } from '@internal/plugin-multicloud-common';
import { useRef, useState } from 'react';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling } from '../../hooks/usePolling';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { LoadError } from '../common/LoadError';
import { actionSentence } from './FailoverDialog';
import { ACTIVE_RUN_STATUSES, StatusChip } from './statuses';
import { StepDetails } from './StepDetails';
import { EpochTime } from './time';
import {
  FAILOVER_DENIED_EXPLANATION,
  useFailoverPermission,
} from './useFailoverPermission';

/** An active run is followed closely; a finished one only in case it is resumed elsewhere. */
export const ACTIVE_RUN_POLL_MS = 2000;

function CancelButton({
  run,
  onCancelled,
}: {
  run: FailoverRunView;
  onCancelled: () => void;
}) {
  const api = useApi(multicloudApiRef);
  const { allowed, loading } = useFailoverPermission(run.cluster);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  if (loading) return null;
  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.cancelFailoverRun(run.id);
      onCancelled();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box mb={2}>
      <Button
        variant="outlined"
        color="secondary"
        disabled={!allowed || busy || run.cancelRequested}
        onClick={cancel}
      >
        {run.cancelRequested ? 'Cancellation requested' : 'Cancel run'}
      </Button>
      {!allowed && (
        <Typography variant="caption" color="textSecondary" display="block">
          {FAILOVER_DENIED_EXPLANATION}
        </Typography>
      )}
      {error && <LoadError title="Could not cancel the run" error={error} />}
    </Box>
  );
}

/** One run: who, what, and a timeline of its steps with what each did or why it failed. */
export function RunDetail({
  id,
  onChanged,
}: {
  id: string;
  /** The run changed state (cancelled, finished): lists elsewhere may refresh. */
  onChanged: () => void;
}) {
  const api = useApi(multicloudApiRef);
  const [active, setActive] = useState(true);
  // Whether the run was active at the previous poll: only a change seen while watching it is
  // news to the lists (a run opened after it ended is not).
  const wasActive = useRef<boolean>();
  const {
    value: run,
    error,
    loading,
    retry,
  } = usePolling(
    async () => {
      const next = await api.getFailoverRun(id);
      const nowActive = ACTIVE_RUN_STATUSES.includes(next.status);
      if (wasActive.current !== undefined && wasActive.current !== nowActive) {
        onChanged();
      }
      wasActive.current = nowActive;
      setActive(nowActive);
      return next;
    },
    [api, id],
    active ? ACTIVE_RUN_POLL_MS : undefined,
  );

  if (loading) return <Progress />;
  if (!run) {
    return (
      <LoadError
        title={`Could not load failover run ${id}`}
        error={error!}
        retry={retry}
      />
    );
  }
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title={actionSentence(run.action, run.cluster, run.target)}
      subheader={
        // One element: the subheader lays its children out as flex items, eating spaces.
        <span>
          Run {run.id} by {run.actor} ({run.mode}), created{' '}
          <EpochTime ms={run.createdAt} />
          {run.finishedAt && (
            <>
              , finished <EpochTime ms={run.finishedAt} />
            </>
          )}
        </span>
      }
    >
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={2}>
        <Typography variant="body1" component="span">
          Status:
        </Typography>
        <span role="status" aria-label={`Run status: ${run.status}`}>
          <StatusChip status={run.status} />
        </span>
      </Box>
      {error && (
        <LoadError
          title="Refreshing failed; showing the previous state"
          error={error}
          retry={retry}
        />
      )}
      {run.error && (
        <Typography color="error" paragraph>
          {run.error}
        </Typography>
      )}
      {ACTIVE_RUN_STATUSES.includes(run.status) && (
        <CancelButton run={run} onCancelled={retry} />
      )}
      <Box component="ol" m={0} pl={0} aria-label="Step timeline">
        {run.steps.map((step, i) => (
          <Box
            component="li"
            key={step.id}
            display="flex"
            style={{ gap: 12, listStyle: 'none' }}
            mb={2}
          >
            <Box minWidth={110}>
              <StatusChip status={step.execution?.status ?? 'pending'} />
            </Box>
            <Box flexGrow={1}>
              <Typography variant="subtitle2">
                {i + 1}. {step.title}
              </Typography>
              {step.execution?.result && (
                <Typography variant="body2">{step.execution.result}</Typography>
              )}
              {step.execution?.error && (
                <Typography variant="body2" color="error">
                  {step.execution.error}
                </Typography>
              )}
              {step.execution?.startedAt && (
                <Typography variant="caption" color="textSecondary">
                  started <EpochTime ms={step.execution.startedAt} />
                  {step.execution.attempts > 1 &&
                    `, ${step.execution.attempts} attempts`}
                </Typography>
              )}
              <details>
                <summary>
                  <Typography variant="caption" component="span">
                    What this step applies
                  </Typography>
                </summary>
                <StepDetails step={step} />
              </details>
            </Box>
          </Box>
        ))}
      </Box>
    </InfoCard>
  );
}
