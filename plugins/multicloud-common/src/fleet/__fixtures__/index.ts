/**
 * Test fixtures: realistic CAPI objects for AWS/Azure/GCP, v1beta1 and v1beta2, kubeadm
 * and managed control planes, topology clusters. For tests in this package only.
 */
export { makeCluster } from './makeCluster';
export type { ClusterFixtureOptions, FixtureHealth } from './makeCluster';
export { makeFleet } from './makeFleet';
export { FIXTURE_PROVIDERS } from './providers';
export type { FixtureProvider } from './providers';
export {
  condition,
  legacyCondition,
  meta,
  owner,
  ref,
  FIXTURE_TIME,
} from './objects';
