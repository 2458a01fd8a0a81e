/**
 * What the reflectors of one management cluster learn about its reachability, shared.
 *
 * Each kind backs off on its own (0.8 s doubling up to 30 s, plus jitter), so after an
 * outage the kinds would come back one at a time over up to 45 s. The first kind that hears
 * from the server again after a quiet spell in which several kinds failed wakes the others,
 * so the whole fleet is fresh within seconds of the server's return. While the server stays
 * unreachable nothing succeeds and nobody is woken early: the backoff still bounds the
 * requests. A server that answers part of the time has no quiet spell, and one kind failing
 * alone (a broken conversion webhook) is not an outage, so those kinds keep their backoff.
 */
export class RecoveryGroup {
  private readonly sleepers = new Set<() => void>();
  private readonly failedSinceSuccess = new Set<string>();
  private lastSuccessAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: {
      /** How long without any success counts as an outage. */
      quietMs: number;
      now?: () => number;
    } = { quietMs: 3_000 },
  ) {}

  /** A request of `kind` failed for a reason that is not the kind's own. */
  failed(kind: string): void {
    this.failedSinceSuccess.add(kind);
  }

  /** The management cluster answered: a list succeeded, or a watch delivered data. */
  succeeded(): void {
    const now = (this.options.now ?? Date.now)();
    const recovered =
      this.failedSinceSuccess.size > 1 &&
      now - this.lastSuccessAt >= this.options.quietMs;
    this.failedSinceSuccess.clear();
    this.lastSuccessAt = now;
    if (recovered) {
      const wake = [...this.sleepers];
      this.sleepers.clear();
      wake.forEach(w => w());
    }
  }

  /** Calls `wake` once at the next recovery; the returned function cancels that. */
  onRecovery(wake: () => void): () => void {
    this.sleepers.add(wake);
    return () => {
      this.sleepers.delete(wake);
    };
  }
}
