import type {
  PlacementResponse,
  PrioritizerScore,
} from '@internal/plugin-multicloud-common';

function score(
  prioritizer: PrioritizerScore['prioritizer'],
  value: number,
  weight: number,
  reason: string,
): PrioritizerScore {
  return {
    prioritizer,
    score: value,
    weight,
    contribution: Math.round((value * weight * 100) / 10) / 100,
    reason,
  };
}

/** Two ranked clusters, one rejected, and a new-cluster option per cloud but GCP. */
export function makePlacementResponse(
  overrides: Partial<PlacementResponse> = {},
): PlacementResponse {
  return {
    version: 7,
    stale: false,
    request: {
      cpu: 1,
      memory: 2,
      gpu: 0,
      replicas: 3,
      environment: 'production',
      dataClass: 'gdpr',
      owner: 'team-payments',
      preferredRegions: ['eu-west-1'],
      allowedClouds: ['aws', 'azure', 'gcp'],
    },
    weights: { cost: 3, headroom: 2, health: 2, latency: 2, spread: 1 },
    candidates: [
      {
        rank: 1,
        ref: 'default/eu-aws',
        cloud: 'aws',
        region: 'eu-west-1',
        score: 91.5,
        scores: [
          score('cost', 100, 3, '$0.1920/h for 1 new node(s)'),
          score(
            'headroom',
            62.5,
            2,
            '63% of the maximum worker capacity stays free',
          ),
          score('health', 100, 2, 'verdict healthy'),
          score('latency', 100, 2, 'eu-west-1: preferred region'),
          score('spread', 50, 1, 'aws hosts 2 of 4 of team-payments clusters'),
        ],
        hosting: {
          costPerHour: 0.192,
          provenance: 'exact',
          pools: [
            {
              pool: 'eu-aws-md-0',
              instanceType: 'm6i.xlarge',
              replicasOnExistingNodes: 0,
              replicasOnNewNodes: 3,
              newNodes: 1,
            },
          ],
        },
      },
      {
        rank: 2,
        ref: 'default/eu-azure',
        cloud: 'azure',
        region: 'westeurope',
        score: 70.25,
        scores: [
          score(
            'cost',
            40,
            3,
            '$0.4000/h for 2 new node(s) (estimated: fallback price)',
          ),
          score(
            'headroom',
            80,
            2,
            '80% of the maximum worker capacity stays free',
          ),
          score('health', 100, 2, 'verdict healthy'),
          score('latency', 70, 2, 'westeurope: same area as eu-west-1'),
          score(
            'spread',
            75,
            1,
            'azure hosts 1 of 4 of team-payments clusters',
          ),
        ],
        hosting: {
          costPerHour: 0.4,
          provenance: 'estimated',
          pools: [
            {
              pool: 'eu-azure-md-0',
              instanceType: 'Standard_D4s_v3',
              replicasOnExistingNodes: 1,
              replicasOnNewNodes: 2,
              newNodes: 2,
            },
          ],
        },
      },
    ],
    rejected: [
      {
        ref: 'default/us-gcp',
        cloud: 'gcp',
        region: 'us-west1',
        reasons: [
          { filter: 'health', message: 'verdict unhealthy' },
          {
            filter: 'residency',
            message: 'us-west1 is not allowed for gdpr data',
          },
        ],
      },
    ],
    newClusters: [
      {
        cloud: 'aws',
        region: 'eu-west-1',
        residencyRule: 'gdpr: eu-west-1',
        workers: {
          instanceType: 'm6i.large',
          nodes: 2,
          price: {
            perHour: 0.096,
            listPerHour: 0.096,
            provenance: 'exact',
            source: 'test',
          },
        },
        controlPlane: {
          instanceType: 'm6i.large',
          nodes: 3,
          price: {
            perHour: 0.096,
            listPerHour: 0.096,
            provenance: 'exact',
            source: 'test',
          },
        },
        costPerHour: 0.48,
        provenance: 'exact',
        withinBudget: true,
        latency: 'preferred-region',
      },
    ],
    newClusterGaps: [
      { cloud: 'gcp', reason: 'no gdpr region of gcp has a known price' },
    ],
    recommendation: { kind: 'existing', ref: 'default/eu-aws' },
    ...overrides,
  };
}
