import {
  queryClusters,
  type ClusterSummary,
} from '@internal/plugin-multicloud-common';

/**
 * While a search is being typed, the clusters of the list on screen that match it, so the
 * table follows every keystroke instead of waiting for the debounce and the request.
 * Only when that is exact: the list is complete (not cut at the page limit) and answers a
 * search the typed one narrows (`eu` → `eu-w`: each word of the old search lies inside a word
 * of the new one, so every match of the new search is in the list). Otherwise undefined: show
 * the list as it is until the backend answers. Matching is the backend's own (`queryClusters`).
 */
export function narrowClusters(
  list: { items: readonly ClusterSummary[]; total: number } | undefined,
  answeredText: string | undefined,
  typedText: string,
): readonly ClusterSummary[] | undefined {
  const answered = (answeredText ?? '').trim().toLowerCase();
  const typed = typedText.trim().toLowerCase();
  if (!list || list.total > list.items.length) return undefined;
  if (typed === answered || !typed.includes(answered)) return undefined;
  const matching = new Set(queryClusters(list.items, { text: typed }).items);
  return list.items.filter(c => matching.has(c));
}
