import type { ClusterSpecInput } from '../ClusterSpec';
import { RENDER_COMBINATIONS } from '../combinations';

/** Cloud account settings of the test clusters (not secrets: ids only). */
export const CLOUD_SETTINGS = {
  azure: {
    subscriptionId: '00000000-1111-2222-3333-444444444444',
    tenantId: '55555555-6666-7777-8888-999999999999',
    identityClientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  },
  gcp: { project: 'trustram-sim' },
};

const REGIONS = {
  aws: 'us-west-2',
  azure: 'westus2',
  gcp: 'us-west1',
} as const;

/** A valid spec for a combination and environment, overridable. */
export function specFor(
  combination: (typeof RENDER_COMBINATIONS)[number],
  environment: 'development' | 'staging' | 'production' = 'production',
  overrides: Partial<ClusterSpecInput> = {},
): ClusterSpecInput {
  const { cloud, flavor, mode } = combination;
  return {
    name: `${cloud}-${flavor}-${mode}`.slice(0, 40),
    namespace: 'team-platform',
    cloud,
    region: REGIONS[cloud],
    flavor,
    mode,
    environment,
    kubernetesVersion: 'v1.33.1',
    owner: 'platform-team',
    system: 'trustram',
    dataClass: 'ccpa',
    ...(cloud === 'azure' ? { azure: CLOUD_SETTINGS.azure } : {}),
    ...(cloud === 'gcp' ? { gcp: CLOUD_SETTINGS.gcp } : {}),
    ...overrides,
  };
}
