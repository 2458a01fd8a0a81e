import {
  CLUSTER_FACETS,
  CLUSTER_SORT_KEYS,
  type ClusterQuery,
  type ClusterSortKey,
} from './queryClusters';

/** URL query parameters as Express and URLSearchParams give them. */
export type QueryParams = Record<
  string,
  string | readonly string[] | undefined
>;

/** Every parameter `parseClusterQuery` reads; the route refuses any other. */
export const CLUSTER_QUERY_PARAMS = [
  ...CLUSTER_FACETS,
  'q',
  'sort',
  'order',
  'offset',
  'limit',
] as const;

export type ParsedClusterQuery =
  | { ok: true; query: ClusterQuery }
  | { ok: false; error: string };

/**
 * `GET /clusters?cloud=aws,gcp&verdict=degraded&q=payments&sort=cost&order=desc&offset=0&limit=50`
 * → `ClusterQuery`. Filters accept repeated parameters or comma-separated values. The same
 * parameters hold the Clusters page state in the browser URL (see `clusterQueryToParams`).
 * Invalid input gives a message for a 400 response, never an exception.
 */
export function parseClusterQuery(params: QueryParams): ParsedClusterQuery {
  const query: ClusterQuery = {};
  for (const facet of CLUSTER_FACETS) {
    const values = list(params[facet]);
    if (values.length > 0) query[facet] = values;
  }
  const text = single(params.q);
  if (text) query.text = text;

  const sort = single(params.sort);
  if (sort !== undefined) {
    if (!(CLUSTER_SORT_KEYS as readonly string[]).includes(sort)) {
      return {
        ok: false,
        error: `sort must be one of ${CLUSTER_SORT_KEYS.join(
          ', ',
        )}; got "${sort}"`,
      };
    }
    query.sort = sort as ClusterSortKey;
  }
  const order = single(params.order);
  if (order !== undefined) {
    if (order !== 'asc' && order !== 'desc') {
      return { ok: false, error: `order must be asc or desc; got "${order}"` };
    }
    query.order = order;
  }
  for (const name of ['offset', 'limit'] as const) {
    const raw = single(params[name]);
    if (raw === undefined) continue;
    if (!/^\d+$/.test(raw)) {
      return {
        ok: false,
        error: `${name} must be a whole number ≥ 0; got "${raw}"`,
      };
    }
    query[name] = Number(raw);
  }
  return { ok: true, query };
}

/** The inverse of `parseClusterQuery`, for links and the browser URL. */
export function clusterQueryToParams(query: ClusterQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const facet of CLUSTER_FACETS) {
    const values = query[facet];
    if (values?.length) params.set(facet, values.join(','));
  }
  if (query.text) params.set('q', query.text);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return params;
}

function single(
  value: string | readonly string[] | undefined,
): string | undefined {
  const v = typeof value === 'string' ? value : value?.[value.length - 1];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function list(value: string | readonly string[] | undefined): string[] {
  const raw = typeof value === 'string' ? [value] : value ?? [];
  return raw
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
}
