import {
  costProvenanceOf,
  type ClusterRef,
  type CostProvenance,
  type CostResponse,
} from '@internal/plugin-multicloud-common';
import type { Grouping } from './grouping';

export interface CostGroupRow {
  key: string;
  /** The clusters no service depends on (service grouping only). */
  unallocated?: boolean;
  clusters: ClusterRef[];
  perHour: number;
  perMonth: number;
  provenance: CostProvenance;
}

export type CostGroups =
  | { rows: CostGroupRow[]; splitRule?: string }
  | { error: string };

/**
 * The rows of one grouping, most expensive first: the backend's roll-ups per cloud, team or
 * environment, or its service roll-up with the unallocated clusters as a last row.
 */
export function costGroupRows(cost: CostResponse, by: Grouping): CostGroups {
  if (by !== 'service') {
    return {
      rows: cost.by[by].map(r => ({
        key: r.key,
        clusters: r.refs,
        perHour: r.perHour,
        perMonth: r.perMonth,
        provenance: r.provenance,
      })),
    };
  }
  if ('error' in cost.services) return { error: cost.services.error };
  const { services, unallocated, splitRule } = cost.services;
  const rows: CostGroupRow[] = services.map(s => ({
    key: s.service,
    clusters: s.clusters.map(c => c.cluster),
    perHour: s.perHour,
    perMonth: s.perMonth,
    provenance: s.provenance,
  }));
  if (unallocated.clusters.length > 0) {
    const refs = new Set(unallocated.clusters);
    const provenances = cost.clusters
      .filter(c => refs.has(c.ref))
      .map(c => c.provenance);
    rows.push({
      key: 'unallocated',
      unallocated: true,
      clusters: unallocated.clusters,
      perHour: unallocated.perHour,
      perMonth: unallocated.perMonth,
      provenance: costProvenanceOf(provenances),
    });
  }
  return { rows, splitRule };
}
