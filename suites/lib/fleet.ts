import { waitFor } from '../../bench/lib/processes';
import type { BackendProcess } from './portal';

export interface KindState {
  kind: string;
  lists: number;
  watches: number;
  consecutiveFailures: number;
  connected: boolean;
  synced: boolean;
  lastError?: string;
}

export interface FleetStatus {
  synced: boolean;
  stale: boolean;
  version: number;
  managementClusters: Array<{ name: string; kinds: KindState[] }>;
}

export const kindsOf = (status: FleetStatus): KindState[] =>
  status.managementClusters.flatMap(mc => mc.kinds);

/** Lists and watches the backend has started, by its own count (`GET /status`). */
export const attemptsOf = (status: FleetStatus): number =>
  kindsOf(status).reduce((sum, k) => sum + k.lists + k.watches, 0);

/** Resolves once the backend's cache has listed every kind and no watch is failing. */
export async function waitForFresh(
  backend: BackendProcess,
  timeoutMs: number,
): Promise<number> {
  const startedAt = Date.now();
  let status: FleetStatus | undefined;
  try {
    await waitFor(
      async () => {
        status = await backend.get('/status');
        return status!.synced && !status!.stale;
      },
      timeoutMs,
      'a synced, fresh fleet',
    );
  } catch (error) {
    const lagging = status
      ? kindsOf(status).filter(k => !k.synced || !k.connected)
      : [];
    throw new Error(
      `${(error as Error).message}; lagging kinds: ${
        lagging
          .map(k => `${k.kind} (${k.lastError ?? 'no error'})`)
          .join(', ') || 'none'
      }`,
    );
  }
  return Date.now() - startedAt;
}

/** Polls a cluster's detail until `accept` holds; returns how long it took. */
export async function waitForCluster(
  backend: BackendProcess,
  ref: string,
  accept: (cluster: { health: { verdict: string }; phase?: string }) => boolean,
  timeoutMs: number,
): Promise<number> {
  const startedAt = Date.now();
  await waitFor(
    async () => accept((await backend.get(`/clusters/${ref}`)).cluster),
    timeoutMs,
    `${ref} to change`,
  );
  return Date.now() - startedAt;
}
