import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import { MULTICLOUD_ANNOTATIONS } from '../model/labels';
import { cluster, lookupOf, seedClusters } from './__fixtures__/clusters';
import { evaluateFailoverPolicy } from './policy';
import { DEFAULT_FAILOVER_DEFAULTS as defaults } from './types';

const TARGET = MULTICLOUD_ANNOTATIONS.failoverTarget;
const MODE = MULTICLOUD_ANNOTATIONS.failoverMode;

describe('evaluateFailoverPolicy', () => {
  it('reads the seed policy: manual, the Azure cluster as target', () => {
    const { aws, azure, gcp } = seedClusters();
    const report = evaluateFailoverPolicy(
      aws,
      lookupOf(aws, azure, gcp),
      rules,
      defaults,
    );
    expect(report).toEqual({
      cluster: 'default/trustram-aws-cluster',
      mode: 'manual',
      modeSource: 'annotation',
      automatic: false,
      targets: [
        { ref: 'default/trustram-azure-cluster', valid: true, reasons: [] },
      ],
      target: 'default/trustram-azure-cluster',
      valid: true,
      problems: [],
      failedOver: false,
    });
  });

  it("reads targets as clusters of the primary's own management cluster when the fleet spans several", () => {
    const { aws, azure } = seedClusters();
    const on = (mc: string, c: typeof aws) => ({
      ...c,
      ref: `${mc}/${c.ref}`,
      managementCluster: mc,
    });
    const report = evaluateFailoverPolicy(
      on('eu', aws),
      lookupOf(on('eu', azure), on('us', azure)),
      rules,
      defaults,
    );
    expect(report).toMatchObject({
      cluster: 'eu/default/trustram-aws-cluster',
      target: 'eu/default/trustram-azure-cluster',
      valid: true,
    });
  });

  it('has no policy for a cluster without failover annotations', () => {
    const { azure } = seedClusters();
    expect(
      evaluateFailoverPolicy(azure, lookupOf(azure), rules, defaults),
    ).toBeUndefined();
  });

  it('chooses the first valid target and reports why the others are not', () => {
    const { aws, azure, gcp } = seedClusters({
      annotations: {
        [TARGET]:
          'default/gone, default/trustram-azure-cluster,default/trustram-gcp-cluster',
      },
    });
    const sick = {
      ...azure,
      health: {
        verdict: 'degraded' as const,
        reasons: [
          {
            object: 'x',
            source: 'Available',
            message: '1/3 workers available',
            severity: 'warning' as const,
          },
        ],
      },
    };
    const report = evaluateFailoverPolicy(
      aws,
      lookupOf(aws, sick, gcp),
      rules,
      defaults,
    )!;
    expect(report.target).toBe('default/trustram-gcp-cluster');
    expect(report.valid).toBe(true);
    expect(report.targets).toEqual([
      {
        ref: 'default/gone',
        valid: false,
        reasons: ['cluster default/gone does not exist'],
      },
      {
        ref: 'default/trustram-azure-cluster',
        valid: false,
        reasons: [
          'default/trustram-azure-cluster is degraded: 1/3 workers available',
        ],
      },
      { ref: 'default/trustram-gcp-cluster', valid: true, reasons: [] },
    ]);
  });

  it('reports malformed entries, duplicates, self-references and an unknown mode instead of ignoring them', () => {
    const { aws, azure } = seedClusters({
      annotations: {
        [TARGET]:
          'azure,default/trustram-aws-cluster,default/trustram-azure-cluster,default/trustram-azure-cluster',
        [MODE]: 'Auto',
      },
    });
    const report = evaluateFailoverPolicy(
      aws,
      lookupOf(aws, azure),
      rules,
      defaults,
    )!;
    expect(report.mode).toBe('manual');
    expect(report.modeSource).toBe('default');
    expect(report.problems).toEqual([
      "multicloud.io/failover-mode 'Auto' must be one of manual, automatic; using the default manual",
      "target 'azure' is not namespace/name",
      'target default/trustram-azure-cluster is listed twice',
    ]);
    expect(report.targets[0]).toEqual({
      ref: 'default/trustram-aws-cluster',
      valid: false,
      reasons: ['a cluster cannot fail over to itself'],
    });
    expect(report.target).toBe('default/trustram-azure-cluster');
  });

  it('is invalid, with the reason, when no target is declared or none is usable', () => {
    const onlyMode = cluster({
      name: 'a',
      region: 'us-east-1',
      annotations: { [MODE]: 'automatic' },
    });
    const report = evaluateFailoverPolicy(
      onlyMode,
      lookupOf(onlyMode),
      rules,
      defaults,
    )!;
    expect(report.valid).toBe(false);
    expect(report.problems[0]).toMatch(
      /^no failover target: set multicloud.io\/failover-target/,
    );

    const { aws } = seedClusters({ annotations: { [TARGET]: 'default/gone' } });
    const none = evaluateFailoverPolicy(aws, lookupOf(aws), rules, defaults)!;
    expect(none.valid).toBe(false);
    expect(none.problems).toEqual(['none of the declared targets is usable']);
  });

  it('never picks a target outside the regions of the primary data class', () => {
    const gdprPrimary = cluster({
      name: 'pay-eu',
      cloud: 'aws',
      region: 'eu-west-1',
      dataClass: 'gdpr',
      annotations: { [TARGET]: 'default/pay-us,default/pay-eu-azure' },
    });
    const us = cluster({
      name: 'pay-us',
      cloud: 'azure',
      region: 'westus2',
      dataClass: 'gdpr',
    });
    const eu = cluster({
      name: 'pay-eu-azure',
      cloud: 'azure',
      region: 'westeurope',
    });
    const report = evaluateFailoverPolicy(
      gdprPrimary,
      lookupOf(gdprPrimary, us, eu),
      rules,
      defaults,
    )!;
    expect(report.targets[0].reasons).toEqual([
      'default/pay-us is in azure region westus2, not allowed for data class gdpr of default/pay-eu ' +
        '(dataClasses.gdpr.allowedRegions = [eu-west-1, westeurope, europe-west1])',
    ]);
    expect(report.target).toBe('default/pay-eu-azure');
  });

  it('runs automatically only when the policy says so and config allows it', () => {
    const { aws, azure } = seedClusters({
      annotations: { [MODE]: 'automatic' },
    });
    const lookup = lookupOf(aws, azure);
    const off = evaluateFailoverPolicy(aws, lookup, rules, defaults)!;
    expect(off.automatic).toBe(false);
    expect(off.problems).toEqual([
      'mode is automatic but multicloud.failover.automatic is off: runs need a person',
    ]);
    expect(
      evaluateFailoverPolicy(aws, lookup, rules, {
        defaultMode: 'manual',
        automaticEnabled: true,
      })!.automatic,
    ).toBe(true);

    const { aws: noMode } = seedClusters();
    delete noMode.annotations[MODE];
    const byDefault = evaluateFailoverPolicy(noMode, lookup, rules, {
      defaultMode: 'automatic',
      automaticEnabled: true,
    })!;
    expect(byDefault).toMatchObject({
      mode: 'automatic',
      modeSource: 'default',
      automatic: true,
    });
  });

  it('rejects a target that is failed over itself and reports the primary state', () => {
    const { aws, azure } = seedClusters({
      annotations: { [MULTICLOUD_ANNOTATIONS.failoverState]: 'failed-over' },
    });
    const failedAzure = {
      ...azure,
      annotations: { [MULTICLOUD_ANNOTATIONS.failoverState]: 'failed-over' },
    };
    const report = evaluateFailoverPolicy(
      aws,
      lookupOf(aws, failedAzure),
      rules,
      defaults,
    )!;
    expect(report.failedOver).toBe(true);
    expect(report.targets[0].reasons).toEqual([
      'default/trustram-azure-cluster is itself failed over',
    ]);
  });
});
