import fc from 'fast-check';
import { isRegionAllowed } from '../compliance/residency';
import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import type { Verdict } from '../model/ClusterSummary';
import type { Cloud } from '../model/cloud';
import { VERDICTS } from '../model/ClusterSummary';
import { MULTICLOUD_ANNOTATIONS } from '../model/labels';
import { cluster, lookupOf } from './__fixtures__/clusters';
import { evaluateFailoverPolicy } from './policy';
import { DEFAULT_FAILOVER_DEFAULTS } from './types';

const PLACES: Array<[Cloud, string]> = [
  ['aws', 'eu-west-1'],
  ['aws', 'us-west-2'],
  ['aws', 'us-east-1'],
  ['azure', 'westeurope'],
  ['azure', 'westus2'],
  ['gcp', 'europe-west1'],
  ['gcp', 'us-west1'],
  ['gcp', 'asia-east1'],
];

const candidate = fc.record({
  place: fc.constantFrom(...PLACES),
  verdict: fc.constantFrom<Verdict>(...VERDICTS),
  dataClass: fc.constantFrom('gdpr', 'GDPR', 'ccpa', undefined),
});

describe('evaluateFailoverPolicy (properties)', () => {
  it('never gives a GDPR primary a target outside the GDPR regions, whatever the fleet', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('gdpr', 'GDPR', 'Gdpr'),
        (candidates, label) => {
          const targets = candidates.map(
            ({ place: [cloud, region], verdict, dataClass }, i) =>
              cluster({ name: `t${i}`, cloud, region, verdict, dataClass }),
          );
          const primary = cluster({
            name: 'primary',
            cloud: 'aws',
            region: 'eu-west-1',
            dataClass: label,
            annotations: {
              [MULTICLOUD_ANNOTATIONS.failoverTarget]: targets
                .map(t => t.ref)
                .join(','),
            },
          });
          const report = evaluateFailoverPolicy(
            primary,
            lookupOf(primary, ...targets),
            rules,
            DEFAULT_FAILOVER_DEFAULTS,
          )!;
          const firstUsable = targets.find(
            t =>
              t.health.verdict === 'healthy' &&
              isRegionAllowed(t.cloud, t.region, 'gdpr', rules),
          );
          const chosen = targets.find(t => t.ref === report.target);
          expect(report.target).toBe(firstUsable?.ref);
          expect(report.valid).toBe(firstUsable !== undefined);
          expect(
            chosen === undefined ||
              rules.dataClasses.gdpr.allowedRegions.includes(chosen.region!),
          ).toBe(true);
          expect(
            report.targets
              .filter(t => !t.valid)
              .every(t => t.reasons.length > 0),
          ).toBe(true);
        },
      ),
    );
  });
});
