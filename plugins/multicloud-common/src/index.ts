export * from './model/labels';
export * from './model/cloud';
export * from './model/kube';
export * from './model/ClusterSummary';
export * from './permissions';
