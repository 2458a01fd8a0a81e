import { useApi } from '@backstage/frontend-plugin-api';
import type { CostResponse } from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling, type Polled } from '../../hooks/usePolling';
import { scopeCost } from './scopeCost';

/**
 * `GET /cost`, polled, narrowed to the owners when "My team" is on. Not requested while
 * `enabled` is false (a page that needs it only for one of its views).
 */
export function useScopedCost(
  owners: readonly string[] | undefined,
  enabled: boolean = true,
): Polled<CostResponse | undefined> {
  const api = useApi(multicloudApiRef);
  return usePolling(
    async () => (enabled ? scopeCost(await api.getCost(), owners) : undefined),
    [api, owners?.join(','), enabled],
  );
}
