/**
 * Pure rendering and editing of CAPI cluster manifests for the GitOps repository: the
 * scaffolder renders new clusters and patches existing ones with it; the frontend may preview.
 */
export {
  clusterSpecSchema,
  parseClusterSpec,
  InvalidClusterSpecError,
  ENVIRONMENTS as CLUSTER_ENVIRONMENTS,
  CLUSTER_FLAVORS,
  CLUSTER_MODES,
  NODE_SIZES,
} from './ClusterSpec';
export type {
  ClusterSpec,
  ClusterSpecInput,
  ClusterFlavor,
  ClusterMode,
  Environment as ClusterEnvironment,
  NodeSize,
} from './ClusterSpec';
export { renderCluster } from './renderCluster';
export type { RenderedCluster } from './renderCluster';
export {
  RENDER_COMBINATIONS,
  unsupportedCombinationReason,
} from './combinations';
export type { RenderCombination } from './combinations';
export { ENVIRONMENT_PROFILES, resolveProfile } from './profiles';
export type {
  EnvironmentProfile,
  ResolvedProfile,
  WorkerBounds,
} from './profiles';
export { NODE_SIZE_MINIMUMS, defaultInstanceType } from './nodeSizes';
export {
  clusterDirectory,
  parseClusterDirectory,
  LAYOUT_FILES,
  KUSTOMIZATION_FILE,
} from './layout';
export { objectNameProblems } from './names';
export type { NameProblem } from './names';
export {
  summarizeManifests,
  estimateManifestCost,
  manifestCompliance,
} from './manifestInsights';
export type { ManifestCost } from './manifestInsights';
export { assumedClusterClass, TOPOLOGY_WORKER_CLASS } from './topologyCluster';
export { VERSION_FIELDS, formatVersion } from './versions';
export type { VersionField, VersionFormat } from './versions';
export type { Manifest, RenderedFile } from './types';
export * from './edit';
