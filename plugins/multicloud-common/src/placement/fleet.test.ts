import { complianceRate } from '../compliance/complianceRate';
import { evaluateCompliance } from '../compliance/evaluateCompliance';
import { isRegionAllowed } from '../compliance/residency';
import { DEFAULT_COMPLIANCE_RULES } from '../compliance/rules';
import type { ComplianceReport } from '../compliance/types';
import { makeFleet } from '../fleet/__fixtures__';
import { indexObjects } from '../fleet/FleetIndex';
import { testPricing } from './__fixtures__/pricing';
import { DEFAULT_PLACEMENT_CONFIG } from './config';
import { evaluatePlacement } from './evaluatePlacement';
import { buildPlacementIndex } from './placementIndex';
import { parsePlacementRequest, PlacementRequestInput } from './request';

/**
 * The whole path on real CAPI objects: fixture fleet (AWS/Azure/GCP, v1beta1 and v1beta2,
 * kubeadm and managed) → FleetIndex → summaries → compliance reports → placement.
 */
describe('placement and compliance on a fixture fleet', () => {
  const objects = makeFleet(60, i => ({
    min: 2,
    max: 6 + (i % 4),
    machineHealthCheck: i % 2 === 0,
    // Every tenth cluster is a GDPR cluster in Azure West Europe.
    ...(i % 10 === 0
      ? { cloud: 'azure' as const, region: 'westeurope', dataClass: 'gdpr' }
      : {}),
  }));
  const index = indexObjects(objects);
  const fleet = index.buildFleet();
  const reports: Record<string, ComplianceReport> = Object.fromEntries(
    fleet.clusters.map(s => [
      s.ref,
      evaluateCompliance(s, index.objectsOf(s.ref)),
    ]),
  );
  const ix = buildPlacementIndex(fleet.clusters, testPricing, {
    compliance: reports,
  });
  const place = (
    input: PlacementRequestInput,
    config = DEFAULT_PLACEMENT_CONFIG,
  ) => {
    const parsed = parsePlacementRequest(input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    return evaluatePlacement(ix, parsed.request, config);
  };

  it('reports compliance for every cluster and rolls it up per cloud', () => {
    expect(fleet.clusters).toHaveLength(60);
    const rates = complianceRate(Object.values(reports), 'cloud');
    expect(rates.groups.map(g => g.key)).toEqual(['aws', 'azure', 'gcp']);
    expect(rates.groups.reduce((n, g) => n + g.clusters, 0)).toBe(60);
    // The fixtures never encrypt node disks: every judged node template fails.
    expect(rates.failuresByCheck['disk-encryption']).toBeGreaterThan(30);
    // Clusters without a MachineHealthCheck fail that check unless they have no MachineDeployment.
    expect(rates.failuresByCheck['machine-health-check']).toBeGreaterThan(0);
    const gdpr = reports['team-payments/aws-0000'];
    expect(gdpr.checks[0]).toMatchObject({
      id: 'data-residency',
      status: 'pass',
    });
  });

  it('ranks only healthy production clusters in allowed regions, explaining every rejection', () => {
    const result = place({
      cpu: 1,
      memory: 2,
      replicas: 3,
      environment: 'prod',
      preferredRegions: ['us-west-2'],
    });
    expect(result.candidates.length).toBeGreaterThan(0);
    expect(result.candidates.length + result.rejected.length).toBe(60);
    const byRef = new Map(fleet.clusters.map(c => [c.ref, c]));
    for (const candidate of result.candidates) {
      const c = byRef.get(candidate.ref)!;
      expect(c.health.verdict).toBe('healthy');
      expect(c.labels.environment).toBe('prod');
      expect(
        isRegionAllowed(c.cloud, c.region, undefined, DEFAULT_COMPLIANCE_RULES),
      ).toBe(true);
      expect(candidate.hosting.pools.length).toBeGreaterThan(0);
    }
    expect(result.rejected.every(r => r.reasons.length > 0)).toBe(true);
  });

  it('keeps GDPR workloads on the GDPR clusters', () => {
    const result = place({
      cpu: 1,
      memory: 2,
      replicas: 2,
      environment: 'prod',
      dataClass: 'gdpr',
    });
    const gdprRefs = fleet.clusters
      .filter(c => c.labels.dataClass === 'gdpr')
      .map(c => c.ref);
    expect(result.candidates.map(c => c.ref).sort()).toEqual([
      'team-payments/aws-0000',
      'team-platform/aws-0030',
    ]);
    expect(
      result.candidates.map(c => c.ref).every(ref => gdprRefs.includes(ref)),
    ).toBe(true);
    expect(
      result.newClusters.every(o =>
        ['eu-west-1', 'westeurope', 'europe-west1'].includes(o.region),
      ),
    ).toBe(true);
  });

  it('rejects clusters failing high-severity checks when configured to', () => {
    const strict = place(
      { cpu: 1, memory: 2, replicas: 3, environment: 'prod' },
      { ...DEFAULT_PLACEMENT_CONFIG, blockingSeverities: ['critical', 'high'] },
    );
    for (const candidate of strict.candidates) {
      const failing = reports[candidate.ref].checks.filter(
        c => c.status === 'fail' && c.severity === 'high',
      );
      expect(failing).toEqual([]);
    }
    expect(
      strict.rejected.some(r =>
        r.reasons.some(
          x =>
            x.filter === 'compliance' && x.message.includes('disk-encryption'),
        ),
      ),
    ).toBe(true);
  });
});
