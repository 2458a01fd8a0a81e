import { makeCluster } from '../fleet/__fixtures__';
import { summarizeCluster } from '../fleet/summarizeCluster';
import { testPricing } from './__fixtures__/pricing';
import { evaluatePlacement } from './evaluatePlacement';
import { buildPlacementIndex } from './placementIndex';
import { parsePlacementRequest } from './request';

const REGION = { aws: 'us-west-2', azure: 'westus2', gcp: 'us-west1' } as const;

/**
 * Every prioritizer on clusters summarised from real CAPI objects: AWS, Azure and GCP,
 * v1beta1 and v1beta2, kubeadm and managed (AKS/GKE MachinePools scale by spec.scaling).
 */
describe.each(['v1beta1', 'v1beta2'] as const)(
  'placement on %s CAPI objects',
  version => {
    const parsed = parsePlacementRequest({
      cpu: 1,
      memory: 2,
      replicas: 6,
      environment: 'production',
      preferredRegions: ['us-west-2'],
    });
    if (!parsed.success) throw new Error('invalid request');

    it.each([
      ['aws', 'kubeadm', 'm5.xlarge'],
      ['azure', 'kubeadm', 'Standard_D4s_v3'],
      ['gcp', 'kubeadm', 'n2-standard-4'],
      ['aws', 'managed', 'm5.xlarge'],
      ['azure', 'managed', 'Standard_D4s_v3'],
      ['gcp', 'managed', 'n2-standard-4'],
    ] as const)('%s %s', (cloud, controlPlane, instanceType) => {
      const objects = makeCluster({
        version,
        cloud,
        controlPlane,
        region: REGION[cloud],
        environment: 'prod',
        workers: 3,
        min: 3,
        max: 6,
      });
      const summary = summarizeCluster(objects);
      const result = evaluatePlacement(
        buildPlacementIndex([summary], testPricing),
        parsed.request,
      );
      expect(result.rejected).toEqual([]);
      const [candidate] = result.candidates;

      // 4 vCPU / 16 GiB nodes hold 4 replicas of 1 core / 2 GiB: 6 replicas need 2 new nodes.
      const price = testPricing.priceOf(cloud, REGION[cloud], instanceType);
      expect(candidate.hosting.pools).toEqual([
        expect.objectContaining({
          instanceType,
          replicasOnNewNodes: 6,
          newNodes: 2,
          price,
        }),
      ]);
      expect(candidate.hosting.costPerHour).toBeCloseTo(2 * price.perHour!, 4);
      expect(candidate.hosting.provenance).toBe(
        price.provenance === 'fallback' ? 'estimated' : 'exact',
      );

      const scores = Object.fromEntries(
        candidate.scores.map(s => [s.prioritizer, s.score]),
      );
      expect(scores).toEqual({
        cost: 100, // the only candidate is the cheapest
        // 6 nodes × 4 vCPU at max, 3 free = 12 vCPU; 6 placed leaves 6 / 24 = 25%.
        headroom: 25,
        health: 100,
        latency: cloud === 'aws' ? 100 : 70, // us-west-2 itself, or the same area
        spread: 0, // the fleet is this one cluster, on this cloud
      });
    });
  },
);
