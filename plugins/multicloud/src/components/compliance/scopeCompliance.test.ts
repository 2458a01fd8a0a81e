import {
  FLEET_REPORTS,
  makeComplianceResponse,
} from '../../__testUtils__/insights';
import { scopeCompliance } from './scopeCompliance';

describe('scopeCompliance', () => {
  const fleet = makeComplianceResponse(FLEET_REPORTS);

  it('leaves the fleet as it is without owners', () => {
    expect(scopeCompliance(fleet, undefined)).toBe(fleet);
  });

  it("rates the owners' clusters only", () => {
    const mine = scopeCompliance(fleet, ['team-payments']);
    expect(mine.reports.map(r => r.ref)).toEqual([
      'default/payments-eu',
      'default/payments-us',
    ]);
    expect(mine.rates.cloud.groups).toEqual([
      {
        key: 'aws',
        clusters: 2,
        compliant: 1,
        rate: 0.5,
        failuresByCheck: { 'workload-identity': 1 },
      },
    ]);
    expect(mine.rates.owner.groups.map(g => g.key)).toEqual(['team-payments']);
    expect(mine.rates.environment.failuresByCheck).toEqual({
      'workload-identity': 1,
    });
  });
});
