/**
 * CRD-driven validation of Kubernetes custom resources (server-side use: the simulator and the
 * scaffolder's manifest validation). Pure code: callers load the CRD YAML themselves.
 */
export { createCrdValidator, splitApiVersion } from './createCrdValidator';
export type {
  CrdValidator,
  ServedResource,
  ValidationCause,
  ValidationReason,
  ValidationResult,
} from './types';
