import {
  assumedClusterClass,
  estimateManifestCost,
  manifestCompliance,
  objectNameProblems,
  type ComplianceReport,
  type ComplianceRules,
  type CrdValidator,
  type KnownCloud,
  type KubeObject,
  type ManifestCost,
  type PriceBook,
} from '@internal/plugin-multicloud-common';
import type { FleetService } from '@internal/plugin-multicloud-node';
import { fleetFailures } from './fleetFailures';
import type { LocatedObject } from './manifestDirectory';
import { schemaFailures } from './schemaFailures';
import { objectLabel, type ValidationFailure } from './ValidationFailure';

export interface ValidationOptions {
  validator: CrdValidator;
  rules: ComplianceRules;
  prices: PriceBook;
  /** Checks the Cluster name against the live fleet (new clusters); undefined skips it. */
  fleet?: FleetService;
  /** USD per month the cluster may cost at its autoscaler maximum. */
  maxMonthlyCost?: number;
  /** The cloud of a topology cluster (its objects do not say; the layout path does). */
  cloud?: KnownCloud;
}

export interface ValidationResult {
  failures: ValidationFailure[];
  compliance?: ComplianceReport;
  cost?: ManifestCost;
  objectCount: number;
}

function isCluster(o: LocatedObject): boolean {
  return (
    o.object.kind === 'Cluster' &&
    String(o.object.apiVersion).startsWith('cluster.x-k8s.io/')
  );
}

/** The objects a topology cluster relies on without containing them: its ClusterClass's shape. */
function contextOf(
  cluster: KubeObject,
  cloud: KnownCloud | undefined,
): KubeObject[] {
  const className =
    cluster.spec?.topology?.classRef?.name ?? cluster.spec?.topology?.class;
  return className && cloud
    ? assumedClusterClass(
        cloud,
        className,
        cluster.metadata?.namespace ?? 'default',
      )
    : [];
}

function locate(
  objects: LocatedObject[],
  kind: string,
  name: string,
): LocatedObject | undefined {
  return objects.find(
    o => o.object.kind === kind && o.object.metadata?.name === name,
  );
}

/**
 * Everything a cluster directory must pass before it is proposed: CRD schemas, names, no
 * clash with the live fleet, the compliance checks (data residency among them) and the
 * budget. Every failure is returned, none stops the others.
 */
export function validateManifests(
  located: LocatedObject[],
  options: ValidationOptions,
): ValidationResult {
  const failures: ValidationFailure[] = schemaFailures(
    located,
    options.validator,
  );
  const objects = located.map(o => o.object);
  for (const { file, object } of located) {
    for (const problem of objectNameProblems([object])) {
      failures.push({
        check: 'names',
        file,
        object: objectLabel(object),
        field: problem.field,
        message: problem.message,
      });
    }
  }
  const clusters = located.filter(isCluster);
  if (clusters.length !== 1) {
    failures.push({
      check: 'files',
      file: '',
      object: '',
      field: '',
      message: `expected exactly one cluster.x-k8s.io Cluster, found ${clusters.length}`,
    });
    return { failures, objectCount: located.length };
  }
  if (options.fleet) failures.push(...fleetFailures(clusters, options.fleet));

  const context = contextOf(clusters[0].object, options.cloud);
  const compliance = manifestCompliance(objects, context, options.rules);
  for (const check of compliance.checks.filter(c => c.status === 'fail')) {
    // Located at the first missing or false fact; every fact is listed in the message.
    const evidence =
      check.evidence.find(e => e.value === null || e.value === false) ??
      check.evidence[0];
    const at = evidence && locate(located, evidence.kind, evidence.name);
    const facts = check.evidence.map(
      e => `${e.kind} ${e.name} ${e.fieldPath}=${JSON.stringify(e.value)}`,
    );
    let object = evidence ? `${evidence.kind} ${evidence.name}` : '';
    if (at) object = objectLabel(at.object);
    failures.push({
      check: 'compliance',
      file: at?.file ?? '',
      object,
      field: evidence?.fieldPath ?? '',
      message: `${check.title} (${check.severity}): ${check.message} Rule: ${
        check.rule
      }.${check.remediation ? ` ${check.remediation}` : ''}${
        facts.length ? ` Evidence: ${facts.join('; ')}.` : ''
      }`,
    });
  }

  const cost = estimateManifestCost(objects, context, options.prices);
  if (options.maxMonthlyCost !== undefined) {
    const max = cost.maximum;
    if (max.provenance === 'partial' || max.provenance === 'unknown') {
      failures.push({
        check: 'budget',
        file: '',
        object: objectLabel(clusters[0].object),
        field: '',
        message: `the budget of $${options.maxMonthlyCost}/month cannot be verified: ${max.unknownLines} cost line(s) have no known price`,
      });
    } else if (max.perMonth > options.maxMonthlyCost) {
      failures.push({
        check: 'budget',
        file: '',
        object: objectLabel(clusters[0].object),
        field: '',
        message: `at its autoscaler maximum the cluster costs $${Math.round(
          max.perMonth,
        )}/month, over the budget of $${
          options.maxMonthlyCost
        }/month; lower the maximum workers or choose a smaller instance type`,
      });
    }
  }
  return { failures, compliance, cost, objectCount: located.length };
}
