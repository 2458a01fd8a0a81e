import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  clusterQueryToParams,
  parseClusterQuery,
  type ClusterQuery,
  type QueryParams,
} from '@internal/plugin-multicloud-common';

export interface ClusterQueryState {
  query: ClusterQuery;
  /** Why the URL's query was ignored, when it was invalid (e.g. a hand-edited `sort`). */
  invalid?: string;
  /** Replaces the whole query; `replace` keeps typing out of the browser history. */
  setQuery: (query: ClusterQuery, options?: { replace?: boolean }) => void;
}

/**
 * The filter and sort state lives in the URL (`?cloud=aws,gcp&verdict=degraded&q=eu&sort=name`),
 * in the backend's own parameter names, so a link shows the same view to anyone.
 */
export function useClusterQueryState(): ClusterQueryState {
  const [searchParams, setSearchParams] = useSearchParams();

  const parsed = useMemo(() => {
    const params: QueryParams = {};
    for (const key of new Set(searchParams.keys()))
      params[key] = searchParams.getAll(key);
    return parseClusterQuery(params);
  }, [searchParams]);

  const setQuery = useCallback(
    (query: ClusterQuery, options?: { replace?: boolean }) =>
      setSearchParams(clusterQueryToParams(query), {
        replace: options?.replace,
      }),
    [setSearchParams],
  );

  return parsed.ok
    ? { query: parsed.query, setQuery }
    : { query: {}, invalid: parsed.error, setQuery };
}
