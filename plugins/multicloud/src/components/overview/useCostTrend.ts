import { useApi } from '@backstage/frontend-plugin-api';
import type { HistoryPoint } from '@internal/plugin-multicloud-common';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { usePolling } from '../../hooks/usePolling';
import { TIME_RANGES } from './timeRanges';

const MONTH = TIME_RANGES.find(r => r.id === '30d')!;

/**
 * Each cloud's cost per hour over the last 30 days, for the cloud cards' sparklines. Not
 * asked for with "My team": history splits by cloud or by team, not both.
 */
export function useCostTrend(
  owners: readonly string[] | undefined,
): Record<string, HistoryPoint[]> | undefined {
  const api = useApi(multicloudApiRef);
  const mine = !!owners?.length;
  return usePolling(async () => {
    if (mine) return undefined;
    const to = Date.now();
    const { series } = await api.getHistory({
      metric: 'cost_per_hour',
      groupBy: 'cloud',
      from: to - MONTH.ms,
      to,
    });
    return Object.fromEntries(series.map(s => [s.key, s.points]));
  }, [api, mine]).value;
}
