import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { FailoverPolicyReport } from '@internal/plugin-multicloud-common';
import { useCallback, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling, type Polled } from '../../hooks/usePolling';
import { LoadError } from '../common/LoadError';
import { BreakersCard } from './BreakersCard';
import { FailoverDialog } from './FailoverDialog';
import { PoliciesCard } from './PoliciesCard';
import { RunDetail } from './RunDetail';
import { RunsCard } from './RunsCard';

/** Each card loads on its own, so one failing request never blanks the others. */
function Loaded<T>({
  polled,
  what,
  children,
}: {
  polled: Polled<T>;
  what: string;
  children: (value: T) => ReactNode;
}) {
  if (polled.loading) return <Progress />;
  return (
    <>
      {polled.error && (
        <LoadError
          title={`Could not load ${what}`}
          error={polled.error}
          retry={polled.retry}
        />
      )}
      {polled.value !== undefined && children(polled.value)}
    </>
  );
}

/**
 * The failover console: policies (each plans a run: dry run, then confirm), circuit
 * breakers, and runs with their step timeline. `?cluster=` narrows it to one cluster,
 * `?run=` opens a run.
 */
export function FailoverConsolePage() {
  const api = useApi(multicloudApiRef);
  const [params, setParams] = useSearchParams();
  const cluster = params.get('cluster') ?? undefined;
  const runId = params.get('run') ?? undefined;
  const [planning, setPlanning] = useState<FailoverPolicyReport>();
  // Bumped when a run starts or changes state, so policies and runs reload at once.
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration(g => g + 1), []);

  const policies = usePolling(
    async () =>
      (await api.getFailoverPolicies()).filter(
        p => !cluster || p.cluster === cluster,
      ),
    [api, cluster, generation],
  );
  const breakers = usePolling(
    () => api.getFailoverBreakers(cluster),
    [api, cluster, generation],
  );
  const runs = usePolling(
    () => api.listFailoverRuns(cluster),
    [api, cluster, generation],
  );

  const withParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(name);
    else next.set(name, value);
    return next;
  };
  const runLink = (id: string) => `?${withParam('run', id)}`;

  return (
    <>
      {cluster && (
        <Box mb={2} display="flex" alignItems="baseline" style={{ gap: 12 }}>
          <Typography variant="h6" component="p">
            Failover of {cluster}
          </Typography>
          <Link to={`?${withParam('cluster', undefined)}`}>All clusters</Link>
        </Box>
      )}
      <Grid container spacing={3}>
        {runId && (
          <Grid item xs={12}>
            <RunDetail key={runId} id={runId} onChanged={refresh} />
          </Grid>
        )}
        <Grid item xs={12}>
          <Loaded polled={policies} what="failover policies">
            {value => <PoliciesCard policies={value} onPlan={setPlanning} />}
          </Loaded>
        </Grid>
        <Grid item xs={12}>
          <Loaded polled={breakers} what="circuit breakers">
            {value => <BreakersCard breakers={value} />}
          </Loaded>
        </Grid>
        <Grid item xs={12}>
          <Loaded polled={runs} what="failover runs">
            {value => <RunsCard runs={value} runLink={runLink} />}
          </Loaded>
        </Grid>
      </Grid>
      {planning && (
        <FailoverDialog
          policy={planning}
          onClose={() => setPlanning(undefined)}
          onStarted={run => {
            setPlanning(undefined);
            setParams(withParam('run', run.id));
            refresh();
          }}
        />
      )}
    </>
  );
}
