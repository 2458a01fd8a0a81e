import type { Cloud } from '../model/cloud';
import {
  complianceGroupRate,
  complianceRate,
  COMPLIANCE_NO_GROUP,
} from './complianceRate';
import type { ComplianceCheckId, ComplianceReport } from './types';

function report(
  ref: string,
  cloud: Cloud,
  failing: ComplianceCheckId[],
  labels: { owner?: string; environment?: string } = {},
): ComplianceReport {
  return {
    ref,
    cloud,
    ...labels,
    compliant: failing.length === 0,
    checks: failing.map(id => ({
      id,
      title: id,
      severity: 'high',
      status: 'fail',
      message: '',
      evidence: [],
      rule: '',
    })),
  };
}

describe('complianceRate', () => {
  const reports = [
    report('a/1', 'aws', [], { owner: 'payments', environment: 'prod' }),
    report('a/2', 'aws', ['disk-encryption', 'machine-health-check'], {
      owner: 'payments',
      environment: 'prod',
    }),
    report('b/1', 'azure', ['disk-encryption'], { owner: 'search' }),
    report('c/1', 'gcp', []),
  ];

  it('gives the pass rate per cloud and the failures by check', () => {
    const rates = complianceRate(reports, 'cloud');
    expect(rates.groups).toEqual([
      {
        key: 'aws',
        clusters: 2,
        compliant: 1,
        rate: 0.5,
        failuresByCheck: { 'disk-encryption': 1, 'machine-health-check': 1 },
      },
      {
        key: 'azure',
        clusters: 1,
        compliant: 0,
        rate: 0,
        failuresByCheck: { 'disk-encryption': 1 },
      },
      { key: 'gcp', clusters: 1, compliant: 1, rate: 1, failuresByCheck: {} },
    ]);
    expect(rates.failuresByCheck).toEqual({
      'disk-encryption': 2,
      'machine-health-check': 1,
    });
  });

  it('rates any grouping the caller makes, such as the clusters of one service', () => {
    expect(complianceGroupRate('payments-api', reports.slice(0, 3))).toEqual({
      key: 'payments-api',
      clusters: 3,
      compliant: 1,
      rate: 1 / 3,
      failuresByCheck: { 'disk-encryption': 2, 'machine-health-check': 1 },
    });
    expect(complianceGroupRate('idle', []).rate).toBe(0);
  });

  it('groups clusters without the label under (none)', () => {
    expect(
      complianceRate(reports, 'owner').groups.map(g => [
        g.key,
        g.clusters,
        g.rate,
      ]),
    ).toEqual([
      [COMPLIANCE_NO_GROUP, 1, 1],
      ['payments', 2, 0.5],
      ['search', 1, 0],
    ]);
    expect(
      complianceRate(reports, 'environment').groups.map(g => g.key),
    ).toEqual([COMPLIANCE_NO_GROUP, 'prod']);
  });

  it('is empty for no reports', () => {
    expect(complianceRate([], 'cloud')).toEqual({
      groups: [],
      failuresByCheck: {},
    });
  });
});
