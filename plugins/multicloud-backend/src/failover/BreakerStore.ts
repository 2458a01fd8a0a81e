import type {
  BreakerState,
  BreakerTransition,
  Verdict,
} from '@internal/plugin-multicloud-common';
import type { Knex } from 'knex';
import { toMs } from '../database/toMs';

const BREAKERS = 'multicloud_failover_breakers';
const TRANSITIONS = 'multicloud_failover_breaker_transitions';

export interface StoredBreaker {
  cluster: string;
  state: BreakerState;
  lastVerdict: Verdict;
  updatedAt: number;
}

export interface StoredTransition extends BreakerTransition {
  cluster: string;
}

/** Circuit-breaker state per cluster and the trail of its transitions. */
export class BreakerStore {
  constructor(private readonly knex: Knex) {}

  async list(): Promise<StoredBreaker[]> {
    const rows: any[] = await this.knex(BREAKERS).orderBy('cluster_ref');
    return rows.map(row => ({
      cluster: row.cluster_ref,
      state: {
        position: row.position,
        consecutiveFailures: Number(row.consecutive_failures),
        consecutiveSuccesses: Number(row.consecutive_successes),
        ...optional('unhealthySince', toMs(row.unhealthy_since)),
        ...optional('healthySince', toMs(row.healthy_since)),
        ...optional('openedAt', toMs(row.opened_at)),
      },
      lastVerdict: row.last_verdict,
      updatedAt: Number(row.updated_at),
    }));
  }

  /** Writes the new state and its transitions together, so the trail never misses a move. */
  async save(
    cluster: string,
    state: BreakerState,
    lastVerdict: Verdict,
    at: number,
    transitions: readonly BreakerTransition[],
  ) {
    await this.knex.transaction(async tx => {
      await tx(BREAKERS)
        .insert({
          cluster_ref: cluster,
          position: state.position,
          consecutive_failures: state.consecutiveFailures,
          consecutive_successes: state.consecutiveSuccesses,
          unhealthy_since: state.unhealthySince ?? null,
          healthy_since: state.healthySince ?? null,
          opened_at: state.openedAt ?? null,
          last_verdict: lastVerdict,
          updated_at: at,
        })
        .onConflict('cluster_ref')
        .merge();
      if (transitions.length > 0) {
        await tx(TRANSITIONS).insert(
          transitions.map(t => ({
            cluster_ref: cluster,
            from_position: t.from,
            to_position: t.to,
            verdict: t.verdict,
            reason: t.reason,
            at: t.at,
          })),
        );
      }
    });
  }

  async transitions(cluster: string, limit = 50): Promise<StoredTransition[]> {
    const rows: any[] = await this.knex(TRANSITIONS)
      .where({ cluster_ref: cluster })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      cluster: row.cluster_ref,
      from: row.from_position,
      to: row.to_position,
      verdict: row.verdict,
      reason: row.reason,
      at: Number(row.at),
    }));
  }
}

function optional<K extends string>(
  key: K,
  value: number | undefined,
): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
