export { upgradeKubernetesVersion } from './upgradeKubernetesVersion';
export { scaleWorkerPool, type ScaleRequest } from './scaleWorkerPool';
export {
  ManifestEditError,
  type ManifestChange,
  type ManifestEditResult,
  type ManifestFileInput,
} from './ManifestSet';
export { YamlPatch } from './yamlPatch';
