import { builtin, type ResourceType } from './registry';

/**
 * Kinds a workload cluster serves: what the Backstage Kubernetes plugin fetches by default,
 * so its cluster view has no "not found" errors. Most lists are simply empty.
 */
export const WORKLOAD_TYPES: ResourceType[] = [
  builtin('', 'v1', 'Namespace', 'namespaces', {
    namespaced: false,
    status: true,
    shortNames: ['ns'],
  }),
  builtin('', 'v1', 'Pod', 'pods', { status: true, shortNames: ['po'] }),
  builtin('', 'v1', 'Service', 'services', {
    status: true,
    shortNames: ['svc'],
  }),
  builtin('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  builtin('', 'v1', 'LimitRange', 'limitranges', { shortNames: ['limits'] }),
  builtin('', 'v1', 'ResourceQuota', 'resourcequotas', {
    status: true,
    shortNames: ['quota'],
  }),
  builtin('apps', 'v1', 'Deployment', 'deployments', {
    status: true,
    shortNames: ['deploy'],
  }),
  builtin('apps', 'v1', 'ReplicaSet', 'replicasets', {
    status: true,
    shortNames: ['rs'],
  }),
  builtin('apps', 'v1', 'StatefulSet', 'statefulsets', {
    status: true,
    shortNames: ['sts'],
  }),
  builtin('apps', 'v1', 'DaemonSet', 'daemonsets', {
    status: true,
    shortNames: ['ds'],
  }),
  builtin(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    { status: true, shortNames: ['hpa'] },
  ),
  builtin('batch', 'v1', 'Job', 'jobs', { status: true }),
  builtin('batch', 'v1', 'CronJob', 'cronjobs', {
    status: true,
    shortNames: ['cj'],
  }),
  builtin('networking.k8s.io', 'v1', 'Ingress', 'ingresses', {
    status: true,
    shortNames: ['ing'],
  }),
];

/** Core kinds of the management cluster besides the CRDs. */
export const MANAGEMENT_BUILTIN_TYPES: ResourceType[] = [
  builtin('', 'v1', 'Namespace', 'namespaces', {
    namespaced: false,
    status: true,
    shortNames: ['ns'],
  }),
  builtin('', 'v1', 'Secret', 'secrets'),
  builtin('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
];
