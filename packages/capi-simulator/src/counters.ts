export const VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
] as const;
export type Verb = (typeof VERBS)[number];

export interface CounterSnapshot {
  total: number;
  writes: number;
  byVerb: Record<Verb, number>;
  /** `clusters.cluster.x-k8s.io` → verb → count; workload endpoints as `workload:pods` etc. */
  byResource: Record<string, Partial<Record<Verb, number>>>;
  /** Requests answered with an injected 5xx. */
  injectedErrors: number;
  /** Writes refused with 409 Conflict (a stale resourceVersion precondition): they wrote nothing. */
  conflicts: number;
}

const WRITE_VERBS = new Set<Verb>(['create', 'update', 'patch', 'delete']);

/** Request counters, so tests and benchmarks can assert on the load a client puts on the API. */
export class Counters {
  private state = Counters.empty();

  private static empty(): CounterSnapshot {
    return {
      total: 0,
      writes: 0,
      byVerb: Object.fromEntries(VERBS.map(v => [v, 0])) as Record<
        Verb,
        number
      >,
      byResource: {},
      injectedErrors: 0,
      conflicts: 0,
    };
  }

  record(verb: Verb, resource: string): void {
    const s = this.state;
    s.total++;
    s.byVerb[verb]++;
    if (WRITE_VERBS.has(verb)) s.writes++;
    const perResource = (s.byResource[resource] ??= {});
    perResource[verb] = (perResource[verb] ?? 0) + 1;
  }

  recordInjectedError(): void {
    this.state.injectedErrors++;
  }

  recordConflict(): void {
    this.state.conflicts++;
  }

  snapshot(): CounterSnapshot {
    return structuredClone(this.state);
  }

  reset(): void {
    this.state = Counters.empty();
  }
}
