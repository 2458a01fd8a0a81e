import type { Manifest } from './types';

/** A rendered cluster's objects by role; each role becomes one file of the GitOps layout. */
export interface RenderedObjects {
  /** The Cluster, its infrastructure cluster and identities. */
  cluster: Manifest[];
  controlPlane: Manifest[];
  workers: Manifest[];
  healthChecks: Manifest[];
}
