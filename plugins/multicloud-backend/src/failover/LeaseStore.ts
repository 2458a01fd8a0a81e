import type { Knex } from 'knex';

const LEASES = 'multicloud_failover_leases';

/**
 * One lease row per primary cluster: whoever holds an unexpired lease is the only executor
 * of that cluster's runs, across replicas sharing the database. Taking it is one atomic
 * upsert (insert, or take over an expired or own lease), so two replicas racing for the same
 * cluster cannot both win. Expiry uses the replicas' clocks: keep them in sync (NTP) and the
 * lease well above the skew.
 */
export class LeaseStore {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes or extends the lease; true when `holder` holds it afterwards. */
  async acquire(
    clusterRef: string,
    holder: string,
    ttlMs: number,
  ): Promise<boolean> {
    const now = this.now();
    await this.knex(LEASES)
      .insert({ cluster_ref: clusterRef, holder, expires_at: now + ttlMs })
      .onConflict('cluster_ref')
      .merge(['holder', 'expires_at'])
      .where(`${LEASES}.expires_at`, '<=', now)
      .orWhere(`${LEASES}.holder`, holder);
    const row = await this.knex(LEASES)
      .where({ cluster_ref: clusterRef })
      .first('holder');
    return row?.holder === holder;
  }

  /** Extends a lease still held; false when it was lost (expired and taken over). */
  async renew(
    clusterRef: string,
    holder: string,
    ttlMs: number,
  ): Promise<boolean> {
    const updated = await this.knex(LEASES)
      .where({ cluster_ref: clusterRef, holder })
      .update({ expires_at: this.now() + ttlMs });
    return updated > 0;
  }

  async release(clusterRef: string, holder: string): Promise<void> {
    await this.knex(LEASES).where({ cluster_ref: clusterRef, holder }).delete();
  }
}
