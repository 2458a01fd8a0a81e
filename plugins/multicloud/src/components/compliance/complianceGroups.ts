import {
  complianceGroupRate,
  COMPLIANCE_NO_GROUP,
  type ClusterRef,
  type ComplianceGroupRate,
  type ComplianceResponse,
  type CostResponse,
} from '@internal/plugin-multicloud-common';
import type { Grouping } from '../cost/grouping';

export interface ComplianceGroupRow extends ComplianceGroupRate {
  refs: ClusterRef[];
}

export type ComplianceGroups =
  | { rows: ComplianceGroupRow[] }
  | { error: string };

/**
 * Pass rates of one grouping. Cloud, team and environment come from the backend's rates; a
 * service's clusters come from the cost response's service roll-up (the same catalog
 * dependencies), rated with the same `complianceGroupRate`.
 */
export function complianceGroups(
  compliance: ComplianceResponse,
  by: Grouping,
  cost: CostResponse | undefined,
): ComplianceGroups {
  if (by !== 'service') {
    return {
      rows: compliance.rates[by].groups.map(g => ({
        ...g,
        refs: compliance.reports
          .filter(r => (r[by] || COMPLIANCE_NO_GROUP) === g.key)
          .map(r => r.ref),
      })),
    };
  }
  if (!cost) return { rows: [] };
  if ('error' in cost.services) return { error: cost.services.error };
  const reports = new Map(compliance.reports.map(r => [r.ref, r]));
  return {
    rows: cost.services.services
      .map(s => {
        const mine = s.clusters.flatMap(c => reports.get(c.cluster) ?? []);
        return {
          ...complianceGroupRate(s.service, mine),
          refs: mine.map(r => r.ref),
        };
      })
      .filter(row => row.clusters > 0)
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
