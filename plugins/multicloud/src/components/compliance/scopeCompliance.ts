import {
  complianceRate,
  type ComplianceResponse,
} from '@internal/plugin-multicloud-common';
import { ownedBy } from '../cost/ownedBy';

/**
 * The compliance response for some owners only ("My team"): their reports, and the rates
 * recomputed from them with the backend's `complianceRate`. Undefined owners: unchanged.
 */
export function scopeCompliance(
  compliance: ComplianceResponse,
  owners: readonly string[] | undefined,
): ComplianceResponse {
  if (!owners?.length) return compliance;
  const reports = compliance.reports.filter(r => ownedBy(r.owner, owners));
  return {
    ...compliance,
    rates: {
      cloud: complianceRate(reports, 'cloud'),
      owner: complianceRate(reports, 'owner'),
      environment: complianceRate(reports, 'environment'),
    },
    reports,
  };
}
