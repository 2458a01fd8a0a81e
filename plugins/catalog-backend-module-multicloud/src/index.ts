/**
 * Catalog backend module: CAPI clusters as catalog Resources.
 *
 * @packageDocumentation
 */
export { catalogModuleMulticloud as default } from './module';
export { clusterToEntity } from './clusterToEntity';
export { ClusterEntityProvider } from './ClusterEntityProvider';
export { ClusterDependencyProcessor } from './ClusterDependencyProcessor';
