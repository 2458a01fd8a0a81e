import { useApi } from '@backstage/frontend-plugin-api';
import {
  summarizeFleet,
  type FleetSummary,
} from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../api/MulticloudApi';
import { MAX_CLUSTERS } from './useClusterList';
import { usePolling, type Polled } from './usePolling';

export interface ScopedFleet {
  stale: boolean;
  summary: FleetSummary;
}

/**
 * Fleet counts for everyone (`GET /fleet`, precomputed per version), or for some owners: then
 * from their clusters, with the same `summarizeFleet` the backend uses, so both agree.
 */
export function useFleetSummary(
  owners: readonly string[] | undefined,
): Polled<ScopedFleet> {
  const api = useApi(multicloudApiRef);
  const ownerKey = owners?.join(',') ?? '';
  return usePolling(async () => {
    if (!owners?.length) {
      const { stale, summary } = await api.getFleet();
      return { stale, summary };
    }
    const { stale, items } = await api.listClusters({
      owner: owners,
      limit: MAX_CLUSTERS,
    });
    return { stale, summary: summarizeFleet(items) };
  }, [api, ownerKey]);
}
