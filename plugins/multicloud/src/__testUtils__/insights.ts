import {
  COST_DIMENSIONS,
  HOURS_PER_MONTH,
  DEFAULT_COMPLIANCE_RULES,
  complianceRate,
  rollupByService,
  rollupCosts,
  totalCost,
  type Cloud,
  type ClusterCost,
  type ClusterCostSummary,
  type ComplianceCheck,
  type ComplianceCheckId,
  type ComplianceReport,
  type ComplianceResponse,
  type CostResponse,
  type HistoryResponse,
} from '@internal/plugin-multicloud-common';

/** A cluster's cost without lines, as `GET /cost` lists it. */
export function makeClusterCost(
  ref: string,
  perHour: number,
  overrides: Partial<ClusterCostSummary> = {},
): ClusterCostSummary {
  return {
    ref,
    cloud: 'aws',
    region: 'eu-west-1',
    owner: 'team-payments',
    environment: 'prod',
    currency: 'USD',
    perHour,
    perMonth: perHour * HOURS_PER_MONTH,
    provenance: 'exact',
    unknownLines: 0,
    priceDate: '2026-01-15',
    ...overrides,
  };
}

/** `GET /cost` over these clusters, rolled up with the backend's own functions. */
export function makeCostResponse(
  clusters: ClusterCostSummary[],
  serviceDependencies: Record<string, string[]> = {},
  overrides: Partial<CostResponse> = {},
): CostResponse {
  return {
    version: 7,
    stale: false,
    priceDate: '2026-01-15',
    total: totalCost(clusters),
    by: Object.fromEntries(
      COST_DIMENSIONS.map(d => [d, rollupCosts(clusters, d)]),
    ) as CostResponse['by'],
    services: rollupByService(clusters, serviceDependencies),
    clusters,
    ...overrides,
  };
}

/** The seed-like fleet: two AWS clusters of team-payments, one GCP cluster of team-search. */
export const FLEET_COSTS = [
  makeClusterCost('default/payments-eu', 1.5),
  makeClusterCost('default/payments-us', 0.5, {
    region: 'us-west-2',
    provenance: 'estimated',
  }),
  makeClusterCost('default/search-gcp', 12, {
    cloud: 'gcp',
    region: 'europe-west1',
    owner: 'team-search',
    environment: 'staging',
  }),
];

export function makeCheck(
  id: ComplianceCheckId,
  status: ComplianceCheck['status'],
  overrides: Partial<ComplianceCheck> = {},
): ComplianceCheck {
  return {
    id,
    title: id,
    severity: 'high',
    status,
    message: `${id} ${status}`,
    evidence: [],
    rule: `${id} rule`,
    ...(status === 'fail' ? { remediation: `fix ${id}` } : {}),
    ...overrides,
  };
}

/** A report with the given failing checks, the other checks passing. */
export function makeReport(
  ref: string,
  failing: ComplianceCheck[] = [],
  labels: { cloud?: Cloud; owner?: string; environment?: string } = {},
): ComplianceReport {
  return {
    ref,
    cloud: labels.cloud ?? 'aws',
    owner: labels.owner ?? 'team-payments',
    environment: labels.environment ?? 'prod',
    compliant: failing.length === 0,
    checks: [
      ...failing,
      makeCheck('control-plane-ha', 'pass', {
        title: 'Highly available control plane in production',
      }),
    ],
  };
}

export const DISK_ENCRYPTION_FAILURE = makeCheck('disk-encryption', 'fail', {
  title: 'Node disk encryption',
  message: 'No node configuration encrypts its disks.',
  evidence: [
    {
      kind: 'GCPMachineTemplate',
      name: 'search-gcp-md-0',
      fieldPath: 'spec.template.spec.rootDiskEncryptionKey',
      value: null,
    },
  ],
  rule: 'GCP: a customer-managed root-disk key or Confidential VM',
  remediation: 'Set rootDiskEncryptionKey on the machine template.',
});

export const FLEET_REPORTS = [
  makeReport('default/payments-eu'),
  makeReport('default/payments-us', [
    makeCheck('workload-identity', 'fail', {
      title: 'Workload identity instead of static credentials',
      severity: 'critical',
      message: 'identityRef AWSClusterStaticIdentity: static keys.',
    }),
  ]),
  makeReport('default/search-gcp', [DISK_ENCRYPTION_FAILURE], {
    cloud: 'gcp',
    owner: 'team-search',
    environment: 'staging',
  }),
];

/** `GET /compliance` over these reports, rated with the backend's own function. */
export function makeComplianceResponse(
  reports: ComplianceReport[],
  overrides: Partial<ComplianceResponse> = {},
): ComplianceResponse {
  return {
    version: 7,
    stale: false,
    rules: DEFAULT_COMPLIANCE_RULES,
    rates: {
      cloud: complianceRate(reports, 'cloud'),
      owner: complianceRate(reports, 'owner'),
      environment: complianceRate(reports, 'environment'),
    },
    reports,
    ...overrides,
  };
}

export function makeHistory(
  overrides: Partial<HistoryResponse> = {},
): HistoryResponse {
  return {
    metric: 'cost_per_hour',
    step: 'raw',
    from: Date.parse('2026-01-15T00:00:00Z'),
    to: Date.parse('2026-01-16T00:00:00Z'),
    series: [],
    ...overrides,
  };
}

/** A full cluster cost with lines, as the detail response carries it. */
export function makeDetailCost(
  overrides: Partial<ClusterCost> = {},
): ClusterCost {
  return {
    ...makeClusterCost('default/trustram-aws-cluster', 1.152 + 0.1, {
      region: 'us-west-2',
      provenance: 'estimated',
    }),
    lines: [
      {
        kind: 'instances',
        label: '6 × m5.xlarge',
        instanceType: 'm5.xlarge',
        count: 6,
        unitPerHour: 0.192,
        perHour: 1.152,
        perMonth: 1.152 * HOURS_PER_MONTH,
        provenance: 'fallback',
        source: 'karpenter-aws-pricing',
        sourceUrl: 'https://example.com/pricing.go',
        note: 'estimated: us-east-1 price used for us-west-2',
      },
      {
        kind: 'control-plane',
        label: 'EKS control plane',
        count: 1,
        unitPerHour: 0.1,
        perHour: 0.1,
        perMonth: 0.1 * HOURS_PER_MONTH,
        provenance: 'exact',
        source: 'aws-eks-pricing',
      },
    ],
    ...overrides,
  };
}
