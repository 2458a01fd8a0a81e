import fc from 'fast-check';
import { summary } from '../compliance/__fixtures__/summary';
import {
  allowedRegionsFor,
  isRegionAllowed,
  restrictedDataClass,
} from '../compliance/residency';
import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import { VERDICTS } from '../model/ClusterSummary';
import { testPricing } from './__fixtures__/pricing';
import { regionGeography } from './geography';
import { DEFAULT_PLACEMENT_CONFIG, PRIORITIZERS } from './config';
import { evaluatePlacement } from './evaluatePlacement';
import { buildPlacementIndex, Utilisation } from './placementIndex';
import type { PlacementRequest } from './request';

const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'westus2',
  'eastus2',
  'westeurope',
  'eastus',
  'us-west1',
  'us-central1',
  'europe-west1',
  'asia-east1',
];
const TYPES = [
  'm5.large',
  'm5.xlarge',
  'g5.xlarge',
  'Standard_D4s_v5',
  'Standard_NC4as_T4_v3',
  'n2-standard-4',
  'g2-standard-4',
  'mystery.large',
];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const randomClusterArb = fc.record({
  cloud: fc.constantFrom('aws', 'azure', 'gcp', 'other' as const),
  region: maybe(fc.constantFrom(...REGIONS)),
  environment: maybe(fc.constantFrom('prod', 'production', 'staging', 'dev')),
  dataClass: maybe(fc.constantFrom('gdpr', 'GDPR', 'ccpa', 'public')),
  owner: maybe(fc.constantFrom('payments', 'search', 'data')),
  // Mostly healthy, so that enough clusters get through the filters to be ranked.
  verdict: fc.oneof(
    { weight: 3, arbitrary: fc.constant('healthy' as const) },
    fc.constantFrom(...VERDICTS),
  ),
  pools: fc.array(
    fc.record({
      instanceType: maybe(fc.constantFrom(...TYPES)),
      nodes: fc.integer({ min: 0, max: 6 }),
      min: fc.integer({ min: 0, max: 3 }),
      max: maybe(fc.integer({ min: 0, max: 12 })),
    }),
    { maxLength: 3 },
  ),
});

const TYPES_BY_CLOUD = {
  aws: ['m5.large', 'm5.xlarge', 'g5.xlarge'],
  azure: ['Standard_D4s_v5', 'Standard_NC4as_T4_v3'],
  gcp: ['n2-standard-4', 'g2-standard-4'],
};
/** Regions of a cloud allowed for a data class (none: the general list). */
const allowedFor = (cloud: 'aws' | 'azure' | 'gcp', dataClass?: string) =>
  allowedRegionsFor(cloud, dataClass, rules).regions.filter(
    r => regionGeography(r).cloud === cloud,
  );

/** A cluster that passes most filters, so that ranking is exercised, not only rejection. */
const eligibleClusterArb = fc
  .record({
    cloud: fc.constantFrom('aws', 'azure', 'gcp' as const),
    dataClass: fc.constantFrom(undefined, undefined, 'gdpr', 'ccpa'),
    pick: fc.nat(),
    environment: fc.constantFrom('prod', 'production'),
    owner: maybe(fc.constantFrom('payments', 'search', 'data')),
    nodes: fc.integer({ min: 0, max: 4 }),
    max: fc.integer({ min: 4, max: 20 }),
  })
  .map(({ cloud, dataClass, pick, environment, owner, nodes, max }) => {
    const regions = allowedFor(cloud, dataClass);
    const types = TYPES_BY_CLOUD[cloud];
    return {
      cloud,
      region: regions[pick % regions.length],
      dataClass,
      environment,
      owner,
      verdict: 'healthy' as const,
      pools: [{ instanceType: types[pick % types.length], nodes, min: 0, max }],
    };
  });

const clusterArb = fc.oneof(randomClusterArb, {
  weight: 2,
  arbitrary: eligibleClusterArb,
});

/** Clusters with unique names, and utilisation for some of them. */
const fleetArb = fc
  .array(
    fc.tuple(
      clusterArb,
      maybe(
        fc.record({
          cpu: fc.double({ min: 0, max: 1, noNaN: true }),
          memory: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
      ),
    ),
    { maxLength: 25 },
  )
  .map(entries => {
    const utilisation: Record<string, Utilisation> = {};
    const clusters = entries.map(([c, util], i) => {
      const s = summary({
        name: `c${i}`,
        ...c,
        pools: c.pools.map(p =>
          p.max === undefined ? { ...p, min: undefined } : p,
        ),
      });
      if (util) utilisation[s.ref] = util;
      return s;
    });
    return { clusters, utilisation };
  });

const weightArb = fc.double({ min: 0, max: 10, noNaN: true });
const requestArb: fc.Arbitrary<PlacementRequest> = fc.record(
  {
    // Tenths and hundredths: fc.double favours extremes, these spread evenly.
    cpu: fc.integer({ min: 1, max: 30 }).map(x => x / 10),
    memory: fc.integer({ min: 1, max: 120 }).map(x => x / 10),
    gpu: fc.constantFrom(0, 0, 0, 1),
    replicas: fc.integer({ min: 1, max: 12 }),
    dataClass: fc.constantFrom(undefined, undefined, 'gdpr', 'ccpa', 'public'),
    environment: fc.constantFrom('prod', 'production', 'prod', 'staging'),
    owner: fc.constantFrom('payments', 'search', 'nobody'),
    preferredRegions: fc.subarray(REGIONS, { maxLength: 2 }),
    allowedClouds: fc
      .subarray(['aws', 'azure', 'gcp'] as const, { minLength: 1 })
      .map(c => [...c]),
    maxHourlyCost: fc.integer({ min: 1, max: 2000 }).map(x => x / 100),
    weights: fc.record(
      Object.fromEntries(PRIORITIZERS.map(p => [p, weightArb])),
      { requiredKeys: [] },
    ),
  },
  {
    requiredKeys: [
      'cpu',
      'memory',
      'gpu',
      'replicas',
      'environment',
      'preferredRegions',
      'allowedClouds',
    ],
  },
);

const configArb = fc.record({
  weights: fc.constant(DEFAULT_PLACEMENT_CONFIG.weights),
  allowDegraded: fc.boolean(),
  blockingSeverities: fc.constant(DEFAULT_PLACEMENT_CONFIG.blockingSeverities),
});

describe('evaluatePlacement properties', () => {
  it('never ranks a rejected cluster, and accounts for every cluster once', () => {
    let runsWithCandidates = 0;
    fc.assert(
      fc.property(
        fleetArb,
        requestArb,
        configArb,
        ({ clusters, utilisation }, request, config) => {
          const result = evaluatePlacement(
            buildPlacementIndex(clusters, testPricing, { utilisation }),
            request,
            config,
          );
          const ranked = result.candidates.map(c => c.ref);
          const rejected = result.rejected.map(r => r.ref);
          expect(ranked.filter(ref => rejected.includes(ref))).toEqual([]);
          expect([...ranked, ...rejected].sort()).toEqual(
            clusters.map(c => c.ref).sort(),
          );
          for (const r of result.rejected)
            expect(r.reasons.length).toBeGreaterThan(0);
          if (ranked.length > 0) runsWithCandidates += 1;
        },
      ),
      { numRuns: 300 },
    );
    // The generators must exercise ranking, not only rejection.
    expect(runsWithCandidates).toBeGreaterThan(50);
  });

  it('never violates residency: every ranked cluster is in a region allowed for the data class', () => {
    fc.assert(
      fc.property(fleetArb, requestArb, ({ clusters }, request) => {
        const result = evaluatePlacement(
          buildPlacementIndex(clusters, testPricing),
          request,
        );
        const byRef = new Map(clusters.map(c => [c.ref, c]));
        for (const candidate of result.candidates) {
          const c = byRef.get(candidate.ref)!;
          expect(
            isRegionAllowed(c.cloud, c.region, request.dataClass, rules),
          ).toBe(true);
          expect(restrictedDataClass(c.labels.dataClass, rules)).toBe(
            restrictedDataClass(request.dataClass, rules),
          );
          expect(request.allowedClouds).toContain(c.cloud);
        }
        for (const option of result.newClusters) {
          expect(
            isRegionAllowed(
              option.cloud,
              option.region,
              request.dataClass,
              rules,
            ),
          ).toBe(true);
        }
      }),
    );
  });

  it('keeps every score within 0–100, ordered best first with ties by ref', () => {
    fc.assert(
      fc.property(
        fleetArb,
        requestArb,
        configArb,
        ({ clusters, utilisation }, request, config) => {
          const result = evaluatePlacement(
            buildPlacementIndex(clusters, testPricing, { utilisation }),
            request,
            config,
          );
          const scores = result.candidates.flatMap(c => [
            c.score,
            ...c.scores.map(s => s.score),
          ]);
          expect(scores.filter(s => !(s >= 0 && s <= 100))).toEqual([]);
          const misordered = result.candidates.filter((next, k) => {
            const prev = result.candidates[k - 1];
            return (
              prev &&
              !(
                prev.score > next.score ||
                (prev.score === next.score && prev.ref < next.ref)
              )
            );
          });
          expect(misordered).toEqual([]);
          const budget = request.maxHourlyCost ?? Infinity;
          expect(
            result.candidates.filter(
              c => !(c.hosting.costPerHour! <= budget + 1e-4),
            ),
          ).toEqual([]);
        },
      ),
    );
  });

  it('never loses a candidate when the budget is raised or removed', () => {
    fc.assert(
      fc.property(
        fleetArb,
        requestArb,
        fc.double({ min: 0, max: 10, noNaN: true }),
        ({ clusters }, request, raise) => {
          const ix = buildPlacementIndex(clusters, testPricing);
          const before = evaluatePlacement(ix, request).candidates.map(
            c => c.ref,
          );
          const raised =
            request.maxHourlyCost === undefined
              ? request
              : { ...request, maxHourlyCost: request.maxHourlyCost + raise };
          const { maxHourlyCost, ...unlimited } = request;
          for (const wider of [raised, unlimited]) {
            const after = new Set(
              evaluatePlacement(ix, wider).candidates.map(c => c.ref),
            );
            expect(before.filter(ref => !after.has(ref))).toEqual([]);
          }
        },
      ),
    );
  });

  it('gives the same answer for the same input, in any cluster order', () => {
    fc.assert(
      fc.property(
        fleetArb.chain(fleet =>
          fc.tuple(
            fc.constant(fleet),
            fc.shuffledSubarray(fleet.clusters, {
              minLength: fleet.clusters.length,
            }),
          ),
        ),
        requestArb,
        ([{ clusters, utilisation }, shuffled], request) => {
          const first = evaluatePlacement(
            buildPlacementIndex(clusters, testPricing, { utilisation }),
            request,
          );
          const again = evaluatePlacement(
            buildPlacementIndex(clusters, testPricing, { utilisation }),
            request,
          );
          const reordered = evaluatePlacement(
            buildPlacementIndex(shuffled, testPricing, { utilisation }),
            request,
          );
          expect(again).toEqual(first);
          expect(reordered).toEqual(first);
        },
      ),
    );
  });
});
