import { useMemo } from 'react';
import { useScopedCompliance } from '../compliance/useScopedCompliance';
import { useScopedCost } from '../cost/useScopedCost';
import { indexInsights } from './clusterInsights';

/**
 * Cost and compliance of every cluster the user may read: one fleet-wide request each, not
 * one per cluster, so a Group owning hundreds costs two requests. Independent: one failing
 * leaves the other (and the list) standing.
 */
export function useClusterInsights() {
  const cost = useScopedCost(undefined);
  const compliance = useScopedCompliance(undefined);
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
