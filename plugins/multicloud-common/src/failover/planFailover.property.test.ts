import fc from 'fast-check';
import { PriceBook } from '../cost/PriceBook';
import { DEFAULT_COMPLIANCE_RULES as rules } from '../compliance/rules';
import { cluster } from './__fixtures__/clusters';
import { planFailover } from './planFailover';
import type { PatchStep } from './types';

const TYPES = [
  'm5.xlarge',
  'm5.2xlarge',
  't3.medium',
  'mystery.large',
  undefined,
];
const pool = fc
  .record({
    instanceType: fc.constantFrom(...TYPES),
    nodes: fc.integer({ min: 0, max: 20 }),
    min: fc.integer({ min: 0, max: 10 }),
    span: fc.integer({ min: 0, max: 15 }),
    bounded: fc.boolean(),
  })
  .map(p => ({
    instanceType: p.instanceType,
    nodes: p.nodes,
    ...(p.bounded ? { min: p.min, max: p.min + p.span } : {}),
  }));

describe('planFailover (properties)', () => {
  it('never scales a pool beyond its autoscaler maximum, and covers the primary when it plans at all', () => {
    fc.assert(
      fc.property(
        fc.array(pool, { maxLength: 4 }),
        fc.array(pool, { minLength: 1, maxLength: 4 }),
        (primaryPools, standbyPools) => {
          const primary = cluster({
            name: 'p',
            cloud: 'aws',
            region: 'us-west-2',
            pools: primaryPools,
          });
          const standby = cluster({
            name: 's',
            cloud: 'aws',
            region: 'us-east-1',
            pools: standbyPools.map((p, i) => ({ ...p, name: `s-${i}` })),
          });
          const result = planFailover(primary, standby.ref, standby, {
            specs: new PriceBook(),
            rules,
            actor: 'test',
            at: '2026-01-01T00:00:00Z',
            stepTimeoutSeconds: 60,
          });
          const refusals = result.ok ? [] : result.refusals.map(r => r.kind);
          expect(refusals.filter(kind => kind !== 'capacity')).toEqual([]);
          const plan = result.ok ? result.plan : undefined;
          expect(!plan || plan.capacity!.added >= plan.capacity!.needed).toBe(
            true,
          );
          const scaled = (plan?.steps ?? []).filter(
            (s): s is PatchStep => s.action === 'scale-standby',
          );
          for (const step of scaled) {
            const before = standby.workerPools.find(
              p => p.name === step.target.name,
            )!;
            const replicas = (step.patch.spec as { replicas: number }).replicas;
            expect(replicas).toBeLessThanOrEqual(before.autoscaler!.max);
            expect(replicas).toBeGreaterThan(before.replicas.desired);
          }
        },
      ),
    );
  });
});
