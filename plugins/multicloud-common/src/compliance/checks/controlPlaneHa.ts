import { isProductionEnvironment } from '../rules';
import { clusterLabelEvidence, evidenceAt } from '../objectPath';
import { MULTICLOUD_LABELS } from '../../model/labels';
import type { Evidence } from '../types';
import { CheckDefinition } from './CheckDefinition';

/** Provider-run control planes: their availability is the provider's SLA, not replicas we set. */
const MANAGED = new Set(['eks', 'aks', 'gke']);

export const controlPlaneHaCheck: CheckDefinition = {
  id: 'control-plane-ha',
  title: 'Highly available control plane in production',
  severity: 'high',
  evaluate({ summary, objects, rules }) {
    const rule = `production (${rules.productionEnvironments.join(
      ', ',
    )}): control-plane replicas >= 3 and odd; EKS, GKE and AKS Standard are HA by the provider`;
    const envEvidence = clusterLabelEvidence(
      objects.cluster,
      summary.name,
      MULTICLOUD_LABELS.environment,
      summary.labels.environment,
    );
    if (!isProductionEnvironment(summary.labels.environment, rules)) {
      return {
        status: 'not-applicable',
        message: `Environment ${
          summary.labels.environment ?? '(none)'
        } is not production.`,
        evidence: [envEvidence],
        rule,
      };
    }
    const cp = summary.controlPlane;
    const cpObject = objects.controlPlane;
    if (cp && MANAGED.has(cp.managed)) {
      const kindEvidence: Evidence = cpObject
        ? evidenceAt(cpObject, 'kind')
        : {
            kind: cp.kind,
            name: summary.name,
            fieldPath: 'kind',
            value: cp.kind,
          };
      // AKS Free has no uptime SLA; Microsoft recommends Standard for production.
      if (cp.managed === 'aks' && cp.tier?.toLowerCase() === 'free') {
        return {
          status: 'fail',
          message: `AKS control plane on the Free tier: no uptime SLA.`,
          evidence: [
            envEvidence,
            cpObject
              ? evidenceAt(cpObject, 'spec.sku.tier')
              : {
                  kind: cp.kind,
                  name: summary.name,
                  fieldPath: 'spec.sku.tier',
                  value: cp.tier,
                },
          ],
          rule,
          remediation:
            'Set the AzureManagedControlPlane `spec.sku.tier` to Standard.',
        };
      }
      return {
        status: 'pass',
        message: `Managed control plane (${cp.kind}) is run highly available by the provider.`,
        evidence: [envEvidence, kindEvidence],
        rule,
      };
    }
    const replicasEvidence: Evidence = cpObject
      ? evidenceAt(cpObject, 'spec.replicas')
      : {
          kind: cp?.kind ?? 'ControlPlane',
          name: summary.name,
          fieldPath: 'spec.replicas',
          value: cp?.replicas.desired ?? null,
        };
    const replicas = replicasEvidence.value;
    const evidence = [envEvidence, replicasEvidence];
    if (typeof replicas === 'number' && replicas >= 3 && replicas % 2 === 1) {
      return {
        status: 'pass',
        message: `${replicas} control-plane replicas.`,
        evidence,
        rule,
      };
    }
    return {
      status: 'fail',
      message:
        typeof replicas === 'number'
          ? `${replicas} control-plane replica(s): production needs at least 3 and an odd number (etcd quorum).`
          : 'The control-plane replica count is unknown.',
      evidence,
      rule,
      remediation: 'Set the control plane `spec.replicas` to 3 (or 5).',
    };
  },
};
