import { CAPI_LABELS } from '../../model/labels';
import { LabelSelector, matchesSelector } from '../labelSelector';
import { evidenceAt } from '../objectPath';
import type { CheckDefinition } from './CheckDefinition';

export const machineHealthCheckCoverage: CheckDefinition = {
  id: 'machine-health-check',
  title: 'MachineHealthCheck covers the workers',
  severity: 'medium',
  evaluate({ summary, objects }) {
    const rule =
      'every MachineDeployment: a MachineHealthCheck with spec.clusterName = the cluster whose spec.selector matches its machines';
    // MachineHealthCheck remediates Machines of MachineDeployments; MachinePools rely on the
    // provider's own instance repair, so they are outside this check.
    const deployments = objects.workerPools.filter(
      p => p.pool.kind === 'MachineDeployment',
    );
    if (deployments.length === 0) {
      return {
        status: 'not-applicable',
        message:
          'No MachineDeployment worker pools (MachinePools are repaired by the provider).',
        evidence: [],
        rule,
      };
    }
    const uncovered: string[] = [];
    const evidence = deployments.map(({ pool }) => {
      const name = pool.metadata?.name ?? '';
      // The labels CAPI puts on the Machines of this MachineDeployment.
      const machineLabels = {
        ...pool.spec?.template?.metadata?.labels,
        [CAPI_LABELS.clusterName]: summary.name,
        [CAPI_LABELS.deploymentName]: name,
      };
      const mhc = objects.machineHealthChecks.find(
        m =>
          m.spec?.clusterName === summary.name &&
          matchesSelector(
            m.spec?.selector as LabelSelector | undefined,
            machineLabels,
          ),
      );
      if (mhc) return evidenceAt(mhc, 'spec.selector');
      uncovered.push(name);
      return evidenceAt(pool, 'spec.template.metadata.labels');
    });
    if (uncovered.length === 0) {
      return {
        status: 'pass',
        message: `All ${deployments.length} MachineDeployment(s) are covered by a MachineHealthCheck.`,
        evidence,
        rule,
      };
    }
    return {
      status: 'fail',
      message: `No MachineHealthCheck selects the machines of ${uncovered.join(
        ', ',
      )}.`,
      evidence,
      rule,
      remediation: `Add a MachineHealthCheck with spec.clusterName: ${summary.name} and a selector such as matchLabels {${CAPI_LABELS.clusterName}: ${summary.name}} (or per pool ${CAPI_LABELS.deploymentName}).`,
    };
  },
};
