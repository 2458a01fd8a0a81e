/**
 * A Kubernetes-API-compatible Cluster API management cluster for development, demos and tests.
 *
 * @packageDocumentation
 */
export { startSimulator } from './startSimulator';
export type {
  Simulator,
  SimulatorOptions,
  SimulatorStore,
} from './startSimulator';
export type { Scenarios } from './scenarios';
export type { CounterSnapshot, Verb } from './counters';
export { Counters } from './counters';
export { generateFleet } from './generator/fleet';
export type { Fleet, FleetOptions } from './generator/fleet';
export type {
  ClusterHealth,
  ClusterPlan,
  DataClass,
  Environment,
  WorkerPoolPlan,
} from './generator/plan';
export {
  CATALOG_SERVICES,
  DEFAULT_SERVICE_PLACEMENTS,
} from './generator/workloads';
export { loadCrds, crdDirectory } from './crds';
export { buildKubeconfig } from './kubeconfig';
export { leakForms, leakNeedles, secretMaterial } from './secretMaterial';
export { capturingLogger, findLeaks } from './leakSearch';
export type { CapturingLogger } from './leakSearch';
export type { KubeObject } from './api/types';
