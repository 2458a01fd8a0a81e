import { useApi } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling } from '../../hooks/usePolling';
import { indexInsights } from './clusterInsights';

/**
 * Cost and compliance of every cluster the user may read: one fleet-wide request each, not
 * one per cluster, so a Group owning hundreds costs two requests. Independent: one failing
 * leaves the other (and the list) standing.
 */
export function useClusterInsights() {
  const api = useApi(multicloudApiRef);
  const cost = usePolling(() => api.getCost(), [api]);
  const compliance = usePolling(() => api.getCompliance(), [api]);
  const costIndex = useMemo(
    () => indexInsights(cost.value?.clusters, cost.error),
    [cost.value, cost.error],
  );
  const complianceIndex = useMemo(
    () => indexInsights(compliance.value?.reports, compliance.error),
    [compliance.value, compliance.error],
  );
  return { cost, compliance, costIndex, complianceIndex };
}
