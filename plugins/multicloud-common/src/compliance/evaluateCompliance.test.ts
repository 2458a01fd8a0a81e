import { classifyClusterObjects } from '../fleet/ClusterObjects';
import { summarizeCluster } from '../fleet/summarizeCluster';
import { cluster } from './__fixtures__/evaluate';
import { patch } from './__fixtures__/patch';
import { evaluateCompliance } from './evaluateCompliance';
import { COMPLIANCE_CHECK_IDS } from './types';

describe('evaluateCompliance', () => {
  const hardened = () =>
    patch(
      cluster({
        environment: 'prod',
        owner: 'payments',
        min: 3,
        max: 10,
        machineHealthCheck: true,
      }),
      'AWSMachineTemplate',
      'spec.template.spec.rootVolume.encrypted',
      true,
    );

  it('reports every check in order, each with a rule and evidence', () => {
    const objects = hardened();
    const report = evaluateCompliance(summarizeCluster(objects), objects);
    expect(report).toMatchObject({
      ref: 'default/aws-cluster',
      cloud: 'aws',
      owner: 'payments',
      environment: 'prod',
      compliant: true,
    });
    expect(report.checks.map(c => c.id)).toEqual([...COMPLIANCE_CHECK_IDS]);
    for (const check of report.checks) {
      expect(check.status).toBe('pass');
      expect(check.rule).not.toBe('');
      expect(check.evidence.length).toBeGreaterThan(0);
      expect(check.remediation).toBeUndefined();
    }
  });

  it('is not compliant when any check fails; not-applicable checks do not count', () => {
    const staging = cluster({
      environment: 'staging',
      cpReplicas: 1,
      min: 1,
      max: 3,
      machineHealthCheck: true,
    });
    const encrypted = patch(
      staging,
      'AWSMachineTemplate',
      'spec.template.spec.rootVolume.encrypted',
      true,
    );
    const report = evaluateCompliance(summarizeCluster(encrypted), encrypted);
    expect(report.checks.find(c => c.id === 'control-plane-ha')!.status).toBe(
      'not-applicable',
    );
    expect(report.compliant).toBe(true);

    const unencrypted = evaluateCompliance(summarizeCluster(staging), staging);
    expect(unencrypted.compliant).toBe(false);
    expect(
      unencrypted.checks.filter(c => c.status === 'fail').map(c => c.id),
    ).toEqual(['disk-encryption']);
  });

  it('accepts the fleet’s classified objects as well as a list', () => {
    const objects = hardened();
    const summary = summarizeCluster(objects);
    expect(
      evaluateCompliance(summary, classifyClusterObjects(objects)),
    ).toEqual(evaluateCompliance(summary, objects));
  });
});
