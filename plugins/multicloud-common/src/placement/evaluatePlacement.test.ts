import { summary, SummaryInput } from '../compliance/__fixtures__/summary';
import type { ComplianceReport } from '../compliance/types';
import { testPricing, withoutPrices } from './__fixtures__/pricing';
import type { InstancePricing } from './pricing';
import { DEFAULT_PLACEMENT_CONFIG } from './config';
import { evaluatePlacement } from './evaluatePlacement';
import { buildPlacementIndex, PlacementIndexOptions } from './placementIndex';
import { PlacementRequest } from './request';

const request = (
  overrides: Partial<PlacementRequest> = {},
): PlacementRequest => ({
  cpu: 1,
  memory: 2,
  gpu: 0,
  replicas: 4,
  environment: 'prod',
  preferredRegions: [],
  allowedClouds: ['aws', 'azure', 'gcp'],
  ...overrides,
});

const prod = (input: SummaryInput) =>
  summary({
    environment: 'production',
    pools: [
      { instanceType: defaultType(input.cloud), nodes: 3, min: 3, max: 10 },
    ],
    ...input,
  });

function defaultType(cloud: SummaryInput['cloud'] = 'aws') {
  return {
    aws: 'm5.xlarge',
    azure: 'Standard_D4s_v5',
    gcp: 'n2-standard-4',
    other: 'x',
  }[cloud];
}

const evaluate = (
  clusters: ReturnType<typeof summary>[],
  req = request(),
  options: PlacementIndexOptions = {},
  config = DEFAULT_PLACEMENT_CONFIG,
  pricing: InstancePricing = testPricing,
) =>
  evaluatePlacement(
    buildPlacementIndex(clusters, pricing, options),
    req,
    config,
  );

describe('evaluatePlacement', () => {
  it('ranks candidates with every prioritizer explained; contributions add up to the score', () => {
    const result = evaluate(
      [
        prod({ name: 'aws-east', cloud: 'aws', region: 'us-east-1' }),
        prod({ name: 'azure-west', cloud: 'azure', region: 'westus2' }),
        prod({ name: 'gcp-central', cloud: 'gcp', region: 'us-central1' }),
      ],
      request({ preferredRegions: ['us-west-2'] }),
    );
    expect(result.rejected).toEqual([]);
    expect(result.candidates.map(c => [c.rank, c.ref])).toEqual([
      [1, 'default/azure-west'],
      [2, 'default/aws-east'],
      [3, 'default/gcp-central'],
    ]);
    const best = result.candidates[0];
    expect(best.scores.map(s => [s.prioritizer, s.score, s.weight])).toEqual([
      ['cost', 100, 3],
      ['headroom', 60, 2],
      ['health', 100, 2],
      ['latency', 70, 2],
      ['spread', 66.67, 1],
    ]);
    expect(best.scores[3].reason).toBe(
      'westus2: same area as a preferred region',
    );
    expect(best.hosting).toEqual({
      costPerHour: 0.192,
      provenance: 'exact',
      pools: [
        {
          pool: 'azure-west-md-0',
          instanceType: 'Standard_D4s_v5',
          replicasOnExistingNodes: 0,
          replicasOnNewNodes: 4,
          newNodes: 1,
          price: expect.objectContaining({
            perHour: 0.192,
            provenance: 'exact',
            source: 'karpenter-azure-pricing',
          }),
        },
      ],
    });
    for (const c of result.candidates) {
      const sum = c.scores.reduce((s, p) => s + p.contribution, 0);
      expect(Math.abs(sum - c.score)).toBeLessThan(0.05);
    }
    expect(result.recommendation).toEqual({
      kind: 'existing',
      ref: 'default/azure-west',
    });
  });

  it('breaks ties by ref', () => {
    const twins = ['c', 'a', 'b'].map(name =>
      prod({ name, region: 'us-east-1' }),
    );
    expect(evaluate(twins).candidates.map(c => c.ref)).toEqual([
      'default/a',
      'default/b',
      'default/c',
    ]);
  });

  it('lists every failing filter of a rejected cluster', () => {
    const result = evaluate(
      [
        summary({
          name: 'bad',
          cloud: 'gcp',
          region: 'europe-west1',
          environment: 'staging',
          dataClass: 'gdpr',
          verdict: 'unhealthy',
          pools: [{ instanceType: 'n2-standard-4', nodes: 2 }],
        }),
      ],
      request({ allowedClouds: ['aws'], maxHourlyCost: 5 }),
    );
    expect(result.candidates).toEqual([]);
    expect(result.rejected).toEqual([
      {
        ref: 'default/bad',
        cloud: 'gcp',
        region: 'europe-west1',
        reasons: [
          { filter: 'health', message: 'verdict unhealthy' },
          { filter: 'environment', message: 'environment staging is not prod' },
          {
            filter: 'residency',
            message:
              'region europe-west1 is not in allowedRegions.gcp [us-west1, us-central1]',
          },
          {
            filter: 'residency',
            message:
              "cluster data class gdpr differs from the request's (unrestricted); restricted-class clusters only host their class",
          },
          { filter: 'cloud', message: 'gcp is not in allowedClouds [aws]' },
          {
            filter: 'capacity',
            message:
              'room for 0 of 4 replicas (1 cores, 2 GiB each); bad-md-0: no autoscaler headroom',
          },
        ],
      },
    ]);
  });

  it('lets degraded clusters through only when configured, scoring them lower', () => {
    const clusters = [
      prod({ name: 'ok', region: 'us-east-1' }),
      prod({ name: 'meh', region: 'us-east-1', verdict: 'degraded' }),
    ];
    expect(evaluate(clusters).rejected.map(r => r.reasons[0].filter)).toEqual([
      'health',
    ]);
    const allowed = evaluate(
      clusters,
      request(),
      {},
      { ...DEFAULT_PLACEMENT_CONFIG, allowDegraded: true },
    );
    expect(allowed.candidates.map(c => [c.ref, c.scores[2].score])).toEqual([
      ['default/ok', 100],
      ['default/meh', 50],
    ]);
  });

  it('rejects clusters failing a blocking compliance check, never on residency checks', () => {
    const report = (
      ref: string,
      id: 'disk-encryption' | 'data-residency',
      severity: 'high' | 'critical',
    ): ComplianceReport => ({
      ref,
      cloud: 'aws',
      compliant: false,
      checks: [
        {
          id,
          title: id,
          severity,
          status: 'fail',
          message: '',
          evidence: [],
          rule: '',
        },
      ],
    });
    const clusters = [
      prod({ name: 'a', region: 'us-east-1' }),
      prod({ name: 'b', region: 'us-east-1' }),
    ];
    const compliance = {
      'default/a': report('default/a', 'disk-encryption', 'high'),
      'default/b': report('default/b', 'data-residency', 'critical'),
    };
    expect(evaluate(clusters, request(), { compliance }).rejected).toEqual([]);
    const strict = evaluate(
      clusters,
      request(),
      { compliance },
      { ...DEFAULT_PLACEMENT_CONFIG, blockingSeverities: ['critical', 'high'] },
    );
    expect(strict.rejected).toEqual([
      {
        ref: 'default/a',
        cloud: 'aws',
        region: 'us-east-1',
        reasons: [
          { filter: 'compliance', message: 'fails disk-encryption (high)' },
        ],
      },
    ]);
  });

  it('keeps restricted data classes on their own clusters in their regions', () => {
    const clusters = [
      prod({
        name: 'eu',
        cloud: 'azure',
        region: 'westeurope',
        dataClass: 'gdpr',
      }),
      prod({ name: 'eu-unlabelled', cloud: 'azure', region: 'westeurope' }),
      prod({
        name: 'us-gdpr',
        cloud: 'aws',
        region: 'us-east-1',
        dataClass: 'GDPR',
      }),
      prod({ name: 'us', cloud: 'aws', region: 'us-east-1' }),
    ];
    const gdpr = evaluate(clusters, request({ dataClass: 'gdpr' }));
    expect(gdpr.candidates.map(c => c.ref)).toEqual(['default/eu']);
    expect(
      Object.fromEntries(
        gdpr.rejected.map(r => [r.ref, r.reasons.map(x => x.message)]),
      ),
    ).toEqual({
      'default/eu-unlabelled': [
        "cluster data class (unrestricted) differs from the request's gdpr; restricted-class clusters only host their class",
      ],
      'default/us-gdpr': [
        'region us-east-1 is not in dataClasses.gdpr.allowedRegions [eu-west-1, westeurope, europe-west1]',
      ],
      'default/us': [
        'region us-east-1 is not in dataClasses.gdpr.allowedRegions [eu-west-1, westeurope, europe-west1]',
        "cluster data class (unrestricted) differs from the request's gdpr; restricted-class clusters only host their class",
      ],
    });
    expect(evaluate(clusters).candidates.map(c => c.ref)).toEqual([
      'default/us',
    ]);
  });

  it('rejects over budget or unpriced hosting when a budget is set; raising it admits the cluster', () => {
    const clusters = [
      prod({ name: 'priced', region: 'us-east-1' }),
      prod({ name: 'unpriced', cloud: 'azure', region: 'westus2' }),
    ];
    const noAzurePrices = withoutPrices('azure');
    const tight = evaluate(
      clusters,
      request({ replicas: 8, maxHourlyCost: 0.3 }),
      {},
      DEFAULT_PLACEMENT_CONFIG,
      noAzurePrices,
    );
    expect(tight.rejected.map(r => [r.ref, r.reasons])).toEqual([
      [
        'default/priced',
        [
          {
            filter: 'budget',
            message: 'marginal cost $0.3840/h exceeds maxHourlyCost $0.3000/h',
          },
        ],
      ],
      [
        'default/unpriced',
        [
          {
            filter: 'budget',
            message:
              'no price for the new nodes in westus2; the budget cannot be checked',
          },
        ],
      ],
    ]);
    const raised = evaluate(
      clusters,
      request({ replicas: 8, maxHourlyCost: 0.4 }),
      {},
      DEFAULT_PLACEMENT_CONFIG,
      noAzurePrices,
    );
    expect(raised.candidates.map(c => c.ref)).toEqual(['default/priced']);
    // Without a budget, an unpriced cluster is ranked, with cost score 0.
    const unlimited = evaluate(
      clusters,
      request({ replicas: 8 }),
      {},
      DEFAULT_PLACEMENT_CONFIG,
      noAzurePrices,
    );
    const unpriced = unlimited.candidates.find(
      c => c.ref === 'default/unpriced',
    )!;
    expect(unpriced.hosting).toMatchObject({
      costPerHour: null,
      provenance: 'unknown',
    });
    expect(unpriced.scores[0]).toMatchObject({
      score: 0,
      reason: 'price unknown for 2 new node(s)',
    });
  });

  it('applies request weights over the config; all-zero weights score 0 and rank by ref', () => {
    const clusters = [
      prod({ name: 'b', cloud: 'azure', region: 'westus2' }),
      prod({ name: 'a', region: 'us-east-1' }),
    ];
    const latencyOnly = evaluate(
      clusters,
      request({
        preferredRegions: ['us-east-1'],
        weights: { cost: 0, headroom: 0, health: 0, spread: 0 },
      }),
    );
    expect(latencyOnly.weights).toEqual({
      cost: 0,
      headroom: 0,
      health: 0,
      latency: 2,
      spread: 0,
    });
    expect(latencyOnly.candidates.map(c => [c.ref, c.score])).toEqual([
      ['default/a', 100],
      ['default/b', 40],
    ]);
    const zero = evaluate(
      clusters,
      request({
        weights: { cost: 0, headroom: 0, health: 0, latency: 0, spread: 0 },
      }),
    );
    expect(zero.candidates.map(c => [c.ref, c.score])).toEqual([
      ['default/a', 0],
      ['default/b', 0],
    ]);
  });

  it('recommends the cheapest new cluster within budget when nothing existing fits', () => {
    const result = evaluate(
      [prod({ name: 'small', region: 'us-east-1' })],
      request({ cpu: 3, replicas: 40, maxHourlyCost: 20 }),
    );
    expect(result.candidates).toEqual([]);
    expect(result.newClusters[0]).toMatchObject({
      cloud: 'gcp',
      region: 'us-central1',
      withinBudget: true,
    });
    expect(result.recommendation).toEqual({
      kind: 'new-cluster',
      cloud: 'gcp',
      region: 'us-central1',
    });
    const broke = evaluate(
      [],
      request({ cpu: 3, replicas: 40, maxHourlyCost: 0.5 }),
    );
    expect(broke.recommendation).toEqual({
      kind: 'none',
      reason:
        'no existing cluster fits and no new-cluster option is within budget',
    });
  });

  it('counts idle capacity from utilisation as free', () => {
    const clusters = [
      prod({ name: 'busy', region: 'us-east-1' }),
      prod({ name: 'idle', region: 'us-east-1' }),
    ];
    const result = evaluate(clusters, request(), {
      utilisation: {
        'default/busy': { cpu: 0.95, memory: 0.9 },
        'default/idle': { cpu: 0.2, memory: 0.3 },
      },
    });
    expect(result.candidates[0].ref).toBe('default/idle');
    expect(result.candidates[0].hosting.costPerHour).toBe(0);
    expect(result.candidates[0].scores[0].reason).toBe(
      'fits on idle capacity of existing nodes: $0/h',
    );
  });
});
