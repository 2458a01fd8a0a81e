import { mockApi } from './clusters';
import { PRIMARY, makeBreaker, makePolicy } from './failover';
import { LocationProbe } from './LocationProbe';
import { failoverAllowedOn } from './permissions';
import { renderWithApi } from './render';
import type { MulticloudApi } from '../api/MulticloudApi';
import { FailoverConsolePage } from '../components/failover/FailoverConsolePage';

/** The seed's policy with an open breaker and no runs; override what the test is about. */
export function api(overrides: Partial<MulticloudApi> = {}) {
  return mockApi({
    getFailoverPolicies: async () => [makePolicy()],
    getFailoverBreakers: async () => [makeBreaker()],
    listFailoverRuns: async () => [],
    ...overrides,
  });
}

/** The console at `/multicloud/failover<query>`, with failover allowed on `allowed`. */
export function renderConsole(
  multicloudApi: MulticloudApi,
  {
    query = '',
    allowed = [PRIMARY],
  }: { query?: string; allowed?: string[] } = {},
) {
  return renderWithApi(
    <>
      <FailoverConsolePage />
      <LocationProbe />
    </>,
    multicloudApi,
    {
      initialRouteEntries: [`/multicloud/failover${query}`],
      mountPath: '/multicloud/failover',
      extraApis: [failoverAllowedOn(...allowed)],
    },
  );
}
