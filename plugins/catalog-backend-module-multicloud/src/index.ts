/**
 * Catalog backend module: CAPI clusters as catalog Resources.
 *
 * @packageDocumentation
 */
export { catalogModuleMulticloud as default } from './module';
export { clusterEntityName } from './clusterEntityName';
