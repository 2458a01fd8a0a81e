import { CAPI_LABELS } from '../model/labels';
import { API_VERSIONS } from './apiVersions';
import type { ClusterSpec } from './ClusterSpec';
import { ownedMetadata } from './clusterMetadata';
import type { Manifest } from './types';

/** Node conditions that make a worker unhealthy, and when remediation stops (a wider outage). */
export const WORKER_HEALTH_CHECK = {
  checks: {
    nodeStartupTimeoutSeconds: 600,
    unhealthyNodeConditions: [
      { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
      { type: 'Ready', status: 'False', timeoutSeconds: 300 },
    ],
  },
  remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
};

/** A MachineHealthCheck selecting the machines of one MachineDeployment. */
export function machineHealthCheck(
  spec: ClusterSpec,
  deploymentName: string,
): Manifest {
  return {
    apiVersion: API_VERSIONS.cluster,
    kind: 'MachineHealthCheck',
    metadata: ownedMetadata(spec, deploymentName),
    spec: {
      clusterName: spec.name,
      selector: {
        matchLabels: {
          [CAPI_LABELS.clusterName]: spec.name,
          [CAPI_LABELS.deploymentName]: deploymentName,
        },
      },
      ...WORKER_HEALTH_CHECK,
    },
  };
}
