import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseClusterQuery } from '@internal/plugin-multicloud-common';
import { isGrouping, type Grouping } from './grouping';

export interface InsightsQuery {
  /** "My team": the owner label values, in the Clusters page's own `owner` parameter. */
  owners?: readonly string[];
  by: Grouping;
  setOwners(owners: string[] | undefined): void;
  setBy(by: Grouping): void;
}

/** `?owner=team-a&by=service`: the state of the cost and compliance pages, shareable as a link. */
export function useInsightsQuery(): InsightsQuery {
  const [params, setParams] = useSearchParams();
  const owners = useMemo(() => {
    const parsed = parseClusterQuery({ owner: params.getAll('owner') });
    return parsed.ok ? parsed.query.owner : undefined;
  }, [params]);
  const raw = params.get('by');
  const by: Grouping = isGrouping(raw) ? raw : 'cloud';

  const update = useCallback(
    (key: string, value: string | undefined) =>
      setParams(current => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setParams],
  );
  const setOwners = useCallback(
    (next: string[] | undefined) => update('owner', next?.join(',')),
    [update],
  );
  const setBy = useCallback(
    (next: Grouping) => update('by', next === 'cloud' ? undefined : next),
    [update],
  );
  return { owners, by, setOwners, setBy };
}
