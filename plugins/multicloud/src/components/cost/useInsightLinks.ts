import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { complianceRouteRef, costRouteRef } from '../../routes';
import type { Grouping } from './grouping';

export interface InsightLinks {
  cost(state?: {
    owners?: readonly string[];
    by?: Grouping;
  }): string | undefined;
  compliance(state?: {
    owners?: readonly string[];
    by?: Grouping;
  }): string | undefined;
}

function withState(
  path: string,
  state: { owners?: readonly string[]; by?: Grouping } = {},
): string {
  const params = new URLSearchParams();
  if (state.owners?.length) params.set('owner', state.owners.join(','));
  if (state.by && state.by !== 'cloud') params.set('by', state.by);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Links to the cost and compliance pages; undefined where they are not mounted. */
export function useInsightLinks(): InsightLinks {
  const cost = useRouteRef(costRouteRef);
  const compliance = useRouteRef(complianceRouteRef);
  return useMemo(
    () => ({
      cost: state => cost && withState(cost(), state),
      compliance: state => compliance && withState(compliance(), state),
    }),
    [cost, compliance],
  );
}
