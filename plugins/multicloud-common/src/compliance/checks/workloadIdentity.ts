import { namespaceOf } from '../../fleet/objects';
import { CLOUD_TITLES } from '../../model/cloud';
import type { KubeObject } from '../../model/kube';
import type { ComplianceObjects } from '../clusterObjects';
import { evidenceAt, readPath } from '../objectPath';
import type { ComplianceRules } from '../rules';
import type { Evidence } from '../types';
import type { CheckDefinition, CheckOutcome } from './CheckDefinition';

/** The objects that name a cluster's cloud identity, and the field that does. */
const IDENTITY_FIELDS = new Map<string, string>(
  Object.entries({
    AWSCluster: 'spec.identityRef',
    AWSManagedControlPlane: 'spec.identityRef',
    AzureCluster: 'spec.identityRef',
    AzureManagedControlPlane: 'spec.identityRef',
    GCPCluster: 'spec.credentialsRef',
    GCPManagedCluster: 'spec.credentialsRef',
  }),
);

/** Azure identity types that use federated or managed identities, never a stored secret. */
const AZURE_SECRETLESS = ['WorkloadIdentity', 'UserAssignedMSI'];

const RULE =
  'AWS: identityRef kind is not AWSClusterStaticIdentity; Azure: AzureClusterIdentity type is WorkloadIdentity or UserAssignedMSI; GCP: no credentialsRef Secret; no identity named: controllerCredentials decides';

const REMEDIATION = {
  aws: 'Use an AWSClusterRoleIdentity (AssumeRole from an IRSA/instance-profile source) instead of AWSClusterStaticIdentity access keys.',
  azure:
    'Point identityRef at an AzureClusterIdentity of type WorkloadIdentity (or UserAssignedMSI) and delete the client secret.',
  gcp: 'Remove credentialsRef and run the CAPG controller with GKE Workload Identity (or Workload Identity Federation).',
};

type Cloud = keyof typeof REMEDIATION;

function outcome(
  ok: boolean,
  message: string,
  evidence: Evidence[],
  cloud: Cloud,
): CheckOutcome {
  return ok
    ? { status: 'pass', message, evidence, rule: RULE }
    : {
        status: 'fail',
        message,
        evidence,
        rule: RULE,
        remediation: REMEDIATION[cloud],
      };
}

function controllerDefault(
  rules: ComplianceRules,
  evidence: Evidence,
  cloud: Cloud,
): CheckOutcome {
  const setting = rules.controllerCredentials ?? 'workload-identity';
  return outcome(
    setting === 'workload-identity',
    `No identity of its own: the ${CLOUD_TITLES[cloud]} provider controller's credentials are used (controllerCredentials: ${setting}).`,
    [evidence],
    cloud,
  );
}

function judge(
  holder: KubeObject,
  objects: ComplianceObjects,
  rules: ComplianceRules,
): CheckOutcome {
  const field = IDENTITY_FIELDS.get(holder.kind!)!;
  const refEvidence = evidenceAt(holder, field);
  const ref = readPath(holder, field) as
    | { kind?: string; name?: string; namespace?: string }
    | undefined;
  if (holder.kind!.startsWith('GCP')) {
    return ref?.name
      ? outcome(
          false,
          `credentialsRef names Secret ${ref.name}: a stored service-account key.`,
          [refEvidence],
          'gcp',
        )
      : controllerDefault(rules, refEvidence, 'gcp');
  }
  if (holder.kind!.startsWith('AWS')) {
    if (!ref?.kind || ref.kind === 'AWSClusterControllerIdentity')
      return controllerDefault(rules, refEvidence, 'aws');
    return outcome(
      ref.kind !== 'AWSClusterStaticIdentity',
      ref.kind === 'AWSClusterStaticIdentity'
        ? `identityRef ${ref.kind} ${ref.name}: long-lived access keys in a Secret.`
        : `identityRef ${ref.kind} ${ref.name}: short-lived credentials from AssumeRole.`,
      [refEvidence],
      'aws',
    );
  }
  if (!ref?.name) return controllerDefault(rules, refEvidence, 'azure');
  const identity = objects.find(
    ref.kind ?? 'AzureClusterIdentity',
    ref.name,
    ref.namespace ?? namespaceOf(holder),
  );
  if (!identity) {
    return outcome(
      false,
      `AzureClusterIdentity ${ref.name} was not found, so its type cannot be verified.`,
      [refEvidence],
      'azure',
    );
  }
  const typeEvidence = evidenceAt(identity, 'spec.type');
  const type = typeEvidence.value as string | null;
  return outcome(
    type !== null && AZURE_SECRETLESS.includes(type),
    `AzureClusterIdentity ${ref.name} is of type ${type ?? '(unset)'}.`,
    [refEvidence, typeEvidence],
    'azure',
  );
}

export const workloadIdentityCheck: CheckDefinition = {
  id: 'workload-identity',
  title: 'Workload identity instead of static credentials',
  severity: 'high',
  evaluate({ objects, rules }) {
    const holder = [objects.infrastructure, objects.controlPlane].find(
      (o): o is KubeObject => IDENTITY_FIELDS.has(o?.kind ?? ''),
    );
    return holder
      ? judge(holder, objects, rules)
      : {
          status: 'not-applicable',
          message:
            'No AWS, Azure or GCP infrastructure object names a cloud identity for this cluster.',
          evidence: [],
          rule: RULE,
        };
  },
};
