import type { Cloud } from '../../model/cloud';
import type { KubeObject } from '../../model/kube';
import {
  makeCluster,
  type ClusterFixtureOptions,
  type FixtureHealth,
} from './makeCluster';

const CLOUDS: Cloud[] = ['aws', 'azure', 'gcp'];
const REGIONS: Record<Cloud, string[]> = {
  aws: ['us-east-1', 'us-west-2', 'eu-west-1'],
  azure: ['eastus', 'westeurope', 'westus2'],
  gcp: ['us-central1', 'europe-west1', 'us-west1'],
  other: [],
};
const HEALTH: FixtureHealth[] = [
  'healthy',
  'healthy',
  'healthy',
  'healthy',
  'degraded',
  'unhealthy',
  'provisioning',
];
const TEAMS = ['payments', 'search', 'platform', 'data'];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];

/**
 * A deterministic mixed fleet of `count` clusters across AWS/Azure/GCP, both API versions,
 * kubeadm and managed control planes, several health states, owners and environments.
 * `overrides(i)` adjusts cluster i (e.g. `{ workers: 17 }` for a large fleet).
 */
export function makeFleet(
  count: number,
  overrides: (i: number) => ClusterFixtureOptions = () => ({}),
): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const cloud = CLOUDS[i % CLOUDS.length];
    objects.push(
      ...makeCluster({
        name: `${cloud}-${String(i).padStart(4, '0')}`,
        namespace: `team-${TEAMS[i % TEAMS.length]}`,
        cloud,
        region: REGIONS[cloud][Math.floor(i / 3) % 3],
        version: i % 4 === 3 ? 'v1beta1' : 'v1beta2',
        controlPlane: i % 5 === 4 ? 'managed' : 'kubeadm',
        health: HEALTH[i % HEALTH.length],
        owner: TEAMS[i % TEAMS.length],
        environment: ENVIRONMENTS[i % ENVIRONMENTS.length],
        ...overrides(i),
      }),
    );
  }
  return objects;
}
