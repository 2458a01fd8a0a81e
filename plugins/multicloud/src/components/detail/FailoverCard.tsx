import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { MULTICLOUD_ANNOTATIONS } from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling } from '../../hooks/usePolling';
import { failoverRouteRef } from '../../routes';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { FactRow } from '../common/FactRow';
import { LoadError } from '../common/LoadError';
import { StatusChip } from '../failover/statuses';
import { EpochTime } from '../failover/time';

/** Runs shown on the card; the console has the rest. */
const RECENT_RUNS = 3;

/**
 * A cluster's failover at a glance: its policy, its breaker, its latest runs, and the way
 * into the console for planning or following a run.
 */
export function FailoverCard({ clusterRef }: { clusterRef: string }) {
  const api = useApi(multicloudApiRef);
  const consoleRoute = useRouteRef(failoverRouteRef);
  const { value, error, loading, retry } = usePolling(async () => {
    const [policies, breakers, runs] = await Promise.all([
      api.getFailoverPolicies(),
      api.getFailoverBreakers(clusterRef),
      api.listFailoverRuns(clusterRef),
    ]);
    return {
      policy: policies.find(p => p.cluster === clusterRef),
      breaker: breakers[0],
      runs,
    };
  }, [api, clusterRef]);

  const consoleLink = (query: Record<string, string>) =>
    consoleRoute &&
    `${consoleRoute()}?${new URLSearchParams({
      cluster: clusterRef,
      ...query,
    })}`;
  const open = consoleLink({});

  let body;
  if (loading) body = <Progress />;
  else if (!value) {
    body = (
      <LoadError
        title="Could not load the failover state"
        error={error!}
        retry={retry}
      />
    );
  } else {
    const { policy, breaker, runs } = value;
    body = (
      <>
        {error && (
          <LoadError
            title="Refreshing failed; showing the previous state"
            error={error}
            retry={retry}
          />
        )}
        {policy ? (
          <Box component="dl" m={0}>
            <FactRow label="Mode">{policy.mode}</FactRow>
            <FactRow label="Standby">
              {policy.target ?? `none usable (${policy.problems.join('; ')})`}
            </FactRow>
            <FactRow label="State">
              {policy.failedOver ? 'failed over' : 'serving'}
            </FactRow>
            <FactRow label="Breaker">
              {breaker ? (
                <>
                  <StatusChip status={breaker.state.position} />{' '}
                  {breaker.state.consecutiveFailures} failed checks in a row,{' '}
                  {breaker.transitions?.length ?? 0} transitions
                </>
              ) : (
                'not checked yet'
              )}
            </FactRow>
          </Box>
        ) : (
          <Typography variant="body2">
            No failover policy: set {MULTICLOUD_ANNOTATIONS.failoverTarget} on
            the Cluster in the GitOps repository.
          </Typography>
        )}
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Recent runs
          </Typography>
          {runs.length === 0 ? (
            <Typography variant="body2">None.</Typography>
          ) : (
            <Box
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label="Recent failover runs"
            >
              {runs.slice(0, RECENT_RUNS).map(run => {
                const to = consoleLink({ run: run.id });
                const text = `${run.action} ${
                  run.action === 'failover' ? 'to' : 'from'
                } ${run.target}`;
                return (
                  <li key={run.id}>
                    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                      <StatusChip status={run.status} />
                      {to ? <Link to={to}>{text}</Link> : text}
                      <EpochTime ms={run.createdAt} />
                    </Box>
                  </li>
                );
              })}
            </Box>
          )}
        </Box>
      </>
    );
  }
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE_PROPS}
      title="Failover"
      variant="gridItem"
      deepLink={
        open ? { link: open, title: 'Open in the failover console' } : undefined
      }
    >
      {body}
    </InfoCard>
  );
}
