import {
  CAPI_AUTOSCALER_ANNOTATIONS,
  CAPI_LABELS,
} from '@internal/plugin-multicloud-common';
import type { KubeObject } from '../api/types';
import { CAPI_GROUP } from './refs';

const WITH_CLUSTER_NAME = new Set([
  'MachineDeployment',
  'MachineSet',
  'Machine',
  'MachinePool',
  'MachineHealthCheck',
]);

/**
 * What CAPI's defaulting webhooks do on write, for the parts the simulator relies on: the
 * cluster-name label, MachineDeployment/MachineSet selectors and template labels, and
 * replicas (the autoscaler's minimum when its annotation is set, else 1).
 */
export function defaultCapiObject(obj: KubeObject): void {
  if (
    !obj.apiVersion?.startsWith(`${CAPI_GROUP}/`) ||
    !WITH_CLUSTER_NAME.has(obj.kind ?? '')
  )
    return;
  const clusterName = obj.spec?.clusterName;
  if (!clusterName || !obj.metadata) return;
  obj.metadata.labels = {
    ...obj.metadata.labels,
    [CAPI_LABELS.clusterName]: clusterName,
  };
  if (obj.kind === 'MachineDeployment' || obj.kind === 'MachinePool') {
    if (obj.spec.replicas === undefined) {
      const min =
        obj.metadata.annotations?.[CAPI_AUTOSCALER_ANNOTATIONS.minSize];
      obj.spec.replicas = min ? Number(min) : 1;
    }
  }
  if (obj.kind === 'MachineDeployment' || obj.kind === 'MachineSet') {
    const selectorLabels = {
      [CAPI_LABELS.clusterName]: clusterName,
      ...(obj.kind === 'MachineDeployment'
        ? { [CAPI_LABELS.deploymentName]: obj.metadata.name! }
        : {}),
      ...obj.spec.selector?.matchLabels,
    };
    obj.spec.selector = { ...obj.spec.selector, matchLabels: selectorLabels };
    const template = (obj.spec.template ??= {});
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, ...selectorLabels },
    };
  }
}
