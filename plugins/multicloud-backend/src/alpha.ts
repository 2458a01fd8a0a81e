/**
 * Permission conditions of the multicloud backend, for permission policies.
 *
 * @packageDocumentation
 */
export {
  multicloudClusterConditions,
  createMulticloudClusterConditionalDecision,
  multicloudClusterResourceRef,
} from './permissions/clusterResource';
