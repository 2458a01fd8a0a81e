import { useApi } from '@backstage/frontend-plugin-api';
import type { ComplianceResponse } from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling, type Polled } from '../../hooks/usePolling';
import { scopeCompliance } from './scopeCompliance';

/** `GET /compliance`, polled, narrowed to the owners when "My team" is on. */
export function useScopedCompliance(
  owners: readonly string[] | undefined,
): Polled<ComplianceResponse> {
  const api = useApi(multicloudApiRef);
  return usePolling(
    async () => scopeCompliance(await api.getCompliance(), owners),
    [api, owners?.join(',')],
  );
}
